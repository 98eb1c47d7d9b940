import { readFileSync } from 'node:fs';
import { ensureBundledArticles } from '../app.js';
import { AppError } from '../errors.js';
import { HybridRetriever } from '../rag/hybrid-retriever.js';
import { analyzeQuestion } from '../rag/question.js';
import { percentile, scoreItem, type QaItem } from '../rag/scoring.js';
import { runCommand } from './main.js';

await runCommand(async (app, args) => {
  const json = args.includes('--json');
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) {
    console.error('Cách dùng: npm run eval -- FILE.jsonl [--json]');
    return 2;
  }
  let items: QaItem[];
  try {
    items = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as QaItem);
  } catch (cause) {
    throw new AppError('INPUT_NOT_FOUND', `${file}: không đọc được tệp QA (${(cause as Error).message})`, { cause });
  }
  await ensureBundledArticles(app);

  // Recall@5 of each retrieval channel alone, next to the fused one the answers use.
  const channels = {
    text: new HybridRetriever(app.store, { channels: ['text'] }),
    vector: new HybridRetriever(app.store, { channels: ['vector'] }),
    fused: app.retriever,
  };
  const channelHits = { text: 0, vector: 0, fused: 0 };
  const presenters = app.store.facts.presenterIndex();

  const results = [];
  for (const item of items) {
    const answer = await app.answers.ask(item.question);
    const score = scoreItem(item, answer);
    const retrieved = answer.retrieved.slice(0, 5).map((r) => r.source);
    if (item.type !== 'unanswerable') {
      const gold = new Set([item.source, ...(item.also_sources ?? [])]);
      const question = analyzeQuestion(item.question, presenters);
      for (const [name, retriever] of Object.entries(channels) as Array<[keyof typeof channels, HybridRetriever]>) {
        const top = await retriever.retrieve(question, 5);
        if (top.some((p) => gold.has(p.metadata.source))) channelHits[name]++;
      }
    }
    results.push({ item, answer, score, retrieved });
  }

  const answerable = results.filter((r) => r.item.type !== 'unanswerable');
  const unanswerable = results.filter((r) => r.item.type === 'unanswerable');
  const byType: Record<string, { total: number; passed: number }> = {};
  const byVariant: Record<string, { total: number; passed: number }> = {};
  for (const r of results) {
    (byType[r.item.type] ??= { total: 0, passed: 0 }).total++;
    (byVariant[r.item.variant ?? 'vi'] ??= { total: 0, passed: 0 }).total++;
    if (r.score.passed) {
      byType[r.item.type]!.passed++;
      byVariant[r.item.variant ?? 'vi']!.passed++;
    }
  }
  const latencies = results.map((r) => r.answer.latencyMs);
  const passed = results.filter((r) => r.score.passed).length;
  const claimed = results.filter((r) => r.answer.found);
  const summary = {
    total: results.length,
    passed,
    accuracy: results.length ? passed / results.length : 0,
    by_type: byType,
    by_variant: byVariant,
    citation_accuracy: answerable.filter((r) => r.answer.found).length
      ? answerable.filter((r) => r.answer.found && r.score.citedSource).length / answerable.filter((r) => r.answer.found).length
      : 0,
    answers_with_valid_citation: claimed.length ? claimed.filter((r) => r.answer.citations.length > 0).length / claimed.length : 1,
    unanswerable_declined: unanswerable.length ? unanswerable.filter((r) => !r.answer.found).length / unanswerable.length : 1,
    recall_at_5: answerable.length
      ? answerable.filter((r) => r.retrieved.some((s) => s === r.item.source || r.item.also_sources?.includes(s))).length / answerable.length
      : 0,
    recall_at_5_by_channel: Object.fromEntries(Object.entries(channelHits).map(([name, hits]) => [name, answerable.length ? hits / answerable.length : 0])),
    latency_ms: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    answerer: app.config.llmEnabled ? 'llm' : 'offline',
  };

  if (json) {
    console.log(
      JSON.stringify({
        summary,
        items: results.map((r) => ({
          id: r.item.id,
          type: r.item.type,
          passed: r.score.passed,
          found: r.answer.found,
          answer: r.answer.text,
          missing: r.score.missing,
          citations: r.answer.citations.map((c) => ({ n: c.n, source: c.source, title: c.title, url: c.url, quote: c.quote })),
          retrieved: r.retrieved,
          latency_ms: r.answer.latencyMs,
          trace_id: r.answer.traceId,
        })),
      }),
    );
  } else {
    for (const r of results) {
      const mark = r.score.passed ? '✓' : '✗';
      const why = r.score.passed ? '' : r.item.type === 'unanswerable' ? ' (không từ chối)' : !r.answer.found ? ' (từ chối)' : r.score.missing.length ? ` (thiếu: ${r.score.missing.join(', ')})` : ' (trích sai nguồn)';
      console.log(`${mark} ${r.item.id} [${r.item.type}/${r.item.variant ?? 'vi'}]${why} — trace #${r.answer.traceId}`);
    }
    console.log('\nloại            đạt/tổng');
    for (const [type, t] of Object.entries(byType)) console.log(`${type.padEnd(15)} ${t.passed}/${t.total}`);
    console.log(
      `\nđộ chính xác ${(summary.accuracy * 100).toFixed(1)}% · trích đúng nguồn ${(summary.citation_accuracy * 100).toFixed(1)}% · từ chối đúng ${(summary.unanswerable_declined * 100).toFixed(0)}% · recall@5 ${(summary.recall_at_5 * 100).toFixed(1)}% · p50 ${summary.latency_ms.p50} ms · p95 ${summary.latency_ms.p95} ms`,
    );
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const byChannel = summary.recall_at_5_by_channel as Record<string, number>;
    console.log(`recall@5 theo kênh: toàn văn ${pct(byChannel.text!)} · vector ${pct(byChannel.vector!)} · kết hợp ${pct(byChannel.fused!)}`);
  }
  console.log(`${passed} passed, ${results.length - passed} failed`);
  return 0;
});
