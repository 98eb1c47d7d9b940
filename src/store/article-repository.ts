import type Database from 'better-sqlite3';
import { Statements } from './statements.js';
import type { ArticleFacts } from '../facts/types.js';
import { foldDStroke } from '../text/normalize.js';
import { ArticleSignatures } from './article-signatures.js';
import { FactRepository } from './fact-repository.js';

export interface ArticleRecord {
  id: string;
  source: string;
  title: string;
  publishedDate: string | null;
  contentHash: string;
  text: string;
  ingestedAt: string;
  updatedAt: string;
}

export interface ArticleSummary {
  id: string;
  source: string;
  title: string;
  publishedDate: string | null;
  ingestedAt: string;
  updatedAt: string;
  chunkCount: number;
  sources: string[];
}

export interface NewChunk {
  position: number;
  start: number;
  end: number;
  text: string;
  vector: Float32Array;
}

export interface StoredChunk {
  id: number;
  articleId: string;
  position: number;
  start: number;
  end: number;
  text: string;
  title: string;
  source: string;
  publishedDate: string | null;
}

export interface ArticleWrite {
  id: string;
  source: string;
  title: string;
  publishedDate: string | null;
  contentHash: string;
  text: string;
  signature: Uint32Array;
  bands: string[];
  chunks: NewChunk[];
  facts: ArticleFacts;
}

/** What a write did to the chunk ids, so the vector index can follow the database. */
export interface ChunkChange {
  added: Array<{ id: number; vector: Float32Array }>;
  removed: number[];
}

const toBlob = (array: Float32Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
export const vectorFromBlob = (blob: Buffer): Float32Array =>
  new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));

interface ArticleRow {
  id: string;
  source: string;
  title: string;
  published_date: string | null;
  content_hash: string;
  text: string;
  ingested_at: string;
  updated_at: string;
}

const toArticle = (row: ArticleRow): ArticleRecord => ({
  id: row.id,
  source: row.source,
  title: row.title,
  publishedDate: row.published_date,
  contentHash: row.content_hash,
  text: row.text,
  ingestedAt: row.ingested_at,
  updatedAt: row.updated_at,
});

/**
 * Articles, their sources, chunks, full-text rows and stored embeddings. Every write that
 * touches more than one table runs in one transaction, so a crash leaves the old state or
 * the new one, never a mix.
 */
