import type { Answer } from '../rag/answer.js';
import { percentile, type ItemScore, type QaItem } from './scoring.js';

export interface ItemResult {
  item: QaItem;
  answer: Answer;
  score: ItemScore;
  /** Sources of the top-5 passages, in rank order. */
  retrieved: string[];
}

/**
 * How an item ended: passed; `wrong` (an answer was given, but it lacks what the gold answer
 * holds, cites another article, or answers what the sources do not say); `refused` (declined
 * although the sources hold the answer).
 */
export type Outcome = 'passed' | 'wrong' | 'refused';

export function outcomeOf(result: ItemResult): Outcome {
  if (result.score.passed) return 'passed';
  return result.item.type !== 'unanswerable' && !result.answer.found ? 'refused' : 'wrong';
}

export interface Tally {
  total: number;
  passed: number;
  wrong: number;
  refused: number;
}

function tallyBy(results: ItemResult[], key: (r: ItemResult) => string): Record<string, Tally> {
  const tallies: Record<string, Tally> = {};
  for (const result of results) {
    const tally = (tallies[key(result)] ??= { total: 0, passed: 0, wrong: 0, refused: 0 });
    tally.total++;
    tally[outcomeOf(result)]++;
  }
  return tallies;
}

const share = (part: number, whole: number, empty = 0) => (whole ? part / whole : empty);

/** The figures `npm run eval` reports: accuracy by type and variant, wrong answers apart from false refusals, citations, recall. */
export function summarize(results: ItemResult[]) {
  const answerable = results.filter((r) => r.item.type !== 'unanswerable');
  const unanswerable = results.filter((r) => r.item.type === 'unanswerable');
  const answeredAnswerable = answerable.filter((r) => r.answer.found);
  const claimed = results.filter((r) => r.answer.found);
  const passed = results.filter((r) => r.score.passed).length;
  const latencies = results.map((r) => r.answer.latencyMs);
  const overall = tallyBy(results, () => 'all').all ?? { total: 0, passed: 0, wrong: 0, refused: 0 };
  return {
    total: results.length,
    passed,
    accuracy: share(passed, results.length),
    wrong: overall.wrong,
    refused: overall.refused,
    by_type: tallyBy(results, (r) => r.item.type),
    by_variant: tallyBy(results, (r) => r.item.variant ?? 'vi'),
    /** Of the answerable items answered, the share citing the gold article. */
    citation_accuracy: share(answeredAnswerable.filter((r) => r.score.citedSource).length, answeredAnswerable.length),
    answers_with_valid_citation: share(claimed.filter((r) => r.answer.citations.length > 0).length, claimed.length, 1),
    unanswerable_declined: share(unanswerable.filter((r) => !r.answer.found).length, unanswerable.length, 1),
    recall_at_5: share(answerable.filter((r) => r.retrieved.some((s) => s === r.item.source || r.item.also_sources?.includes(s))).length, answerable.length),
    latency_ms: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
  };
}

export type EvalSummary = ReturnType<typeof summarize>;
