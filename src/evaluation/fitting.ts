import type { AnswerService } from '../rag/answer-service.js';
import type { Answer } from '../rag/answer.js';
import { FEATURES } from '../rag/candidates/features.js';
import { fitLogistic, type TrainingRow } from '../rag/answering/logistic.js';
import { AnswerModel } from '../rag/answering/model.js';
import { normalizeForScoring, scoreItem, type QaItem } from './scoring.js';

/**
 * Fitting the answer model on QA sets: every candidate sentence of every question is a row
 * whose target is the share of the gold `must_include` strings it holds (0 for another
 * article's sentences, and for every sentence of an unanswerable question). Each question
 * weighs the same, however many candidates it has.
 */
export interface Sample {
  item: QaItem;
  /** The article the answer comes from: cross-validation folds never split one. */
  group: string;
  rows: TrainingRow[];
}

export async function collectSamples(answers: AnswerService, items: QaItem[]): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const item of items) {
    const { question, passages } = await answers.prepare(item.question);
    const { scored } = answers.offlineAnswerer.score(question, passages);
    if (scored.length === 0) continue;
    const gold = new Set([item.source, ...(item.also_sources ?? [])]);
    const needles = item.must_include.map(normalizeForScoring);
    const rows = scored.map(({ candidate, features }) => {
      const text = normalizeForScoring(candidate.text);
      const holds = gold.has(candidate.article.source) && needles.length > 0 ? needles.filter((n) => text.includes(n)).length / needles.length : 0;
      return { x: FEATURES.map((name) => features[name]), y: holds, weight: 1 / scored.length };
    });
    samples.push({ item, group: item.source, rows });
  }
  return samples;
}

/** Coefficients fitted on the samples; the decline threshold is chosen separately, on answers. */
export function fitCoefficients(samples: Sample[], l2 = 1) {
  return fitLogistic(samples.flatMap((s) => s.rows), FEATURES.length, { l2 });
}

export interface ThresholdCase {
  /** The best candidate's probability: answered when at least the threshold. */
  probability: number;
  /** Whether the answer, when given, passes (for an unanswerable item: never). */
  passesIfAnswered: boolean;
  unanswerable: boolean;
}

/** The decline threshold that passes the most cases: answerable ones answered right, unanswerable ones declined. */
export function chooseThreshold(cases: ThresholdCase[]): number {
  const candidates = [0, ...new Set(cases.map((c) => c.probability))].sort((a, b) => a - b);
  let best = { threshold: 0.5, passed: -1 };
  for (let i = 0; i < candidates.length; i++) {
    // Between two observed probabilities: the midpoint generalises better than either edge.
    const threshold = i + 1 < candidates.length ? (candidates[i]! + candidates[i + 1]!) / 2 : candidates[i]! + 1e-6;
    const passed = cases.filter((c) => (c.unanswerable ? c.probability < threshold : c.probability >= threshold && c.passesIfAnswered)).length;
    // On a tie the higher threshold: declining is better than a wrong answer.
    if (passed >= best.passed) best = { threshold, passed };
  }
  return best.threshold;
}

/** Answers every item with a model that never declines: what each would say, and how sure the model was. */
export async function answersWithoutThreshold(makeService: (model: AnswerModel) => AnswerService, model: AnswerModel, items: QaItem[]): Promise<Array<{ item: QaItem; answer: Answer; probability: number }>> {
  const service = makeService(new AnswerModel({ ...model.fitted, threshold: 0 }));
  const out = [];
  for (const item of items) {
    const answer = await service.ask(item.question);
    out.push({ item, answer, probability: answer.modelProbability ?? (answer.found ? 1 : 0) });
  }
  return out;
}

export function thresholdCases(answered: Array<{ item: QaItem; answer: Answer; probability: number }>): ThresholdCase[] {
  return answered.map(({ item, answer, probability }) => ({
    probability,
    passesIfAnswered: item.type !== 'unanswerable' && scoreItem(item, answer).passed,
    unanswerable: item.type === 'unanswerable',
  }));
}

/** Assigns each article to one of `k` folds, deterministically (sorted names, round robin). */
export function foldsOf(groups: string[], k: number): Map<string, number> {
  return new Map([...new Set(groups)].sort().map((group, i) => [group, i % k]));
}