export class ArticleRepository {
  private readonly facts: FactRepository;
  private readonly signatures: ArticleSignatures;
  private cachedChunkCount: number | undefined;
  private readonly termCache = new Map<string, number>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
    facts?: FactRepository,
  ) {
    this.facts = facts ?? new FactRepository(db);
    this.statements = new Statements(db);
    this.signatures = new ArticleSignatures(db);
  }

  findSource(source: string): { articleId: string; contentHash: string } | undefined {
    return this.sql<[string], { articleId: string; contentHash: string }>(
        'SELECT article_id AS articleId, content_hash AS contentHash FROM article_sources WHERE source = ?',
      )
      .get(source);
  }

  getArticle(id: string): ArticleRecord | undefined {
    const row = this.sql<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?').get(id);
    return row && toArticle(row);
  }

  findByContentHash(hash: string): string | undefined {
    return this.sql<[string], { id: string }>('SELECT id FROM articles WHERE content_hash = ? LIMIT 1').get(hash)?.id;
  }

  /** Articles sharing a MinHash band with `bands`, with their signatures, for a reprint check. */
  reprintCandidates(bands: string[]): Array<{ id: string; signature: Uint32Array }> {
    return this.signatures.candidates(bands);
  }

  sourcesOf(articleId: string): string[] {
    return this.sql<[string], { source: string }>('SELECT source FROM article_sources WHERE article_id = ? ORDER BY added_at, source')
      .all(articleId)
      .map((row) => row.source);
  }

  /** Inserts or replaces an article with all its chunks and embeddings, and records `source`. */
  saveArticle(article: ArticleWrite): ChunkChange {
    this.forgetCounts();
    return this.db.transaction((): ChunkChange => {
      const now = this.now().toISOString();
      const removed = this.chunkIdsOf(article.id);
      const existing = this.sql<[string], { id: string }>('SELECT id FROM articles WHERE id = ?').get(article.id);
      if (existing) {
        this.sql('DELETE FROM chunks WHERE article_id = ?').run(article.id);
        this.sql(
            `UPDATE articles SET title = ?, published_date = ?, content_hash = ?, text = ?, updated_at = ?
             WHERE id = ?`,
          )
          .run(article.title, article.publishedDate, article.contentHash, article.text, now, article.id);
      } else {
        this.sql(
            `INSERT INTO articles (id, source, title, published_date, content_hash, text, ingested_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(article.id, article.source, article.title, article.publishedDate, article.contentHash, article.text, now, now);
      }
      this.signatures.write(article.id, article.signature, article.bands, Boolean(existing));
      this.recordSource(article.id, article.source, article.contentHash, now);
      const added = this.insertChunks(article.id, article.title, article.chunks);
      const spans = added.map(({ id }, i) => ({ id, start: article.chunks[i]!.start, end: article.chunks[i]!.end }));
      this.facts.replaceFacts(article.id, article.facts, { chunks: spans, isNew: !existing });
      return { added, removed };
    })();
  }

  /** Records `source` as another place the article was published (a reprint). */
  addSource(articleId: string, source: string, contentHash: string): void {
    this.recordSource(articleId, source, contentHash, this.now().toISOString());
  }

  /**
   * Forgets one source. The article goes too when it was its last source; otherwise another
   * source becomes the article's main one.
   */
  removeSource(source: string): { articleId: string; articleDeleted: boolean; removed: number[] } | undefined {
    return this.db.transaction(() => {
      const found = this.findSource(source);
      if (!found) return undefined;
      this.sql('DELETE FROM article_sources WHERE source = ?').run(source);
      const remaining = this.sourcesOf(found.articleId);
      if (remaining.length === 0) {
        return { articleId: found.articleId, articleDeleted: true, removed: this.deleteArticle(found.articleId) };
      }
      this.sql('UPDATE articles SET source = ? WHERE id = ? AND source = ?').run(remaining[0], found.articleId, source);
      return { articleId: found.articleId, articleDeleted: false, removed: [] };
    })();
  }

  /** Deletes an article with its chunks, embeddings, full-text rows and sources; returns the removed chunk ids. */
  deleteArticle(id: string): number[] {
    this.forgetCounts();
    return this.db.transaction(() => {
      const removed = this.chunkIdsOf(id);
      this.sql('DELETE FROM articles WHERE id = ?').run(id);
      this.signatures.forget(id);
      return removed;
    })();
  }

  /** Replaces every article's band keys (after the banding changed). */
  rebandAll(bandsOf: (signature: Uint32Array) => string[]): number {
    return this.signatures.rebandAll(bandsOf);
  }

  /** Every article's id and text with what fact extraction needs, for re-extracting after the extractor changed. */
  *articlesForFacts(): Generator<{ id: string; title: string; text: string; publishedDate: string | null }> {
    for (const row of this.sql<[], { id: string; title: string; text: string; publishedDate: string | null }>(
      'SELECT id, title, text, published_date AS publishedDate FROM articles ORDER BY id',
    ).iterate()) {
      yield row;
    }
  }

  listArticles(options: { limit?: number; offset?: number } = {}): ArticleSummary[] {
    const rows = this.sql<[number, number], Omit<ArticleSummary, 'sources'> & { sources: string }>(
        `SELECT a.id, a.source, a.title, a.published_date AS publishedDate, a.ingested_at AS ingestedAt,
                a.updated_at AS updatedAt,
                (SELECT count(*) FROM chunks c WHERE c.article_id = a.id) AS chunkCount,
                (SELECT group_concat(s.source, char(10)) FROM article_sources s WHERE s.article_id = a.id) AS sources
         FROM articles a ORDER BY a.published_date IS NULL, a.published_date DESC, a.ingested_at DESC, a.id
         LIMIT ? OFFSET ?`,
      )
      .all(options.limit ?? -1, options.offset ?? 0);
    return rows.map((row) => ({ ...row, sources: row.sources ? row.sources.split('\n') : [] }));
  }

  private readonly statements: Statements;
  private sql<P extends unknown[] = unknown[], R = unknown>(source: string): Database.Statement<P, R> {
    return this.statements.get<P, R>(source);
  }

  private forgetCounts(): void {
    this.cachedChunkCount = undefined;
    this.termCache.clear();
  }

  /** Number of chunks, cached between writes (count(*) scans the table). */
  chunkCount(): number {
    this.cachedChunkCount ??= this.sql<[], { n: number }>('SELECT count(*) AS n FROM chunks').get()!.n;
    return this.cachedChunkCount;
  }

  counts(): { articles: number; chunks: number; sources: number } {
    return this.sql<[], { articles: number; chunks: number; sources: number }>(
        `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM chunks) AS chunks,
                (SELECT count(*) FROM article_sources) AS sources`,
      )
      .get()!;
  }

  getChunks(ids: number[]): StoredChunk[] {
    if (ids.length === 0) return [];
    const rows = this.sql<number[], StoredChunk>(
        `SELECT c.id, c.article_id AS articleId, c.position, c.start, c.end, c.text,
                a.title, a.source, a.published_date AS publishedDate
         FROM chunks c JOIN articles a ON a.id = c.article_id WHERE c.id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The first chunk of an article that holds a character offset, for citing a sentence no retrieved passage held. */
  chunkAt(articleId: string, offset: number): number | null {
    return this.sql<[string, number, number], { id: number }>('SELECT id FROM chunks WHERE article_id = ? AND start <= ? AND end > ? ORDER BY position LIMIT 1').get(articleId, offset, offset)?.id ?? null;
  }

  /**
   * Full-text search among the articles one of whose sources (URL or file name) holds one of
   * `fragments` (folded outlet names: "laodong", "tuoitre"): "theo báo Lao Động, …".
   */
  searchTextInSources(match: string, fragments: string[], limit: number): Array<{ chunkId: number; score: number }> {
    if (!match || fragments.length === 0) return [];
    return this.sql<unknown[], { chunkId: number; score: number }>(
        `SELECT f.rowid AS chunkId, -bm25(chunk_fts, 3.0, 1.0) AS score FROM chunk_fts f JOIN chunks c ON c.id = f.rowid
         WHERE chunk_fts MATCH ? AND c.article_id IN (SELECT article_id FROM article_sources WHERE ${fragments.map(() => 'lower(source) LIKE ?').join(' OR ')})
         ORDER BY bm25(chunk_fts, 3.0, 1.0) LIMIT ?`,
      )
      .all(match, ...fragments.map((fragment) => `%${fragment}%`), limit);
  }

  /** Full-text search; `match` is an FTS5 expression (see `toFtsQuery`). Best first, bm25 with the title weighted ×3. */
  searchText(match: string, limit: number): Array<{ chunkId: number; score: number }> {
    if (!match) return [];
    return this.sql<[string, number], { chunkId: number; score: number }>(
        `SELECT rowid AS chunkId, -bm25(chunk_fts, 3.0, 1.0) AS score FROM chunk_fts WHERE chunk_fts MATCH ?
         ORDER BY bm25(chunk_fts, 3.0, 1.0) LIMIT ?`,
      )
      .all(match, limit);
  }

  /**
   * How many chunks hold each term (folded, as FTS5 indexed it), for IDF weights. Looked up
   * one term at a time (an equality lookup in the FTS vocabulary is fast, `IN` scans) and
   * cached until the next write.
   */
  termFrequencies(terms: string[]): Map<string, number> {
    const frequencies = new Map<string, number>();
    const lookup = this.sql<[string], { doc: number }>('SELECT doc FROM chunk_fts_vocab WHERE term = ?');
    for (const term of terms) {
      let df = this.termCache.get(term);
      if (df === undefined) {
        df = lookup.get(term)?.doc ?? 0;
        this.termCache.set(term, df);
      }
      frequencies.set(term, df);
    }
    return frequencies;
  }

  chunkIds(): number[] {
    return this.sql<[], { id: number }>('SELECT chunk_id AS id FROM chunk_embeddings ORDER BY chunk_id').all().map((row) => row.id);
  }

  /** Stored embeddings in id order, in pages, so a rebuild never holds them all as JS arrays at once. */
  *embeddings(pageSize = 2000): Generator<{ id: number; vector: Float32Array }> {
    const page = this.sql<[number, number], { id: number; vector: Buffer }>(
      'SELECT chunk_id AS id, vector FROM chunk_embeddings WHERE chunk_id > ? ORDER BY chunk_id LIMIT ?',
    );
    let after = -1;
    for (;;) {
      const rows = page.all(after, pageSize);
      for (const row of rows) yield { id: row.id, vector: vectorFromBlob(row.vector) };
      if (rows.length < pageSize) return;
      after = rows.at(-1)!.id;
    }
  }

  embeddingsOf(ids: number[]): Array<{ id: number; vector: Float32Array }> {
    if (ids.length === 0) return [];
    return this.sql<number[], { id: number; vector: Buffer }>(
        `SELECT chunk_id AS id, vector FROM chunk_embeddings WHERE chunk_id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids)
      .map((row) => ({ id: row.id, vector: vectorFromBlob(row.vector) }));
  }

  /** Chunk texts in id order, in pages, for re-embedding with another model. */
  *chunkTexts(pageSize = 256): Generator<Array<{ id: number; text: string }>> {
    const page = this.sql<[number, number], { id: number; text: string }>(
      'SELECT id, text FROM chunks WHERE id > ? ORDER BY id LIMIT ?',
    );
    let after = -1;
    for (;;) {
      const rows = page.all(after, pageSize);
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) return;
      after = rows.at(-1)!.id;
    }
  }

  saveEmbeddings(entries: Array<{ id: number; vector: Float32Array }>): void {
    const upsert = this.sql('INSERT OR REPLACE INTO chunk_embeddings (chunk_id, vector) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const entry of entries) upsert.run(entry.id, toBlob(entry.vector));
    })();
  }

  getMeta(key: string): string | undefined {
    return this.sql<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  private recordSource(articleId: string, source: string, contentHash: string, now: string): void {
    this.sql(
        `INSERT INTO article_sources (source, article_id, content_hash, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(source) DO UPDATE SET article_id = excluded.article_id, content_hash = excluded.content_hash`,
      )
      .run(source, articleId, contentHash, now);
  }

  private chunkIdsOf(articleId: string): number[] {
    return this.sql<[string], { id: number }>('SELECT id FROM chunks WHERE article_id = ? ORDER BY position')
      .all(articleId)
      .map((row) => row.id);
  }

  private insertChunks(articleId: string, title: string, chunks: NewChunk[]): ChunkChange['added'] {
    const insertChunk = this.sql('INSERT INTO chunks (article_id, position, start, end, text) VALUES (?, ?, ?, ?, ?)');
    const insertFts = this.sql('INSERT INTO chunk_fts (rowid, title, body) VALUES (?, ?, ?)');
    const insertVector = this.sql('INSERT INTO chunk_embeddings (chunk_id, vector) VALUES (?, ?)');
    const foldedTitle = foldDStroke(title);
    return chunks.map((chunk) => {
      const id = Number(insertChunk.run(articleId, chunk.position, chunk.start, chunk.end, chunk.text).lastInsertRowid);
      insertFts.run(id, foldedTitle, foldDStroke(chunk.text));
      insertVector.run(id, toBlob(chunk.vector));
      return { id, vector: chunk.vector };
    });
  }
}
