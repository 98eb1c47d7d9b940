import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, seededRandom } from '../../scripts/corpus.js';
import { createTestApp, PROJECT_ROOT, tempDir } from '../helpers.js';

const ARTICLES = 1200;
const KILLS = 20;

let dir: ReturnType<typeof tempDir>;
let folder: string;
let dataDir: string;

beforeAll(() => {
  dir = tempDir('rpb-kill-');
  folder = path.join(dir.path, 'articles');
  dataDir = path.join(dir.path, 'store');
  mkdirSync(folder);
  for (const article of generateCorpus(ARTICLES, 11)) writeFileSync(path.join(folder, article.fileName), article.text);
});
afterAll(() => dir.remove());

function committedArticles(): number {
  if (!existsSync(path.join(dataDir, 'store.db'))) return 0;
  try {
    const db = new Database(path.join(dataDir, 'store.db'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // schema not created yet
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the real ingest command and SIGKILLs it at a random moment after it has committed more articles. */
async function ingestAndKill(random: () => number): Promise<{ killed: boolean; before: number }> {
  const before = committedArticles();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', folder], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  while (committedArticles() <= before && Date.now() < deadline && child.exitCode === null) await sleep(10);
  await sleep(Math.floor(random() * 120));
  const killed = child.exitCode === null && child.kill('SIGKILL');
  await exited;
  return { killed, before };
}

describe('a SIGKILL in the middle of a large ingest', () => {
  it(`leaves a store that opens, is intact and agrees with its index, ${KILLS} times; a re-run completes it`, async () => {
    const random = seededRandom(2024);
    let kills = 0;
    for (let round = 0; round < KILLS; round++) {
      const { killed } = await ingestAndKill(random);
      if (killed) kills++;

      const app = await createTestApp(dataDir);
      try {
        expect(app.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(app.store.vectors.index.liveIds().sort((a, b) => a - b)).toEqual(app.store.articles.chunkIds());
        const orphanChunks = app.store.db.prepare('SELECT count(*) AS n FROM chunks WHERE article_id NOT IN (SELECT id FROM articles)').get() as { n: number };
        expect(orphanChunks.n).toBe(0);
        const ftsRows = app.store.db.prepare('SELECT count(*) AS n FROM chunk_fts').get() as { n: number };
        expect(ftsRows.n).toBe(app.store.articles.counts().chunks);
      } finally {
        app.close();
      }
    }
    console.log(`kill test: ${kills} of ${KILLS} runs killed mid-ingest`);
    expect(kills).toBeGreaterThanOrEqual(KILLS - 2);

    const app = await createTestApp(dataDir);
    try {
      const summary = await app.ingest.ingestInputs([folder]);
      expect(summary.failures).toEqual([]);
      expect(summary.count('added') + summary.count('unchanged')).toBe(ARTICLES);
      const counts = app.store.articles.counts();
      expect(counts.articles).toBe(ARTICLES);
      expect(counts.sources).toBe(ARTICLES);
      const duplicates = app.store.db.prepare('SELECT count(*) AS n FROM (SELECT content_hash FROM articles GROUP BY content_hash HAVING count(*) > 1)').get() as { n: number };
      expect(duplicates.n).toBe(0);
      expect(app.store.vectors.index.size).toBe(counts.chunks);
    } finally {
      app.close();
    }
  }, 240_000);
});
