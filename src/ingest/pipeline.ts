import { createHash } from 'node:crypto';
import type { EmbeddingModel } from '../embeddings/index.js';
import { AppError, describeError } from '../errors.js';
import { asStoreError } from '../store/database.js';
import type { Store } from '../store/index.js';
import { fetchUrl } from './fetch-url.js';
import { signatureSimilarity } from './fingerprint.js';
import type { PreparedArticle } from './prepare.js';
import { prepareAhead, PreparePool, prepareInline, type Prepared } from './prepare-pool.js';
import { expandInputs, isUrl, loadFile, type LoadedDocument, type LoadLimits } from './sources.js';

export type IngestOutcome = 'added' | 'updated' | 'unchanged' | 'reprint';

export interface IngestResult {
  source: string;
  outcome: IngestOutcome;
  articleId: string;
  title: string;
  chunks: number;
  /** For a reprint: the article it was recognised as. */
  reprintOf?: string;
}

export interface IngestFailure {
  input: string;
  code: string;
  message: string;
}

export interface IngestSummary {
  results: IngestResult[];
  failures: IngestFailure[];
  count(outcome: IngestOutcome): number;
}

export interface IngestProgress {
  done: number;
  total: number;
  current: string;
}

/** Optional step that improves an article's facts before it is stored (the LLM refiner). */
export type FactRefiner = (article: PreparedArticle) => Promise<PreparedArticle['facts']>;

export interface IngestOptions {
  onProgress?: (progress: IngestProgress) => void;
  /** Save the vector index during a long run, at most this often (ms); a large index, whose save takes long, less often. */
  saveEveryMs?: number;
  /** The caller saves the index after a series of small ingests (a watch run); opening a store catches a stale index up anyway. */
  deferIndexSave?: boolean;
}

/** Bulk ingests (this many inputs or more) commit articles in batches and prepare them on worker threads. */
const BATCH_FROM = 20;
/** Documents loaded and prepared ahead of the one being written, in a bulk ingest. */
const PREPARE_AHEAD = 8;
const BATCH_ARTICLES = 50;
const BATCH_MS = 2000;
/**
 * WAL pages between checkpoints in a bulk ingest (SQLite's default is 1,000). A checkpoint
 * copies every page the WAL holds back to the database, and a bulk ingest rewrites the same
 * pages (full-text segments, index interiors) batch after batch: checkpointing a tenth as often
 * copied each of them fewer times and took about 5 s off a 20,000-article run.
 */
const BULK_CHECKPOINT_PAGES = 10_000;

/**
 * Groups the articles of a bulk ingest into fewer commits: an outer transaction committed every
 * 50 articles or 2 seconds, each article still written atomically inside it (a savepoint). A
 * crash loses at most the uncommitted batch, never leaves half an article; a re-run redoes it.
 */
class CommitBatch {
  private open = false;
  private writes = 0;
  private since = Date.now();

  private readonly checkpointPages: number | undefined;

  constructor(
    private readonly store: Store,
    private readonly enabled: boolean,
  ) {
    if (enabled) {
      this.checkpointPages = store.db.pragma('wal_autocheckpoint', { simple: true }) as number;
      store.db.pragma(`wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`);
    }
    this.begin();
  }

  private begin(): void {
    if (!this.enabled) return;
    this.store.db.exec('BEGIN');
    this.open = true;
    this.writes = 0;
    this.since = Date.now();
  }

  due(): boolean {
    this.writes++;
    return this.open && (this.writes >= BATCH_ARTICLES || Date.now() - this.since >= BATCH_MS);
  }

  commit(): void {
    if (!this.open) return;
    this.store.db.exec('COMMIT');
    this.open = false;
    this.begin();
  }

  /** Commits what the batch holds; if even that fails (a full disk), rolls it back rather than hide the first error. */
  end(): void {
    if (this.checkpointPages !== undefined) this.store.db.pragma(`wal_autocheckpoint = ${this.checkpointPages}`);
    if (!this.open) return;
    this.open = false;
    if (!this.store.db.inTransaction) return;
    try {
      this.store.db.exec('COMMIT');
    } catch {
      if (this.store.db.inTransaction) this.store.db.exec('ROLLBACK');
    }
  }
}

/** Shingle-set similarity above which two texts are one story published twice. */
export const REPRINT_SIMILARITY = 0.8;

