import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { VectorStore } from '@langchain/core/vectorstores';
import type { ArticleRepository, StoredChunk } from './article-repository.js';
import type { VectorHit, VectorIndex } from './vector-index.js';
import { cosine } from './vector-projection.js';
import type { VectorSync } from './vector-sync.js';

/** Metadata every passage carries: enough to cite it and to cut the quote from the article. */
export interface PassageMetadata {
  chunkId: number;
  articleId: string;
  title: string;
  source: string;
  publishedDate: string | null;
  position: number;
  start: number;
  end: number;
}

export function chunkToDocument(chunk: StoredChunk, extra: Record<string, unknown> = {}): Document<PassageMetadata> {
  return new Document<PassageMetadata>({
    pageContent: chunk.text,
    id: String(chunk.id),
    metadata: {
      chunkId: chunk.id,
      articleId: chunk.articleId,
      title: chunk.title,
      source: chunk.source,
      publishedDate: chunk.publishedDate,
      position: chunk.position,
      start: chunk.start,
      end: chunk.end,
      ...extra,
    },
  });
}

/** Candidates the index proposes at least, when it holds sketches. */
const MIN_PROPOSED = 64;

/**
 * LangChain `VectorStore` over our store: vectors in hnswlib (labels = chunk ids), documents
 * in SQLite. Chunks are written by the ingest pipeline together with their article; this
 * store indexes their vectors and answers similarity searches with full citation metadata.
 */
export class SqliteHnswVectorStore extends VectorStore {
  declare FilterType: (metadata: PassageMetadata) => boolean;

  constructor(
    embeddings: EmbeddingsInterface,
    private readonly articles: ArticleRepository,
    readonly index: VectorIndex,
    private readonly sync: VectorSync,
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return 'sqlite-hnswlib';
  }

  /**
   * Stores and indexes vectors of chunks that are already in the database (each document's
   * `metadata.chunkId`). Standalone documents have no article to belong to and are refused.
   */
  async addVectors(vectors: number[][], documents: Document[]): Promise<string[]> {
    const entries = documents.map((document, i) => {
      const id = Number(document.metadata.chunkId ?? document.id);
      if (!Number.isInteger(id)) throw new Error('addVectors needs documents that are stored chunks (metadata.chunkId)');
      return { id, vector: Float32Array.from(vectors[i] ?? []) };
    });
    this.articles.saveEmbeddings(entries);
    this.sync.catchUp({ added: entries, removed: [] });
    this.sync.save();
    return entries.map((entry) => String(entry.id));
  }

  async addDocuments(documents: Document[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent));
    return this.addVectors(vectors, documents);
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[Document<PassageMetadata>, number][]> {
    // hnswlib filters on labels only; with a metadata filter, over-fetch and filter the documents.
    const hits = this.nearest(query, filter ? k * 5 : k);
    const chunks = new Map(this.articles.getChunks(hits.map((hit) => hit.id)).map((chunk) => [chunk.id, chunk]));
    const results: [Document<PassageMetadata>, number][] = [];
    for (const hit of hits) {
      const chunk = chunks.get(hit.id);
      if (!chunk) continue;
      const document = chunkToDocument(chunk);
      if (filter && !filter(document.metadata)) continue;
      results.push([document, hit.similarity]);
      if (results.length === k) break;
    }
    return results;
  }

  /**
   * The `k` stored chunks nearest to `query`, by cosine similarity of the full vectors: the
   * index (which holds sketches) proposes three times as many, the stored embeddings rank them.
   */
  nearest(query: ArrayLike<number>, k: number): VectorHit[] {
    this.sync.catchUp(); // another process may have stored chunks since the last question
    if (this.index.indexDimensions === this.index.dimensions) return this.index.search(query, k);
    const proposed = this.index.search(query, Math.max(3 * k, MIN_PROPOSED));
    return this.articles
      .embeddingsOf(proposed.map((hit) => hit.id))
      .map((entry) => ({ id: entry.id, similarity: cosine(query, entry.vector) }))
      .sort((a, b) => b.similarity - a.similarity || a.id - b.id)
      .slice(0, k);
  }

  /** Removes chunks' vectors from the index (the pipeline deletes the rows themselves). */
  override async delete(params: { ids: Array<string | number> }): Promise<void> {
    this.index.apply({ added: [], removed: params.ids.map(Number) });
    this.sync.save();
  }
}
