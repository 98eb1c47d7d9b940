import { execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/corpus.js';
import type { App } from '../../src/app.js';
import { BUNDLED_ARTICLES, createTestApp, PROJECT_ROOT, tempDir } from '../helpers.js';

const dir = tempDir('rpb-fresh-');
const store = path.join(dir.path, 'store');
const env = { ...process.env, DATA_DIR: store, ARTICLES_DIR: BUNDLED_ARTICLES, LOG_LEVEL: 'silent', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };
const cli = (script: string, args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { cwd: PROJECT_ROOT, env });

/** An article of its own words, so only it can answer its question. */
function article(n: number): string {
  return [
    `Huyện ủy số ${n} triển khai Nghị quyết về kinh tế biển`,
    '05/03/2025 | 09:00',
    `Sáng 4/3, Huyện ủy tổ chức hội nghị. Phó Bí thư Huyện ủy Đinh Công Tráng${n % 2 ? '' : 'h'} trình bày Kế hoạch số ${500 + n}-KH/HU về phát triển nuôi trồng thủy sản ven biển đầm phá giai đoạn 2025-2030.`,
    `Kế hoạch yêu cầu hoàn thành quy hoạch vùng nuôi trước ngày 30/${(n % 12) + 1}/2025.`,
  ].join('\n');
}

let bot: App;
beforeAll(async () => {
  bot = await createTestApp(store);
  await bot.ingest.ingestInputs([BUNDLED_ARTICLES]);
});
afterAll(() => {
  bot?.close();
  dir.remove();
});

const chunks = (app: App) => app.store.articles.counts().chunks;

describe('two processes on one store', () => {
  it("a chunk another process ingested is in the running bot's vector search before its next answer", async () => {
    const file = path.join(dir.path, 'moi.txt');
    writeFileSync(file, article(1));
    const before = bot.store.vectors.index.size;
    await cli('ingest', [file]);
    expect(chunks(bot)).toBeGreaterThan(before); // the database is shared…
    expect(bot.store.vectors.index.size).toBe(before); // …the index is this process's own, until it catches up

    const hits = await bot.store.vectors.similaritySearch('Kế hoạch 501-KH/HU nuôi trồng thủy sản ven biển đầm phá', 3);
    expect(hits[0]!.metadata.source).toBe('moi.txt');
    expect(bot.store.vectors.index.size).toBe(chunks(bot));
    const answer = await bot.answers.ask('Ai trình bày Kế hoạch số 501-KH/HU?');
    expect(answer.text).toContain('Đinh Công Tráng');
  }, 60_000);

  it("the bot's saved index keeps what another process added, and a later delete elsewhere leaves its search", async () => {
    const file = path.join(dir.path, 'moi-2.txt');
    writeFileSync(file, article(2));
    await cli('ingest', [file]); // saves generation n+1 with its chunk
    bot.store.vectorSync.save(); // the bot saves after it: it must not write that chunk out again
    const reopened = await createTestApp(store);
    try {
      expect(reopened.store.openReport).toMatchObject({ index: 'loaded', vectorsAdded: 0, vectorsRemoved: 0, rebuilt: false });
      expect(reopened.store.vectors.index.size).toBe(chunks(reopened));
    } finally {
      reopened.close();
    }

    const id = bot.store.articles.findSource('moi-2.txt')!.articleId;
    await cli('articles', ['delete', id]);
    const hits = await bot.store.vectors.similaritySearch('Kế hoạch 502-KH/HU nuôi trồng thủy sản ven biển đầm phá', 5);
    expect(hits.map((h) => h.metadata.source)).not.toContain('moi-2.txt');
    expect(bot.store.vectors.index.size).toBe(chunks(bot));
  }, 60_000);

  it('an ingest killed half way: the bot catches up with what it committed, and nothing is half there', async () => {
    const folder = path.join(dir.path, 'nhieu');
    mkdirSync(folder);
    const corpus = generateCorpus(60, 7);
    for (const generated of corpus) writeFileSync(path.join(folder, generated.fileName), generated.text);
    const articlesBefore = bot.store.articles.counts().articles;
    // Generated articles share much of their wording: some are kept as reprints, as sources of another article.
    const sourceCount = () => (bot.store.db.prepare('SELECT count(*) AS n FROM article_sources').get() as { n: number }).n;
    const sourcesBefore = sourceCount();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', folder], { cwd: PROJECT_ROOT, env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await expect.poll(() => bot.store.articles.counts().articles, { timeout: 30_000, interval: 20 }).toBeGreaterThan(articlesBefore);
    child.kill('SIGKILL');
    await exited;

    const committed = bot.store.articles.counts();
    await bot.store.vectors.similaritySearch('kế hoạch nuôi trồng thủy sản', 3);
    expect(bot.store.vectors.index.size).toBe(committed.chunks);
    expect(bot.store.db.prepare('SELECT count(*) AS n FROM chunks WHERE id NOT IN (SELECT chunk_id FROM chunk_embeddings)').get()).toEqual({ n: 0 });

    // The ingest run again finishes the rest, once; the bot sees all of it.
    const { stdout } = await cli('ingest', [folder]);
    expect(stdout).toMatch(/, 0 lỗi\./);
    expect(sourceCount()).toBe(sourcesBefore + 60); // every file once, none twice
    const last = corpus.at(-1)!.facts[0]!;
    expect((await bot.answers.ask(`Ai trình bày ${last.document}?`)).text).toContain(last.presenter);
    expect(bot.store.vectors.index.size).toBe(chunks(bot));
  }, 90_000);
});