/** Stable article id: derived from the first source it was read from. */
export function articleIdFor(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 12);
}

function summarize(results: IngestResult[], failures: IngestFailure[]): IngestSummary {
  return { results, failures, count: (outcome) => results.filter((result) => result.outcome === outcome).length };
}

/**
 * Ingests articles into the store: each one is read, cleaned, chunked, embedded and then
 * written with its chunks and vectors in a single transaction. Same content is a no-op;
 * changed content replaces the article's chunks; a near-identical story from another source
 * is kept once with both sources recorded. One bad input never stops the others.
 */
export class IngestPipeline {
  constructor(
    private readonly store: Store,
    private readonly model: EmbeddingModel,
    private readonly limits: LoadLimits,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly refineFacts?: FactRefiner,
  ) {}

  /** Files, folders and URLs as typed on a command line. */
  async ingestInputs(inputs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
    const { items, errors } = expandInputs(inputs);
    const failures: IngestFailure[] = errors.map(({ input, error }) => ({ input, code: error.code, message: error.message }));
    const loaders = items.map((item) => ({
      name: item.input === item.location ? item.input : item.source,
      load: async () => (isUrl(item.location) ? fetchUrl(item.location, this.limits, this.fetchImpl) : loadFile(item, this.limits)),
    }));
    const summary = await this.ingestLoaders(loaders, options);
    return summarize(summary.results, [...failures, ...summary.failures]);
  }

  /** Documents already in memory (a Telegram upload, a test fixture). */
  async ingestDocuments(documents: LoadedDocument[], options: IngestOptions = {}): Promise<IngestSummary> {
    return this.ingestLoaders(documents.map((document) => ({ name: document.source, load: async () => document })), options);
  }

  /** Documents loaded on demand, in this order (files, a generated corpus too large to hold): memory holds only those in flight. */
  async ingestLoaders(loaders: Array<{ name: string; load: () => Promise<LoadedDocument> }>, options: IngestOptions = {}): Promise<IngestSummary> {
    const results: IngestResult[] = [];
    const failures: IngestFailure[] = [];
    let saveEveryMs = options.saveEveryMs ?? 5000;
    let lastSave = Date.now();
    const bulk = loaders.length >= BATCH_FROM;
    const batch = new CommitBatch(this.store, bulk);
    const pool = bulk ? PreparePool.start(this.model) : undefined;
    if (bulk) this.store.vectorSync.startBuilding(); // hnswlib inserts on another thread
    const prepare = async (loader: (typeof loaders)[number]): Promise<Prepared> => {
      const document = await loader.load();
      return pool ? pool.prepare(document, this.store.articles.findSource(document.source)?.contentHash) : prepareInline(document);
    };
    try {
      let i = 0;
      for await (const { item: loader, prepared, error } of prepareAhead(loaders, prepare, bulk ? PREPARE_AHEAD : 1)) {
        options.onProgress?.({ done: i++, total: loaders.length, current: loader.name });
        try {
          if (!prepared) throw error;
          results.push(await this.ingestOne(prepared));
          if (bulk) await this.store.vectorSync.builderCaughtUp();
        } catch (caught) {
          // A store that cannot be written fails every later input too: stop the run.
          const error = asStoreError(caught, this.store.dataDir);
          if (error instanceof AppError && (error.code === 'STORE_UNWRITABLE' || error.code === 'STORE_CORRUPT')) throw error;
          failures.push({
            input: loader.name,
            code: error instanceof AppError ? error.code : 'UNEXPECTED',
            message: error instanceof AppError ? error.message : `${loader.name}: ${describeError(error)}`,
          });
        }
        if (batch.due()) batch.commit();
        if (Date.now() - lastSave >= saveEveryMs) {
          batch.commit(); // the saved index never names chunks the database has not committed
          const saveStarted = Date.now();
          this.store.vectorSync.save();
          // A saved index is a restart's head start, not durability (the database is): saving may take a twentieth of the run at most.
          saveEveryMs = Math.max(saveEveryMs, 20 * (Date.now() - saveStarted));
          lastSave = Date.now();
        }
      }
      options.onProgress?.({ done: loaders.length, total: loaders.length, current: '' });
    } finally {
      batch.end();
      await pool?.close();
      if (bulk) await this.store.vectorSync.finishBuilding();
      if (!options.deferIndexSave) this.store.vectorSync.save();
    }
    return summarize(results, failures);
  }

