import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, tempDir } from '../helpers.js';

const run = promisify(execFile);
let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('rpb-cli-');
});
afterAll(() => dir.remove());

/** Runs a command as a user would (`npm run NAME -- args`), on its own data directory. */
async function command(script: string, args: string[], dataDir: string) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
    maxBuffer: 20 * 1024 * 1024,
  });
  return stdout;
}

describe('npm run eval', () => {
  it('prints one JSON object: the summary by type and variant, and every item with its answer and citations', async () => {
    const stdout = await command('eval', [path.join(PROJECT_ROOT, '../shared/dev/seed_qa.jsonl'), '--json'], path.join(dir.path, 'eval'));
    const report = JSON.parse(stdout); // one JSON object and nothing else on stdout
    expect(report.summary.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.summary.answers_with_valid_citation).toBe(1);
    expect(report.summary).toHaveProperty('recall_at_5');
    expect(report.summary.by_type.presenter).toEqual({ total: expect.any(Number), passed: expect.any(Number), wrong: expect.any(Number), refused: expect.any(Number) });
    expect(Object.keys(report.summary.by_variant).sort()).toEqual(['en', 'vi', 'vi_no_diacritics']);
    expect(report.summary.latency_ms).toEqual({ p50: expect.any(Number), p95: expect.any(Number) });
    const item = report.items[0];
    expect(item).toMatchObject({ id: 'seed-01', passed: expect.any(Boolean), found: expect.any(Boolean), answer: expect.any(String) });
    expect(item.citations[0]).toMatchObject({ n: 1, source: expect.any(String), quote: expect.any(String) });
    expect(item.retrieved.length).toBeLessThanOrEqual(5);
  }, 120_000);
});

describe('npm run facts -- --json', () => {
  it('prints presentations and deadlines in the documented shape', async () => {
    const stdout = await command('facts', ['--doc', 'NQ 28', '--json'], path.join(dir.path, 'facts'));
    const facts = JSON.parse(stdout);
    expect(facts.presentations[0]).toMatchObject({
      presenter: 'Vũ Đức Bảo',
      titles: ['Ủy viên Ban Thường vụ Thành ủy', 'Trưởng ban Tổ chức Thành ủy'],
      act: 'trình bày',
      resolutions: ['28-NQ/TƯ'],
      date: '2022-12-06',
      source: '000_858032534c20a8a8.txt',
    });
    const deadlines = JSON.parse(await command('facts', ['--from', '2020-12-01', '--to', '2020-12-31', '--json'], path.join(dir.path, 'facts'))).deadlines;
    expect(deadlines[0]).toMatchObject({ phrase: 'trước ngày 10/12/2020', start: null, end: '2020-12-10', source: '002_cb67e36fc604a1f7.txt' });
    expect(Object.keys(deadlines[0])).toEqual(expect.arrayContaining(['task', 'responsible', 'phrase', 'start', 'end', 'source', 'quote']));
  }, 60_000);
});

describe('npm run deadlines -- --png', () => {
  it('draws the deadlines of a range as a PNG, and none for an empty range', async () => {
    const out = path.join(dir.path, 'thang-12.png');
    const stdout = await command('deadlines', ['--from', '2020-12-01', '--to', '2020-12-31', '--png', out], path.join(dir.path, 'deadlines'));
    expect(stdout).toMatch(/^Đã vẽ \d+ hạn chót vào .*thang-12\.png \(900×\d+\)$/m);
    const png = PNG.sync.read(readFileSync(out));
    expect(png.width).toBe(900);
    const empty = path.join(dir.path, 'trong.png');
    expect(await command('deadlines', ['--from', '2031-01-01', '--to', '2031-01-31', '--png', empty], path.join(dir.path, 'deadlines'))).toContain('Không có hạn chót nào');
    expect(existsSync(empty)).toBe(false);
  }, 60_000);
});

describe('npm run watch', () => {
  it('adds a feed, lists it, runs it (new items once) and removes it', async () => {
    const { FeedServer, articlePage, rss } = await import('../support/feed-server.js');
    const feeds = await new FeedServer().start();
    try {
      feeds.xml('/rss.xml', () => rss([{ n: 41 }], feeds.base));
      feeds.html('/bai/41.html', articlePage(41));
      const store = path.join(dir.path, 'watch');
      const watch = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/watch.ts', ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATA_DIR: store, LOG_LEVEL: 'silent', ALLOW_PRIVATE_URLS: 'true' },
      }).then((r) => r.stdout, (e: { stdout: string; stderr: string; code: number }) => `exit ${e.code}: ${e.stdout}${e.stderr}`);
      expect(await watch(['add', `${feeds.base}/rss.xml`, 'kế hoạch', '--every', '30'])).toMatch(/^Đã theo dõi #1 http:\/\/127\.0\.0\.1:\d+\/rss\.xml \(1 mục hiện có; từ khóa: kế hoạch\)/);
      expect(await watch(['list'])).toMatch(/#1 Tin Tỉnh ủy — .*\(RSS, mỗi 30 phút\)\n {3}từ khóa: kế hoạch\n {3}kiểm tra lần cuối: chưa/);
      expect(await watch(['run'])).toMatch(/^#1: 1 mục mới, nạp 1\n/);
      expect(await watch(['run'])).toMatch(/^#1: không đổi \(304\), nạp 0\n/);
      expect(feeds.count('/bai/41.html')).toBe(1);
      expect(await watch(['add', `${feeds.base}/khong-co.xml`])).toMatch(/^exit 1: Lỗi: http:\/\/127\.0\.0\.1:\d+\/khong-co\.xml: máy chủ trả lời lỗi HTTP 404/);
      expect(await watch(['remove', '1'])).toBe('Đã thôi theo dõi #1.\n');
      expect(await watch(['list'])).toBe('Chưa theo dõi nguồn nào.\n');
    } finally {
      await feeds.stop();
    }
  }, 120_000);
});
