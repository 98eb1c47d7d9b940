import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { commitFile, writeFileAtomic } from './atomic-file.js';
import { IndexBuilder } from './index-builder.js';
import { addToHnsw, type Hnsw, MIN_EF_SEARCH, newHnsw, readHnsw, removeFromHnsw } from './hnsw.js';
import { sketch, sketchDimensions } from './vector-projection.js';

export const MANIFEST_FILE = 'vectors.json';
/** Files of an index being built on a worker thread (left over only by a crash: removed on the next save). */
const SNAPSHOT_FILE = 'vectors.building.hnsw';
const BUILT_FILE = 'vectors.built.hnsw';
/** Vectors (about 20 MB of sketches) up to which the index keeps answering searches while the next one is built. */
const KEEP_WHILE_BUILDING = 20_000;

/** Format 1 held the embeddings themselves; format 2 holds their sketches. */
const FORMAT = 2;
const manifestSchema = z.object({
  format: z.literal(FORMAT),
  generation: z.number().int().nonnegative(),
  file: z.string(),
  /** Of the stored embeddings. */
  dimensions: z.number().int().positive(),
  /** Of the sketches in the file. */
  indexDimensions: z.number().int().positive(),
  /** Labels marked deleted in the file (hnswlib keeps them in its label list). */
  deleted: z.array(z.number().int().nonnegative()),
});
type Manifest = z.infer<typeof manifestSchema>;

export interface VectorHit {
  id: number;
  /** Cosine similarity, 1 = same direction. */
  similarity: number;
}

/** `outdated`: saved for other dimensions or in an older format, so rebuilt from the stored embeddings. */
export type IndexOpenState = 'loaded' | 'missing' | 'unreadable' | 'outdated';

/**
 * An hnswlib index whose labels are chunk ids, persisted in `dir` as generations:
 * `vectors.<n>.hnsw` plus `vectors.json` naming the current one. Saving writes a new
 * generation and then swaps the manifest by rename, so a crash at any point leaves a
 * complete index on disk (possibly older than the database: `reconcile` catches it up).
 * It is given the stored embeddings and holds their sketches (see vector-projection.ts):
 * `search` finds candidates, which the caller ranks by the full vectors.
 */
export class VectorIndex {
  private dirty = false;
  /** Of the sketches hnswlib holds. */
  readonly indexDimensions: number;

  private constructor(
    private readonly dir: string,
    readonly dimensions: number,
    private index: Hnsw,
    private deleted: Set<number>,
    private generation: number,
  ) {
    this.indexDimensions = sketchDimensions(dimensions);
  }

  static create(dir: string, dimensions: number, capacity = 1024): VectorIndex {
    const generation = VectorIndex.readManifestJson(dir)?.generation;
    return new VectorIndex(dir, dimensions, newHnsw(sketchDimensions(dimensions), capacity), new Set(), typeof generation === 'number' ? generation : 0);
  }

