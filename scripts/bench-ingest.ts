/**
 * Ingest benchmark: the five bundled articles and generated folders, end to end through the
 * real pipeline (read, clean, chunk, embed, store, index), on fresh stores. Prints a table.
 * Usage: npm run bench [-- --quick] [--json]
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import { generateCorpus } from './corpus.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const json = args.includes('--json');
const sizes = quick ? [200] : [1000, 5000];

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

async function run(label: string, input: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-store-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const summary = await app.ingest.ingestInputs([input]);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const counts = app.store.articles.counts();
  const reStarted = performance.now();
  const again = await app.ingest.ingestInputs([input]);
  const reSeconds = (performance.now() - reStarted) / 1000;
  app.close();
  const row = {
    corpus: label,
    articles: counts.articles,
    chunks: counts.chunks,
    failures: summary.failures.length,
    seconds: Number(seconds.toFixed(2)),
    articles_per_s: Number((counts.articles / seconds).toFixed(1)),
    chunks_per_s: Number((counts.chunks / seconds).toFixed(1)),
    reingest_unchanged_s: Number(reSeconds.toFixed(2)),
    unchanged: again.count('unchanged'),
    store_mb: Number((folderBytes(dataDir) / 1024 / 1024).toFixed(1)),
    peak_rss_mb: Math.round(peakRss / 1024 / 1024),
  };
  rmSync(dataDir, { recursive: true, force: true });
  return row;
}

const rows = [await run('bundled (5)', path.resolve('data/articles'))];
for (const size of sizes) {
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-articles-'));
  mkdirSync(folder, { recursive: true });
  for (const article of generateCorpus(size, 42)) writeFileSync(path.join(folder, article.fileName), article.text);
  rows.push(await run(`generated (${size})`, folder));
  rmSync(folder, { recursive: true, force: true });
}

if (json) {
  console.log(JSON.stringify({ ingest: rows }));
} else {
  console.log('corpus            | articles | chunks | time s | chunks/s | re-ingest s | store MB | peak RSS MB');
  for (const r of rows) {
    console.log(
      `${r.corpus.padEnd(17)} | ${String(r.articles).padStart(8)} | ${String(r.chunks).padStart(6)} | ${r.seconds.toFixed(2).padStart(6)} | ${r.chunks_per_s.toFixed(0).padStart(8)} | ${r.reingest_unchanged_s.toFixed(2).padStart(11)} | ${r.store_mb.toFixed(1).padStart(8)} | ${String(r.peak_rss_mb).padStart(11)}`,
    );
  }
}
