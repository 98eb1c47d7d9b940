/**
 * Benchmark: our pipeline against the stock LangChain recipe on the same generated corpus and
 * questions, at growing sizes. Each pipeline runs in its own child process (clean peak RSS).
 *
 *   npm run bench [-- --quick] [--json] [--sizes 1000,10000,100000 | --size 1000000]
 *   npm run bench -- --chat [--questions 40]
 *
 * The two pipelines run one after the other, each in its own child process.
 * First, answer accuracy on the real-article dev set (../shared/dev/real) for both.
 * Stock recipe ("baseline"): RecursiveCharacterTextSplitter (1,000/200) + LangChain's HNSWLib
 * store reproduced on hnswlib-node (cosine, initIndex(count) with M=16, efConstruction=200, no
 * setEf so ef = max(10, k), in-memory docstore) + the same local embeddings, answering with
 * the top passage.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import hnswlib from 'hnswlib-node';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import { LocalHashEmbeddings } from '../src/embeddings/local-hash-embeddings.js';
import type { Answer } from '../src/rag/answer.js';
import { HybridRetriever } from '../src/rag/retrieval/hybrid-retriever.js';
import { analyzeQuestion } from '../src/rag/question/analyze.js';
import { openEvalSet } from '../src/evaluation/eval-store.js';
import { readArticleFolder, readQaFile } from '../src/evaluation/qa-set.js';
import { normalizeForScoring, percentile, scoreItem } from '../src/evaluation/scoring.js';
import { summarize } from '../src/evaluation/summary.js';
import { corpusStream, generateCorpus, type GeneratedArticle } from './corpus.js';
import { generateQa, type GeneratedQa } from './generate-qa.js';

const CHUNKS_PER_ARTICLE = 2.1; // measured on the generator's articles
const QUESTIONS = 240;

interface RunResult {
  pipeline: 'ours' | 'baseline';
  articles: number;
  chunks: number;
  ingest_seconds: number;
  ingest_chunks_per_s: number;
  peak_rss_mb: number;
  query_p50: number;
  query_p95: number;
  recall_at_5: number;
  answer_p50?: number;
  answer_p95?: number;
  accuracy: number;
  fulltext?: { query_p95: number; recall_at_5: number };
  brute_force_ms?: number;
  /** Our data directory after ingest: database, WAL and vector index. */
  store_mb?: number;
}

function directoryBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? directoryBytes(full) : statSync(full).size);
  }, 0);
}

const holdsAnswer = (text: string, q: GeneratedQa) => q.must_include.every((needle) => normalizeForScoring(text).includes(normalizeForScoring(needle)));

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
  };
}