  /** Loads the saved index; `state` says whether there was one and whether it could be read. */
  static open(dir: string, dimensions: number): { index: VectorIndex; state: IndexOpenState } {
    const json = VectorIndex.readManifestJson(dir);
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success) {
      const state = json && json.format !== FORMAT ? 'outdated' : existsSync(path.join(dir, MANIFEST_FILE)) ? 'unreadable' : 'missing';
      return { index: VectorIndex.create(dir, dimensions), state };
    }
    const manifest = parsed.data;
    if (manifest.dimensions !== dimensions || manifest.indexDimensions !== sketchDimensions(dimensions)) {
      return { index: VectorIndex.create(dir, dimensions), state: 'outdated' };
    }
    try {
      const index = readHnsw(path.join(dir, manifest.file), manifest.indexDimensions);
      return { index: new VectorIndex(dir, dimensions, index, new Set(manifest.deleted), manifest.generation), state: 'loaded' };
    } catch {
      return { index: VectorIndex.create(dir, dimensions), state: 'unreadable' };
    }
  }

  private static readManifest(dir: string): Manifest | undefined {
    const parsed = manifestSchema.safeParse(VectorIndex.readManifestJson(dir));
    return parsed.success ? parsed.data : undefined;
  }

  private static readManifestJson(dir: string): { format?: unknown; generation?: unknown } | undefined {
    try {
      return JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** Ids searchable now. */
  liveIds(): number[] {
    return this.index.getIdsList().filter((id) => !this.deleted.has(id));
  }

  get size(): number {
    return this.index.getCurrentCount() - this.deleted.size;
  }

  /** Changed since the last save. */
  get isDirty(): boolean {
    return this.dirty;
  }

  get deletedCount(): number {
    return this.deleted.size;
  }

  add(id: number, vector: ArrayLike<number>): void {
    this.apply({ added: [{ id, vector }], removed: [] });
  }

  remove(id: number): void {
    this.apply({ added: [], removed: [id] });
  }

  apply(change: { added: Array<{ id: number; vector: ArrayLike<number> }>; removed: number[] }): void {
    for (const entry of change.added) {
      if (entry.vector.length !== this.dimensions) throw new Error(`vector of ${entry.vector.length} dimensions, index has ${this.dimensions}`);
    }
    const added = change.added.map((entry) => ({ id: entry.id, vector: sketch(entry.vector) }));
    // While a worker builds the next index, this one still answers searches (without the new
    // vectors) and forgets what is removed.
    for (const id of change.removed) if (removeFromHnsw(this.index, this.deleted, id)) this.dirty = true;
    if (this.builder) {
      this.builder.apply({ added, removed: change.removed });
      if (added.length > 0) this.dirty = true;
      return;
    }
    for (const entry of added) addToHnsw(this.index, this.deleted, entry.id, entry.vector);
    if (added.length > 0) this.dirty = true;
  }

  private builder: IndexBuilder | null = null;

  get building(): boolean {
    return this.builder !== null;
  }

  /** For a bulk ingest: from now on inserts are made by a worker thread, building from a snapshot of this index. */
  startBuilding(): void {
    if (this.builder) return;
    const count = this.index.getCurrentCount();
    const snapshot = count > 0 ? path.join(this.dir, SNAPSHOT_FILE) : null;
    if (snapshot) this.index.writeIndexSync(snapshot);
    this.builder = IndexBuilder.start({ dimensions: this.indexDimensions, snapshot, deleted: [...this.deleted], capacity: Math.max(1024, count) });
    // A large index is not held twice (here and in the worker): searches go without vectors until the build is taken.
    if (count > KEEP_WHILE_BUILDING) {
      this.index = newHnsw(this.indexDimensions, 16);
      this.deleted = new Set();
    }
  }

  /** Holds the writer back while the building worker is far behind. */
  async builderCaughtUp(behind = 2000): Promise<void> {
    await this.builder?.caughtUp(behind);
  }

  /**
   * Takes the built index as this one. Throws when the worker failed: this index is then kept
   * as it was (without the run's vectors; the caller catches it up from the database).
   */
  async finishBuilding(): Promise<void> {
    const builder = this.builder;
    if (!builder) return;
    this.builder = null;
    const built = path.join(this.dir, BUILT_FILE);
    try {
      const deleted = await builder.finish(built);
      this.index = readHnsw(built, this.indexDimensions);
      this.deleted = new Set(deleted);
      this.dirty = true;
    } finally {
      for (const file of [SNAPSHOT_FILE, BUILT_FILE]) rmSync(path.join(this.dir, file), { force: true });
    }
  }

  /** The `k` nearest sketches to `vector`'s (similarity of the sketches: rank them by the full vectors). */
  search(vector: ArrayLike<number>, k: number, filter?: (id: number) => boolean): VectorHit[] {
    const live = this.size;
    if (live === 0 || k <= 0) return [];
    const wanted = Math.min(k, live);
    this.index.setEf(Math.max(MIN_EF_SEARCH, wanted * 2));
    const query = Array.from(sketch(vector));
    const result = filter
      ? this.index.searchKnn(query, wanted, (id: number) => !this.deleted.has(id) && filter(id))
      : this.index.searchKnn(query, wanted);
    return result.neighbors.map((id, i) => ({ id, similarity: 1 - (result.distances[i] ?? 1) }));
  }

  /**
   * Brings the index in line with the database's stored embeddings: adds what is missing,
   * marks deleted what the database no longer has. Returns how many of each.
   */
  reconcile(databaseIds: number[], vectorsOf: (ids: number[]) => Array<{ id: number; vector: Float32Array }>): { added: number; removed: number } {
    const inDatabase = new Set(databaseIds);
    const live = new Set(this.liveIds());
    const missing = databaseIds.filter((id) => !live.has(id));
    const extra = [...live].filter((id) => !inDatabase.has(id));
    for (const id of extra) this.remove(id);
    for (let i = 0; i < missing.length; i += 1000) {
      for (const entry of vectorsOf(missing.slice(i, i + 1000))) this.add(entry.id, entry.vector);
    }
    return { added: missing.length, removed: extra.length };
  }

  /** Replaces the whole index with these vectors (compaction, /reindex); saved on the next `save`. */
  rebuild(entries: Iterable<{ id: number; vector: ArrayLike<number> }>, capacity: number): void {
    this.index = newHnsw(this.indexDimensions, capacity * 1.2);
    this.deleted.clear();
    for (const entry of entries) this.add(entry.id, entry.vector);
    this.dirty = true;
  }

  /** Size of the current index file in bytes (0 before the first save). */
  fileBytes(): number {
    const file = this.fileName();
    try {
      return file ? statSync(path.join(this.dir, file)).size : 0;
    } catch {
      return 0;
    }
  }

  /** True when so many labels are deleted that a rebuild pays off in memory and speed. */
  needsCompaction(): boolean {
    return this.deleted.size > 1000 && this.deleted.size > this.size / 3;
  }

  /** Writes a new generation and switches the manifest to it; a no-op when nothing changed. */
  save(): void {
    if (!this.dirty) return;
    const generation = this.generation + 1;
    const file = `vectors.${generation}.hnsw`;
    const temp = path.join(this.dir, `${file}.tmp`);
    this.index.writeIndexSync(temp);
    commitFile(temp, path.join(this.dir, file));
    const manifest: Manifest = { format: FORMAT, generation, file, dimensions: this.dimensions, indexDimensions: this.indexDimensions, deleted: [...this.deleted] };
    writeFileAtomic(path.join(this.dir, MANIFEST_FILE), JSON.stringify(manifest));
    this.generation = generation;
    this.dirty = false;
    this.removeOtherGenerations(file);
  }

  private removeOtherGenerations(current: string): void {
    for (const name of readdirSync(this.dir)) {
      if ((/^vectors\.\d+\.hnsw(\.tmp)?$/.test(name) || name === SNAPSHOT_FILE || name === BUILT_FILE) && name !== current) rmSync(path.join(this.dir, name), { force: true });
    }
  }

  /** Name of the current index file on disk. */
  fileName(): string | undefined {
    return VectorIndex.readManifest(this.dir)?.file;
  }
}