  private async ingestOne({ article, vectors: preparedVectors }: Prepared): Promise<IngestResult> {
    const { articles } = this.store;
    const known = articles.findSource(article.source);
    const base = { source: article.source, title: article.title, chunks: article.chunks.length };
    if (known && known.contentHash === article.contentHash) {
      return { ...base, outcome: 'unchanged', articleId: known.articleId };
    }
    const reprintOf = this.findReprint(article, known?.articleId);
    if (reprintOf) {
      if (known) this.detachSource(article.source);
      articles.addSource(reprintOf, article.source, article.contentHash);
      return { ...base, outcome: 'reprint', articleId: reprintOf, reprintOf };
    }
    const vectors = preparedVectors ?? (await this.embed(article));
    const facts = this.refineFacts ? await this.refineFacts(article) : article.facts;
    const articleId = this.articleIdForWrite(article, known?.articleId);
    const existing = articles.getArticle(articleId);
    const change = articles.saveArticle({
      id: articleId,
      source: existing?.source ?? article.source,
      title: article.title,
      publishedDate: article.publishedDate,
      contentHash: article.contentHash,
      text: article.text,
      signature: article.signature,
      bands: article.bands,
      chunks: article.chunks.map((chunk, position) => ({ ...chunk, position, vector: vectors[position]! })),
      facts,
    });
    this.store.vectorSync.catchUp(change);
    return { ...base, outcome: known ? 'updated' : 'added', articleId };
  }

  /**
   * The article a changed source writes to: its own, unless that article is shared with
   * other sources (reprints), whose text did not change: then this source leaves it and
   * becomes an article of its own.
   */
  private articleIdForWrite(article: PreparedArticle, knownId: string | undefined): string {
    if (knownId && this.store.articles.sourcesOf(knownId).length <= 1) return knownId;
    if (knownId) this.detachSource(article.source);
    const id = articleIdFor(article.source);
    return this.store.articles.getArticle(id) ? articleIdFor(`${article.source}#${article.contentHash}`) : id;
  }

  /** Another article with the same, or nearly the same, text. */
  private findReprint(article: PreparedArticle, ownId: string | undefined): string | undefined {
    const exact = this.store.articles.findByContentHash(article.contentHash);
    if (exact && exact !== ownId) return exact;
    let best: { id: string; similarity: number } | undefined;
    for (const candidate of this.store.articles.reprintCandidates(article.bands)) {
      if (candidate.id === ownId) continue;
      const similarity = signatureSimilarity(article.signature, candidate.signature);
      if (similarity >= REPRINT_SIMILARITY && (!best || similarity > best.similarity)) best = { id: candidate.id, similarity };
    }
    return best?.id;
  }

  private detachSource(source: string): void {
    const removed = this.store.articles.removeSource(source);
    if (removed) this.store.vectorSync.catchUp({ added: [], removed: removed.removed });
  }

  private async embed(article: PreparedArticle): Promise<Float32Array[]> {
    try {
      const vectors = await this.model.embeddings.embedDocuments(article.chunks.map((chunk) => chunk.text));
      return vectors.map((vector) => Float32Array.from(vector));
    } catch (cause) {
      throw new AppError('EMBEDDINGS_FAILED', `${article.source}: không tính được vector nhúng (${describeError(cause)})`, { cause });
    }
  }

  /** Deletes an article by id, or one source of it by file name or URL. */
  deleteArticle(idOrSource: string): { articleId: string; articleDeleted: boolean } {
    const { articles } = this.store;
    let outcome: { articleId: string; articleDeleted: boolean; removed: number[] } | undefined;
    if (articles.getArticle(idOrSource)) {
      outcome = { articleId: idOrSource, articleDeleted: true, removed: articles.deleteArticle(idOrSource) };
    } else {
      outcome = articles.removeSource(idOrSource);
    }
    if (!outcome) throw new AppError('ARTICLE_NOT_FOUND', `Không có bài viết nào có mã hoặc nguồn "${idOrSource}"`);
    this.store.vectorSync.catchUp({ added: [], removed: outcome.removed });
    this.store.vectorSync.save();
    return { articleId: outcome.articleId, articleDeleted: outcome.articleDeleted };
  }
}
