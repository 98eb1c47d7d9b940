import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.js';

export interface BuilderOptions {
  dimensions: number;
  /** The current index written to a file, or null when it is empty. */
  snapshot: string | null;
  deleted: number[];
  capacity: number;
}

export type BuilderMessage =
  /** `vectors` holds the added vectors one after the other, `ids[i]` labels the i-th. */
  | { op: 'apply'; ids: Float64Array; vectors: Float32Array; removed: number[] }
  | { op: 'finish'; file: string };

/** Vectors queued before they are sent to the worker. */
const SEND_VECTORS = 256;

export type BuilderReply = { op: 'progress'; done: number } | { op: 'finished'; deleted: number[] };

/**
 * The writing thread's side of a vector index built on a worker thread: changes are sent as
 * they are committed, `caughtUp` holds the writer back when the worker falls behind (so
 * vectors do not pile up in memory), `finish` has it write the index to a file.
 */
export class IndexBuilder {
  private sent = 0;
  private done = 0;
  private failure: Error | undefined;
  private waiting: Array<() => void> = [];
  private finished: { resolve: (deleted: number[]) => void; reject: (error: Error) => void } | undefined;
  private ending = false;
  private queued: { added: Array<{ id: number; vector: ArrayLike<number> }>; removed: number[] } = { added: [], removed: [] };

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: BuilderReply) => {
      if (reply.op === 'progress') {
        this.done = reply.done;
        this.wake();
      } else this.finished?.resolve(reply.deleted);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.ending || this.fail(new Error(`index builder exited (${code})`)));
  }

  static start(options: BuilderOptions): IndexBuilder {
    return new IndexBuilder(startWorker(import.meta.url, 'index-builder-worker', { workerData: options }));
  }

  /**
   * Queues a change; changes go to the worker a few hundred vectors at a time (a message an
   * article woke the worker, and the writing thread lost its core, twenty thousand times a run).
   */
  apply(change: { added: Array<{ id: number; vector: ArrayLike<number> }>; removed: number[] }): void {
    if (this.failure || change.added.length + change.removed.length === 0) return;
    this.sent += change.added.length + change.removed.length;
    // The worker applies a message's removals before its additions: a removal after queued additions goes in a message of its own.
    if (change.removed.length > 0 && this.queued.added.length > 0) this.flush();
    this.queued.removed.push(...change.removed);
    this.queued.added.push(...change.added);
    if (this.queued.added.length >= SEND_VECTORS) this.flush();
  }

  /** Sends what is queued. One buffer moved, not a copy of every vector: cloning them cost the writing thread a tenth of its time. */
  private flush(): void {
    const { added, removed } = this.queued;
    if (this.failure || added.length + removed.length === 0) return;
    this.queued = { added: [], removed: [] };
    const dimensions = added[0]?.vector.length ?? 0;
    const ids = Float64Array.from(added, (entry) => entry.id);
    const vectors = new Float32Array(added.length * dimensions);
    added.forEach((entry, i) => vectors.set(entry.vector, i * dimensions));
    this.worker.postMessage({ op: 'apply', ids, vectors, removed } satisfies BuilderMessage, [ids.buffer, vectors.buffer]);
  }

  /** Resolves once the worker is at most `behind` changes behind (at once after a failure: `finish` reports it). */
  async caughtUp(behind: number): Promise<void> {
    if (this.sent - this.done > behind) this.flush();
    while (!this.failure && this.sent - this.done > behind) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Writes the built index to `file`; resolves with its deleted labels. The worker stops either way. */
  async finish(file: string): Promise<number[]> {
    try {
      if (this.failure) throw this.failure;
      this.flush();
      const deleted = new Promise<number[]>((resolve, reject) => (this.finished = { resolve, reject }));
      this.worker.postMessage({ op: 'finish', file } satisfies BuilderMessage);
      return await deleted;
    } finally {
      this.ending = true;
      await this.worker.terminate();
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.finished?.reject(error);
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
