import type Database from 'better-sqlite3';
import type { ArticleRepository } from './article-repository.js';
import type { VectorIndex } from './vector-index.js';

export interface VectorChange {
  added: Array<{ id: number; vector: Float32Array }>;
  removed: number[];
}

/** How many log entries are kept behind the newest: a process further behind rebuilds its view in full. */
const LOG_KEPT = 200_000;

/**
 * Keeps this process's vector index in line with the stored embeddings, which several
 * processes may write (the bot, `npm run ingest`, a watch run). Every write to
 * `chunk_embeddings` lands in `vector_log` (triggers); before a search the index applies the
 * entries it has not seen — one indexed lookup when there are none. Saving happens under
 * SQLite's write lock after a last catch-up, so no saved generation drops another process's
 * vectors.
 */
export class VectorSync {
  private applied = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly articles: ArticleRepository,
    private readonly index: VectorIndex,
  ) {}

  /** On open: the index made to match the database exactly (adds what is missing, drops what is gone). */
  reconcile(): { added: number; removed: number } {
    return this.db.transaction(() => {
      const change = this.index.reconcile(this.articles.chunkIds(), (ids) => this.articles.embeddingsOf(ids));
      this.applied = this.head();
      return change;
    })();
  }

  /**
   * Applies what others wrote since the last catch-up, and `own` (this process's write, whose
   * vectors are at hand) without reading them back. Call `own` while its transaction is open
   * or right after it: entries are told apart by chunk and kind, not by time.
   */
  catchUp(own?: VectorChange): { added: number; removed: number } {
    const head = this.head();
    if (!own && head === this.applied) return { added: 0, removed: 0 };
    const oldest = (this.db.prepare('SELECT min(seq) AS seq FROM vector_log').get() as { seq: number | null }).seq;
    if (head < this.applied || (oldest !== null && oldest > this.applied + 1 && this.applied > 0)) {
      // Entries were pruned past us (or rolled back under us): compare everything once.
      if (own) this.index.apply(own);
      return this.reconcile();
    }
    const entries = this.db.prepare<[number], { seq: number; id: number; op: 'add' | 'remove' }>('SELECT seq, chunk_id AS id, op FROM vector_log WHERE seq > ? ORDER BY seq').all(this.applied);
    const ownAdds = new Map((own?.added ?? []).map((entry) => [entry.id, entry.vector]));
    const ownRemoves = new Set(own?.removed ?? []);
    const last = new Map<number, 'add' | 'remove'>();
    const foreignAdd = new Set<number>();
    const ownSeen = new Set<number>();
    for (const entry of entries) {
      last.set(entry.id, entry.op);
      if (entry.op !== 'add') continue;
      // The first add of one of our own chunks is ours; any later one is someone else's update.
      if (ownAdds.has(entry.id) && !ownSeen.has(entry.id)) ownSeen.add(entry.id);
      else foreignAdd.add(entry.id);
    }
    for (const id of ownRemoves) if (!last.has(id)) last.set(id, 'remove');
    for (const id of ownAdds.keys()) if (!last.has(id)) last.set(id, 'add');
    const removed = [...last].filter(([, op]) => op === 'remove').map(([id]) => id);
    const added = [...last].filter(([, op]) => op === 'add').map(([id]) => id);
    const fromMemory = added.filter((id) => ownAdds.has(id) && !foreignAdd.has(id));
    const fromDatabase = added.filter((id) => !ownAdds.has(id) || foreignAdd.has(id));
    this.index.apply({ added: [], removed });
    this.index.apply({ added: fromMemory.map((id) => ({ id, vector: ownAdds.get(id)! })), removed: [] });
    for (let i = 0; i < fromDatabase.length; i += 1000) this.index.apply({ added: this.articles.embeddingsOf(fromDatabase.slice(i, i + 1000)), removed: [] });
    this.applied = Math.max(this.applied, entries.at(-1)?.seq ?? 0);
    return { added: added.length, removed: removed.length };
  }

  /** A bulk ingest: inserts are made on a worker thread until `finishBuilding`. */
  startBuilding(): void {
    this.index.startBuilding();
  }

  /** Holds a bulk ingest back while the index worker is far behind (its vectors wait in memory). */
  async builderCaughtUp(): Promise<void> {
    await this.index.builderCaughtUp();
  }

  /** The built index replaces this one; if the worker failed, what it missed is read from the database. */
  async finishBuilding(): Promise<void> {
    try {
      await this.index.finishBuilding();
    } catch {
      this.reconcile();
    }
  }

  /** Writes the index as a new generation, under the write lock, after a last catch-up; old log entries go. */
  save(): void {
    if (this.index.building) return; // the index being built is saved once it is taken
    if (!this.index.isDirty && this.lag() === 0) return; // nothing to write (and a read-only store stays untouched)
    this.db
      .transaction(() => {
        this.catchUp();
        this.index.save();
        this.db.prepare('DELETE FROM vector_log WHERE seq < ?').run(this.applied - LOG_KEPT);
      })
      .immediate();
  }

  /** Replaces the whole index with the stored embeddings (`/reindex`) and saves it. */
  rebuild(): void {
    this.db
      .transaction(() => {
        this.index.rebuild(this.articles.embeddings(), this.articles.counts().chunks);
        this.applied = this.head();
        this.index.save();
      })
      .immediate();
  }

  /** How far behind this process is: log entries it has not applied. */
  lag(): number {
    return this.head() - this.applied;
  }

  private head(): number {
    this.headQuery ??= this.db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM vector_log');
    return this.headQuery.get()?.seq ?? 0;
  }

  private headQuery: Database.Statement<[], { seq: number | null }> | undefined;
}
