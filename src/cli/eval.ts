import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBundledArticles, type App } from '../app.js';
import { articlesBeside, readArticleFolder, readQaFile } from '../evaluation/qa-set.js';
import { crossValidate } from '../evaluation/cross-validation.js';
import { scoreItem, type QaItem } from '../evaluation/scoring.js';
import { AnswerService } from '../rag/answer-service.js';
import { outcomeOf, summarize, type ItemResult, type Tally } from '../evaluation/summary.js';
import { HybridRetriever } from '../rag/retrieval/hybrid-retriever.js';
import { analyzeQuestion } from '../rag/question/analyze.js';
import { runCommand } from './main.js';

const USAGE = 'Cách dùng: npm run eval -- FILE.jsonl [--articles THƯ_MỤC] [--json] [--cv]';

/** `--articles DIR`, else the `articles/` folder beside the QA file: evaluated on a fresh store of those articles only. */
function articleFolderOf(args: string[]): string | null {
  const at = args.indexOf('--articles');
  if (at >= 0) return args[at + 1] ? path.resolve(args[at + 1]!) : null;
  const file = args.find((arg) => !arg.startsWith('--'));
  return file ? articlesBeside(path.resolve(file)) : null;
}

let freshStore: string | null = null;

await runCommand(
  async (app, args) => {
    const json = args.includes('--json');
    const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--articles');
    if (!file) {
      console.error(USAGE);
      return 2;
    }
    const items = readQaFile(file);
    const folder = articleFolderOf(args);
    if (folder) {
      const summary = await app.ingest.ingestDocuments(readArticleFolder(folder));
      if (summary.failures.length > 0) console.error(`${summary.failures.length} bài không nạp được: ${summary.failures.map((f) => f.input).join(', ')}`);
    } else {
      await ensureBundledArticles(app);
    }

    // --cv: every item answered by a model fitted without its article (the score on articles the weights never saw).
    const answered = args.includes('--cv')
      ? (await crossValidate([{ name: path.basename(file), items, serviceWith: (model) => new AnswerService(app.store, app.retriever, app.logger, undefined, model) }])).map((r) => ({ item: r.item, answer: r.answer }))
      : await answerAll(app, items);
    const results: ItemResult[] = answered.map(({ item, answer }) => ({ item, answer, score: scoreItem(item, answer), retrieved: answer.retrieved.slice(0, 5).map((r) => r.source) }));
    const summary = {
      ...summarize(results),
      recall_at_5_by_channel: await recallByChannel(app, results),
      answerer: args.includes('--cv') ? 'offline, cross-validated by article' : app.config.llmEnabled ? 'llm' : 'offline',
    };
    const closing = `${summary.passed} passed, ${summary.total - summary.passed} failed`;

    if (json) {
      console.log(JSON.stringify({ summary, items: results.map(itemReport) }));
      console.error(closing);
      return 0;
    }
    for (const r of results) console.log(itemLine(r));
    console.log(`\n${'loại / biến thể'.padEnd(18)} đạt/tổng  sai  từ chối`);
    for (const [name, t] of [...Object.entries(summary.by_type), ['—', null] as const, ...Object.entries(summary.by_variant)]) {
      console.log(t ? tallyLine(name, t) : '');
    }
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `\nđộ chính xác ${pct(summary.accuracy)} · sai ${summary.wrong} · từ chối nhầm ${summary.refused} · từ chối đúng ${pct(summary.unanswerable_declined)} · trích đúng nguồn ${pct(summary.citation_accuracy)} · recall@5 ${pct(summary.recall_at_5)} · p50 ${summary.latency_ms.p50} ms · p95 ${summary.latency_ms.p95} ms`,
    );
    const byChannel = summary.recall_at_5_by_channel;
    console.log(`recall@5 theo kênh: toàn văn ${pct(byChannel.text)} · vector ${pct(byChannel.vector)} · kết hợp ${pct(byChannel.fused)}`);
    console.log(closing);
    return 0;
  },
  {
    configure: (config, args) => {
      if (!articleFolderOf(args)) return config;
      freshStore = mkdtempSync(path.join(tmpdir(), 'rpb-eval-'));
      return { ...config, dataDir: freshStore };
    },
    cleanup: () => {
      if (freshStore) rmSync(freshStore, { recursive: true, force: true });
    },
  },
);

async function answerAll(app: App, items: QaItem[]) {
  const out = [];
  for (const item of items) out.push({ item, answer: await app.answers.ask(item.question) });
  return out;
}

/** Recall@5 of each retrieval channel alone, next to the fused one the answers use. */
async function recallByChannel(app: App, results: ItemResult[]): Promise<{ text: number; vector: number; fused: number }> {
  const channels = {
    text: new HybridRetriever(app.store, { channels: ['text'] }),
    vector: new HybridRetriever(app.store, { channels: ['vector'] }),
    fused: app.retriever,
  };
  const hits = { text: 0, vector: 0, fused: 0 };
  const presenters = app.store.facts.presenterIndex();
  const answerable = results.filter((r) => r.item.type !== 'unanswerable');
  for (const { item } of answerable) {
    const gold = new Set([item.source, ...(item.also_sources ?? [])]);
    const question = analyzeQuestion(item.question, presenters);
    for (const [name, retriever] of Object.entries(channels) as Array<[keyof typeof hits, HybridRetriever]>) {
      if ((await retriever.retrieve(question, 5)).some((p) => gold.has(p.metadata.source))) hits[name]++;
    }
  }
  const n = answerable.length || 1;
  return { text: hits.text / n, vector: hits.vector / n, fused: hits.fused / n };
}

function itemReport(r: ItemResult) {
  return {
    id: r.item.id,
    type: r.item.type,
    variant: r.item.variant ?? 'vi',
    source: r.item.source,
    passed: r.score.passed,
    outcome: outcomeOf(r),
    found: r.answer.found,
    answer: r.answer.text,
    missing: r.score.missing,
    cited_source: r.score.citedSource,
    citations: r.answer.citations.map((c) => ({ n: c.n, source: c.source, title: c.title, url: c.url, quote: c.quote })),
    retrieved: r.retrieved,
    latency_ms: r.answer.latencyMs,
    trace_id: r.answer.traceId,
  };
}

function itemLine(r: ItemResult): string {
  const outcome = outcomeOf(r);
  const why =
    outcome === 'passed' ? '' : r.item.type === 'unanswerable' ? ' (không từ chối)' : outcome === 'refused' ? ' (từ chối nhầm)' : r.score.missing.length ? ` (thiếu: ${r.score.missing.join(', ')})` : ' (trích sai nguồn)';
  return `${outcome === 'passed' ? '✓' : '✗'} ${r.item.id} [${r.item.type}/${r.item.variant ?? 'vi'}]${why} — trace #${r.answer.traceId}`;
}

function tallyLine(name: string, t: Tally): string {
  return `${name.padEnd(18)} ${`${t.passed}/${t.total}`.padStart(7)}  ${String(t.wrong).padStart(3)}  ${String(t.refused).padStart(7)}`;
}
