import type Database from 'better-sqlite3';
import { Statements } from './statements.js';

/** Signatures kept in memory at most: about 7 MB. */
const CACHED_SIGNATURES = 20_000;
/** Ids per lookup of signatures not in memory (SQLite's host-parameter limit is far above). */
const LOOKUP_PAGE = 500;

const signatureFromBlob = (blob: Buffer): Uint32Array =>
  new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
const toBlob = (array: Uint32Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

/**
 * The stored articles' MinHash signatures and band keys, for finding reprints. A bulk ingest of
 * similar news meets the same candidates again and again, and reading a signature back costs
 * more than the whole comparison, so the ones read are kept (the most recently used) until
 * another connection commits: then any of them may have changed.
 */
export class ArticleSignatures {
  private readonly statements: Statements;
  private readonly cache = new Map<string, Uint32Array>();
  private dataVersion: number | undefined;

  constructor(private readonly db: Database.Database) {
    this.statements = new Statements(db);
  }

  /** Stores an article's signature and band keys, replacing any it had. Call inside the article's transaction. */
  write(articleId: string, signature: Uint32Array, bands: string[], replacing: boolean): void {
    // Forgotten, not cached: if the transaction rolls back, the stored signature is still the old one.
    this.cache.delete(articleId);
    if (replacing) this.sql('DELETE FROM article_bands WHERE article_id = ?').run(articleId);
    this.sql('INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)').run(articleId, toBlob(signature));
    const insertBand = this.sql('INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)');
    for (const band of bands) insertBand.run(band, articleId);
  }

  /** An article deleted (its rows go with it, by cascade). */
  forget(articleId: string): void {
    this.cache.delete(articleId);
  }

  /** Articles sharing a band key with `bands`, with their signatures. */
  candidates(bands: string[]): Array<{ id: string; signature: Uint32Array }> {
    if (bands.length === 0) return [];
    this.dropIfOthersWrote();
    const ids = this.sql<string[], string>(`SELECT DISTINCT article_id FROM article_bands WHERE band IN (${bands.map(() => '?').join(',')})`)
      .pluck()
      .all(...bands);
    const missing = ids.filter((id) => !this.cache.has(id));
    for (let i = 0; i < missing.length; i += LOOKUP_PAGE) {
      const page = missing.slice(i, i + LOOKUP_PAGE);
      const rows = this.sql<string[], { id: string; signature: Buffer }>(
        `SELECT article_id AS id, signature FROM article_signatures WHERE article_id IN (${page.map(() => '?').join(',')})`,
      ).all(...page);
      for (const row of rows) this.remember(row.id, signatureFromBlob(row.signature));
    }
    return ids.flatMap((id) => {
      const signature = this.cache.get(id);
      if (!signature) return [];
      this.remember(id, signature);
      return [{ id, signature }];
    });
  }

  /** Replaces every article's band keys (after the banding changed); returns how many articles. */
  rebandAll(bandsOf: (signature: Uint32Array) => string[]): number {
    const rows = this.sql<[], { id: string; signature: Buffer }>('SELECT article_id AS id, signature FROM article_signatures').all();
    this.db.transaction(() => {
      this.sql('DELETE FROM article_bands').run();
      const insert = this.sql('INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)');
      for (const row of rows) for (const band of bandsOf(signatureFromBlob(row.signature))) insert.run(band, row.id);
    })();
    return rows.length;
  }

  /** Most recently used last; the least recently used go past the cap. */
  private remember(id: string, signature: Uint32Array): void {
    this.cache.delete(id);
    this.cache.set(id, signature);
    if (this.cache.size > CACHED_SIGNATURES) this.cache.delete(this.cache.keys().next().value!);
  }

  /** SQLite's data_version changes when another connection commits (never for this one's writes). */
  private dropIfOthersWrote(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.dataVersion) this.cache.clear();
    this.dataVersion = version;
  }

  private sql<P extends unknown[] = unknown[], R = unknown>(source: string): Database.Statement<P, R> {
    return this.statements.get<P, R>(source);
  }
}
