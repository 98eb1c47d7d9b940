import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.js';
import type { EmbeddingModel } from '../embeddings/index.js';
import { LocalHashEmbeddings } from '../embeddings/local-hash-embeddings.js';
import { AppError, type AppErrorCode } from '../errors.js';
import { prepareArticle, type PreparedArticle } from './prepare.js';
import type { LoadedDocument } from './sources.js';

export interface PrepareRequest {
  id: number;
  document: LoadedDocument;
  /** The stored content hash of this source: an article that still has it needs no vectors. */
  knownHash?: string;
}

export interface PrepareReply {
  id: number;
  article?: PreparedArticle;
  /** One per chunk, when the worker could embed (the local model). */
  vectors?: Float32Array[];
  error?: { code: string; message: string };
}

export interface Prepared {
  article: PreparedArticle;
  vectors?: Float32Array[];
}

/** Worker threads that prepare documents in parallel with the thread writing the store. */
export class PreparePool {
  private readonly workers: Worker[] = [];
  /** Workers that have loaded their modules and take documents. */
  private readonly ready: Worker[] = [];
  private readonly pending = new Map<number, { document: LoadedDocument; resolve: (value: Prepared) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  private constructor(size: number, model: EmbeddingModel, resourceLimits?: ResourceLimits) {
    const embeddings = model.embeddings instanceof LocalHashEmbeddings ? { dimensions: model.embeddings.dimensions, weights: model.embeddings.weights } : null;
    for (let i = 0; i < size; i++) {
      const worker = startWorker(import.meta.url, 'prepare-worker', { workerData: { embeddings }, resourceLimits });
      worker.on('message', (reply: PrepareReply | 'ready') => this.settle(reply, worker));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => this.closing || this.fail(new Error(`prepare worker exited (${code})`)));
      this.workers.push(worker);
    }
  }

  /** A pool for a bulk ingest: one worker per spare core (at least one), at most four. */
  static start(model: EmbeddingModel, resourceLimits?: ResourceLimits): PreparePool {
    return new PreparePool(Math.max(1, Math.min(4, availableParallelism() - 1)), model, resourceLimits);
  }

  /** Documents prepared on this thread because a worker died. */
  get fellBack(): boolean {
    return this.failure !== undefined;
  }

  /**
   * Prepared on a worker once one has started (about a second: it loads the modules); until
   * then, and after a worker died, on this thread — a short bulk run never waits for one.
   */
  async prepare(document: LoadedDocument, knownHash?: string): Promise<Prepared> {
    // A turn of the event loop lets a worker's "ready" in: inline work alone never yields.
    if (!this.failure && this.ready.length === 0) await yieldToEventLoop();
    if (this.failure || this.ready.length === 0) return prepareInline(document);
    const id = this.nextId++;
    return new Promise<Prepared>((resolve, reject) => {
      this.pending.set(id, { document, resolve, reject });
      this.ready[id % this.ready.length]!.postMessage({ id, document, knownHash } satisfies PrepareRequest);
    });
  }

  private settle(reply: PrepareReply | 'ready', worker: Worker): void {
    if (reply === 'ready') {
      this.ready.push(worker);
      return;
    }
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.article) waiting.resolve({ article: reply.article, vectors: reply.vectors });
    else if (reply.error && reply.error.code !== 'UNEXPECTED') waiting.reject(new AppError(reply.error.code as AppErrorCode, reply.error.message));
    else waiting.reject(new Error(reply.error?.message ?? 'prepare failed'));
  }

  /** A worker that dies (out of memory) loses nothing: what it held, and everything after, is prepared on this thread. */
  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.values()) {
      try {
        waiting.resolve(prepareInline(waiting.document));
      } catch (caught) {
        waiting.reject(caught as Error);
      }
    }
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

export function prepareInline(document: LoadedDocument): Prepared {
  return { article: prepareArticle(document) };
}

export type PreparedItem<T> = { item: T; prepared: Prepared; error?: undefined } | { item: T; prepared?: undefined; error: unknown };

/**
 * Loads and prepares items up to `ahead` in advance (the workers keep busy while the caller
 * writes), yielding them in input order so that ids and reprint checks come out as in a
 * one-by-one run.
 */
export async function* prepareAhead<T>(items: T[], run: (item: T) => Promise<Prepared>, ahead: number): AsyncGenerator<PreparedItem<T>> {
  const started: Array<Promise<PreparedItem<T>>> = [];
  const start = (i: number) => {
    const item = items[i]!;
    started[i] = run(item).then(
      (prepared) => ({ item, prepared }),
      (error: unknown) => ({ item, error }),
    );
  };
  for (let i = 0; i < Math.min(ahead, items.length); i++) start(i);
  for (let i = 0; i < items.length; i++) {
    const result = await started[i]!;
    delete started[i];
    if (i + ahead < items.length) start(i + ahead);
    yield result;
  }
}
