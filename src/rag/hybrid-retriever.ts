import type { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Store } from '../store/index.js';
import { chunkToDocument, type PassageMetadata } from '../store/vector-store.js';
import { toFtsQuery } from './fts-query.js';

export interface RetrievedPassageMetadata extends PassageMetadata {
  /** Reciprocal-rank-fusion score: higher is better. */
  score: number;
  textRank: number | null;
  vectorRank: number | null;
}

export interface HybridRetrieverOptions extends BaseRetrieverInput {
  /** Passages returned. */
  k?: number;
  /** Candidates taken from each of full-text and vector search before fusion. */
  candidates?: number;
}

/** RRF constant: 60 is the value from the original paper and works without tuning. */
const RRF_K = 60;

/**
 * Full-text (FTS5 bm25, diacritic-insensitive) and vector (hnswlib) search fused by
 * reciprocal rank: a passage that either method ranks high comes first, one both rank
 * high comes first of all.
 */
export class HybridRetriever extends BaseRetriever {
  override lc_namespace = ['resolution_plans_bot', 'retrievers'];
  private readonly k: number;
  private readonly candidates: number;

  constructor(
    private readonly store: Store,
    options: HybridRetrieverOptions = {},
  ) {
    super(options);
    this.k = options.k ?? 5;
    this.candidates = options.candidates ?? 30;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<RetrievedPassageMetadata>[]> {
    const textHits = this.store.articles.searchText(toFtsQuery(query), this.candidates);
    const queryVector = await this.store.vectors.embeddings.embedQuery(query);
    const vectorHits = this.store.vectors.index.search(queryVector, this.candidates);

    const fused = new Map<number, { score: number; textRank: number | null; vectorRank: number | null }>();
    const entry = (id: number) => fused.get(id) ?? fused.set(id, { score: 0, textRank: null, vectorRank: null }).get(id)!;
    textHits.forEach((hit, rank) => {
      const e = entry(hit.chunkId);
      e.score += 1 / (RRF_K + rank + 1);
      e.textRank = rank + 1;
    });
    vectorHits.forEach((hit, rank) => {
      const e = entry(hit.id);
      e.score += 1 / (RRF_K + rank + 1);
      e.vectorRank = rank + 1;
    });
    const best = [...fused.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, this.k);
    const chunks = this.store.articles.getChunks(best.map(([id]) => id));
    return chunks.map((chunk, i) => chunkToDocument(chunk, best[i]![1]) as Document<RetrievedPassageMetadata>);
  }
}