async function runOurs(articleCount: number): Promise<RunResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-ours-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' }));
  try {
    const peakRss = rssSampler();
    // Articles are made as the pipeline asks for them (in order), as `npm run ingest` reads a
    // folder file by file: memory holds only those in flight, even at a million chunks.
    const articles = corpusStream(articleCount, 42);
    const loaders = Array.from({ length: articleCount }, (_, i) => ({
      name: `article ${i}`,
      load: async () => {
        const article = articles.next().value as GeneratedArticle;
        return { source: article.fileName, format: 'text' as const, body: article.text };
      },
    }));
    const started = performance.now();
    await app.ingest.ingestLoaders(loaders);
    const ingestSeconds = (performance.now() - started) / 1000;
    const rss = peakRss();
    const storeBytes = directoryBytes(dataDir);
    const corpus = generateCorpus(articleCount, 42);
    const questions = generateQa(corpus, QUESTIONS, 7);
    const chunks = app.store.articles.counts().chunks;
    const presenters = app.store.facts.presenterIndex(); // what the answer service passes: a cached map
    const answerable = questions.filter((q) => q.type !== 'unanswerable');

    const timeRetrieval = async (retriever: HybridRetriever) => {
      const latencies: number[] = [];
      let hits = 0;
      for (const q of answerable) {
        const t = performance.now();
        const top = await retriever.retrieve(analyzeQuestion(q.question, presenters), 5);
        latencies.push(performance.now() - t);
        if (top.some((p) => p.metadata.source === q.source && holdsAnswer(p.pageContent, q))) hits++;
      }
      return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), recall: hits / answerable.length };
    };
    const fused = await timeRetrieval(app.retriever);
    const text = await timeRetrieval(new HybridRetriever(app.store, { channels: ['text'] }));

    const answerLatencies: number[] = [];
    let passed = 0;
    for (const q of questions) {
      const answer: Answer = await app.answers.ask(q.question);
      answerLatencies.push(answer.latencyMs);
      if (scoreItem({ ...q, also_sources: [] }, answer).passed) passed++;
    }

    // Lower bound for vector search: an exact dot product over every stored vector (up to 200k: above, it would not fit beside the index).
    const bruteForce = chunks <= 200_000 ? await bruteForceMs(app, answerable[0]!.question) : undefined;

    return {
      pipeline: 'ours',
      articles: articleCount,
      chunks,
      ingest_seconds: round(ingestSeconds),
      ingest_chunks_per_s: round(chunks / ingestSeconds),
      peak_rss_mb: rss,
      query_p50: round(fused.p50),
      query_p95: round(fused.p95),
      recall_at_5: round(fused.recall),
      answer_p50: round(percentile(answerLatencies, 0.5)),
      answer_p95: round(percentile(answerLatencies, 0.95)),
      accuracy: round(passed / questions.length),
      fulltext: { query_p95: round(text.p95), recall_at_5: round(text.recall) },
      brute_force_ms: bruteForce === undefined ? undefined : round(bruteForce),
      store_mb: Math.round(storeBytes / 1024 / 1024),
    };
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** An exact dot product over every stored vector, ms a query: the floor an index is measured against. */
async function bruteForceMs(app: Awaited<ReturnType<typeof createApp>>, question: string): Promise<number> {
  const vectors = [...app.store.articles.embeddings()];
  const dims = vectors[0]?.vector.length ?? 0;
  const matrix = new Float32Array(vectors.length * dims);
  vectors.forEach((v, i) => matrix.set(v.vector, i * dims));
  const query = Float32Array.from(await app.model.embeddings.embedQuery(question));
  const t = performance.now();
  const rounds = 20;
  for (let r = 0; r < rounds; r++) {
    let best = -Infinity;
    for (let i = 0; i < vectors.length; i++) {
      let dot = 0;
      const offset = i * dims;
      for (let d = 0; d < dims; d++) dot += matrix[offset + d]! * query[d]!;
      if (dot > best) best = dot;
    }
  }
  return (performance.now() - t) / rounds;
}

