/**
 * Where the time of a question goes at scale: builds (once) a store of generated articles in
 * DIR, then times each retrieval channel and the answer on the bench's questions.
 *
 *   npx tsx scripts/profile-store.ts DIR [--articles 47000]
 */
import { existsSync } from 'node:fs';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import { analyzeQuestion } from '../src/rag/question/analyze.js';
import { HybridRetriever } from '../src/rag/retrieval/hybrid-retriever.js';
import { normalizeForScoring, percentile, scoreItem } from '../src/evaluation/scoring.js';
import type { Answer } from '../src/rag/answer.js';
import { generateCorpus } from './corpus.js';
import { generateQa } from './generate-qa.js';

const [dir, ...rest] = process.argv.slice(2);
if (!dir) throw new Error('usage: profile-store.ts DIR [--articles N]');
const articles = Number(rest[rest.indexOf('--articles') + 1]) || 47_000;
const fresh = !existsSync(dir);
const app = await createApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' }));
const corpus = generateCorpus(articles, 42);
if (fresh) {
  const started = performance.now();
  await app.ingest.ingestDocuments(corpus.map((a) => ({ source: a.fileName, format: 'text' as const, body: a.text })));
  console.log(`ingested ${app.store.articles.counts().chunks} chunks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const questions = generateQa(corpus, 240, 7);
const presenters = app.store.facts.presenterIndex(); // what the answer service passes: a cached map
const holds = (text: string, needles: string[]) => needles.every((needle) => normalizeForScoring(text).includes(normalizeForScoring(needle)));
const time = async (name: string, run: (q: string) => Promise<unknown>, hit?: (result: unknown, q: (typeof questions)[number]) => boolean) => {
  const latencies: number[] = [];
  let hits = 0;
  for (const q of questions) {
    const t = performance.now();
    const result = await run(q.question);
    latencies.push(performance.now() - t);
    if (hit?.(result, q)) hits++;
  }
  const recall = hit ? ` · recall@5 ${((hits / questions.filter((q) => q.type !== 'unanswerable').length) * 100).toFixed(1)}%` : '';
  console.log(`${name.padEnd(12)} p50 ${percentile(latencies, 0.5).toFixed(1)} ms · p95 ${percentile(latencies, 0.95).toFixed(1)} ms${recall}`);
};
type Passages = Awaited<ReturnType<HybridRetriever['retrieve']>>;
for (const channels of [['text'], ['vector'], ['facts'], ['text', 'vector', 'facts']] as const) {
  const retriever = new HybridRetriever(app.store, { channels: [...channels] });
  await time(
    channels.join('+'),
    (q) => retriever.retrieve(analyzeQuestion(q, presenters), 5),
    (result, q) => q.type !== 'unanswerable' && (result as Passages).some((p) => p.metadata.source === q.source && holds(p.pageContent, q.must_include)),
  );
}
await time('analyze', async (q) => analyzeQuestion(q, presenters));
let passed = 0;
await time('answer', async (q) => {
  const answer: Answer = await app.answers.ask(q);
  const item = questions.find((x) => x.question === q)!;
  if (scoreItem({ ...item, also_sources: [] }, answer).passed) passed++;
});
console.log(`answers right: ${((passed / questions.length) * 100).toFixed(1)}%`);
app.close();
