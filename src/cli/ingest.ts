import { ensureBundledArticles } from '../app.js';
import { formatIngestSummary } from './format.js';
import { runCommand } from './main.js';
import { progressReporter } from './progress.js';

const USAGE = 'Cách dùng: npm run ingest -- <tệp|thư mục|URL> [...]   (không có đối số: nạp các bài có sẵn trong data/articles)';

await runCommand(async (app, args) => {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const progress = progressReporter();
  const started = performance.now();
  const summary =
    args.length === 0
      ? await app.ingest.ingestInputs([app.config.articlesDir], { onProgress: progress.onProgress })
      : await app.ingest.ingestInputs(args, { onProgress: progress.onProgress });
  progress.stop();
  if (args.length === 0) await ensureBundledArticles(app);
  const seconds = (performance.now() - started) / 1000;
  const chunks = summary.results.filter((r) => r.outcome === 'added' || r.outcome === 'updated').reduce((n, r) => n + r.chunks, 0);
  console.log(formatIngestSummary(summary));
  const counts = app.store.articles.counts();
  console.log(`Kho: ${counts.articles} bài, ${counts.chunks} đoạn; ${chunks} đoạn mới trong ${seconds.toFixed(2)} giây. Dữ liệu ở ${app.config.dataDir}`);
  return summary.failures.length > 0 && summary.results.length === 0 ? 1 : 0;
});