async function runBaseline(articleCount: number): Promise<RunResult> {
  const corpus = generateCorpus(articleCount, 42);
  const questions = generateQa(corpus, QUESTIONS, 7);
  const embeddings = new LocalHashEmbeddings();
  const peakRss = rssSampler();
  const started = performance.now();
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const documents = await splitter.createDocuments(corpus.map((a) => a.text), corpus.map((a) => ({ source: a.fileName })));
  const vectors = await embeddings.embedDocuments(documents.map((d) => d.pageContent));
  const index = new hnswlib.HierarchicalNSW('cosine', embeddings.dimensions);
  index.initIndex(vectors.length); // LangChain's HNSWLib: maxElements = count, M = 16, efConstruction = 200
  const docstore = new Map<string, (typeof documents)[number]>();
  vectors.forEach((vector, i) => {
    index.addPoint(vector, i);
    docstore.set(String(i), documents[i]!);
  });
  const ingestSeconds = (performance.now() - started) / 1000;
  const rss = peakRss();

  const latencies: number[] = [];
  let hits = 0;
  let passed = 0;
  for (const q of questions) {
    const t = performance.now();
    const k = Math.min(5, index.getCurrentCount());
    const result = index.searchKnn(await embeddings.embedQuery(q.question), k); // no setEf: ef = max(10, k)
    latencies.push(performance.now() - t);
    const top = result.neighbors.map((id) => docstore.get(String(id))!);
    if (q.type === 'unanswerable') continue; // the top passage is always given as the answer: never a refusal
    if (top.some((d) => d.metadata.source === q.source && holdsAnswer(d.pageContent, q))) hits++;
    if (top[0] && top[0].metadata.source === q.source && holdsAnswer(top[0].pageContent, q)) passed++;
  }
  const answerable = questions.filter((q) => q.type !== 'unanswerable').length;
  return {
    pipeline: 'baseline',
    articles: articleCount,
    chunks: documents.length,
    ingest_seconds: round(ingestSeconds),
    ingest_chunks_per_s: round(documents.length / ingestSeconds),
    peak_rss_mb: rss,
    query_p50: round(percentile(latencies, 0.5)),
    query_p95: round(percentile(latencies, 0.95)),
    recall_at_5: round(hits / answerable),
    accuracy: round(passed / questions.length),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const DEV_REAL = path.resolve(import.meta.dirname, '../../shared/dev/real');

interface RealResult {
  pipeline: 'ours' | 'baseline';
  items: number;
  accuracy: number;
  answerable_accuracy: number;
  unanswerable_declined: number;
}

/** Answer accuracy on the real-article dev set (../shared/dev/real) with the shared scoring rules: ours, offline, on a fresh store. */
async function runOursReal(): Promise<RealResult> {
  const opened = await openEvalSet(loadConfig({ LOG_LEVEL: 'silent', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' }), path.join(DEV_REAL, 'qa.jsonl'));
  try {
    const results = [];
    for (const item of opened.set.items) {
      const answer = await opened.app.answers.ask(item.question);
      results.push({ item, answer, score: scoreItem(item, answer), retrieved: [] });
    }
    const summary = summarize(results);
    const answerable = results.filter((r) => r.item.type !== 'unanswerable');
    return { pipeline: 'ours', items: results.length, accuracy: round(summary.accuracy), answerable_accuracy: round(answerable.filter((r) => r.score.passed).length / answerable.length), unanswerable_declined: round(summary.unanswerable_declined) };
  } finally {
    opened.close();
  }
}

/** The stock recipe on the same set: the top passage is the answer (it never declines). */
async function runBaselineReal(): Promise<RealResult> {
  const documents = readArticleFolder(path.join(DEV_REAL, 'articles'));
  const items = readQaFile(path.join(DEV_REAL, 'qa.jsonl'));
  const embeddings = new LocalHashEmbeddings();
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const chunks = await splitter.createDocuments(documents.map((d) => d.body), documents.map((d) => ({ source: d.source })));
  const vectors = await embeddings.embedDocuments(chunks.map((d) => d.pageContent));
  const index = new hnswlib.HierarchicalNSW('cosine', embeddings.dimensions);
  index.initIndex(vectors.length);
  vectors.forEach((vector, i) => index.addPoint(vector, i));
  let passed = 0;
  const answerable = items.filter((item) => item.type !== 'unanswerable');
  for (const item of answerable) {
    const top = chunks[index.searchKnn(await embeddings.embedQuery(item.question), 1).neighbors[0]!]!;
    const sources = new Set([item.source, ...(item.also_sources ?? [])]);
    if (sources.has(String(top.metadata.source)) && item.must_include.every((needle) => normalizeForScoring(top.pageContent).includes(normalizeForScoring(needle)))) passed++;
  }
  return { pipeline: 'baseline', items: items.length, accuracy: round(passed / items.length), answerable_accuracy: round(passed / answerable.length), unanswerable_declined: 0 };
}

async function child(pipeline: string, articles: number): Promise<void> {
  const result =
    pipeline === 'ours-real' ? await runOursReal() : pipeline === 'baseline-real' ? await runBaselineReal() : pipeline === 'ours' ? await runOurs(articles) : await runBaseline(articles);
  process.stdout.write(JSON.stringify(result));
}

async function parent(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--chat')) {
    await import('./chat-latency.js'); // the time the bot adds in the chat, through the emulator
    return;
  }
  const json = args.includes('--json');
  const sizesFlag = args.findIndex((arg) => arg === '--sizes' || arg === '--size');
  const sizesArg = sizesFlag >= 0 ? args[sizesFlag + 1] : undefined;
  const chunkSizes = sizesArg ? sizesArg.split(',').map(Number) : args.includes('--quick') ? [1000] : [1000, 10_000, 100_000];
  const rows: Array<{ target: number; ours: RunResult; baseline?: RunResult }> = [];
  const runChild = async <T>(pipeline: string, articles: number) =>
    JSON.parse(
      (
        await promisify(execFile)(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', path.join(import.meta.dirname, 'bench.ts'), '--child', pipeline, String(articles)], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        })
      ).stdout,
    ) as T;
  // Real articles first: the answers users get on pages nobody tuned for, ours and the stock recipe's top passage.
  const [oursReal, baselineReal] = await Promise.all([runChild<RealResult>('ours-real', 0), runChild<RealResult>('baseline-real', 0)]);
  for (const target of chunkSizes) {
    const articles = Math.max(20, Math.round(target / CHUNKS_PER_ARTICLE));
    const run = (pipeline: string) => runChild<RunResult>(pipeline, articles);
    if (!json) process.stderr.write(`~${target} chunks (${articles} articles)…\n`);
    // One after the other, each with the machine to itself: ours prepares on a worker thread
    // while its main thread writes, the stock recipe runs on one. Each child has its own memory,
    // so peak RSS stays per pipeline.
    const ours = await run('ours');
    // At a million chunks the stock recipe holds every vector as a JS array (~7 GB): --ours-only skips it.
    const baseline = args.includes('--ours-only') ? undefined : await run('baseline');
    rows.push({ target, ours, baseline });
  }
  const largest = rows.at(-1)!;
  const stock = largest.baseline;
  const ratios = stock && {
    size_chunks: largest.ours.chunks,
    ingest_chunks_per_s: round(largest.ours.ingest_chunks_per_s / stock.ingest_chunks_per_s),
    query_p95: round(largest.ours.query_p95 / stock.query_p95),
    recall_at_5: round(largest.ours.recall_at_5 / Math.max(1e-9, stock.recall_at_5)),
    // The issue's goals: a whole offline answer against the stock recipe's single ANN query, and memory.
    answer_p95_vs_ann_p95: round(largest.ours.answer_p95! / stock.query_p95),
    peak_rss: round(largest.ours.peak_rss_mb / stock.peak_rss_mb),
  };

  const real = { ours: oursReal, baseline: baselineReal };
  if (json) {
    console.log(JSON.stringify({ rows, ratios, real }));
    return;
  }
  console.log(
    `real-article dev set (${oursReal.items} questions, ../shared/dev/real): ours ${(oursReal.accuracy * 100).toFixed(1)}% (answerable ${(oursReal.answerable_accuracy * 100).toFixed(1)}%, unanswerable declined ${(oursReal.unanswerable_declined * 100).toFixed(0)}%) · stock top passage ${(baselineReal.accuracy * 100).toFixed(1)}% (answerable ${(baselineReal.answerable_accuracy * 100).toFixed(1)}%, never declines)\n`,
  );
  console.log('pipeline  | chunks  | ingest s | chunks/s | peak RSS MB | query p50/p95 ms | recall@5 | answer p50/p95 ms | accuracy');
  for (const { ours, baseline } of rows) {
    for (const r of baseline ? [ours, baseline] : [ours]) {
      console.log(
        `${r.pipeline.padEnd(9)} | ${String(r.chunks).padStart(7)} | ${r.ingest_seconds.toFixed(1).padStart(8)} | ${r.ingest_chunks_per_s.toFixed(0).padStart(8)} | ${String(r.peak_rss_mb).padStart(11)} | ${`${r.query_p50.toFixed(2)}/${r.query_p95.toFixed(2)}`.padStart(16)} | ${(r.recall_at_5 * 100).toFixed(1).padStart(7)}% | ${r.answer_p50 !== undefined ? `${r.answer_p50.toFixed(1)}/${r.answer_p95!.toFixed(1)}`.padStart(17) : '(top passage)'.padStart(17)} | ${(r.accuracy * 100).toFixed(1).padStart(7)}%`,
      );
    }
    console.log(`  full-text alone: query p95 ${ours.fulltext!.query_p95.toFixed(2)} ms, recall@5 ${(ours.fulltext!.recall_at_5 * 100).toFixed(1)}% · brute-force dot product over all vectors: ${ours.brute_force_ms?.toFixed(2) ?? 'n/a'} ms/query · store on disk ${ours.store_mb} MB`);
  }
  if (ratios) console.log(
    `ours/baseline at ${ratios.size_chunks} chunks: ingest chunks/s ×${ratios.ingest_chunks_per_s}, query p95 ×${ratios.query_p95}, answer p95 / stock ANN p95 ×${ratios.answer_p95_vs_ann_p95}, peak RSS ×${ratios.peak_rss}, recall@5 ×${ratios.recall_at_5}`,
  );
}

if (process.argv[2] === '--child') await child(process.argv[3]!, Number(process.argv[4]));
else await parent();
