import type { AnswerService } from '../rag/answer-service.js';
import type { Answer } from '../rag/answer.js';
import { AnswerModel } from '../rag/answering/model.js';
import { answersWithoutThreshold, chooseThreshold, collectSamples, fitCoefficients, foldsOf, thresholdCases, type Sample } from './fitting.js';
import type { QaItem } from './scoring.js';

/** One QA set and the store its articles are in. */
export interface EvalSet {
  name: string;
  items: QaItem[];
  /** An answer service on the set's store that answers with the given model. */
  serviceWith: (model: AnswerModel) => AnswerService;
}

export interface CrossValidated {
  item: QaItem;
  set: string;
  answer: Answer;
  fold: number;
}

interface Prepared {
  set: EvalSet;
  samples: Sample[];
}

async function prepare(sets: EvalSet[]): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const set of sets) prepared.push({ set, samples: await collectSamples(set.serviceWith(new AnswerModel({ bias: 0, weights: {}, threshold: 0 })), set.items) });
  return prepared;
}

/** Fits coefficients on the samples, then the decline threshold on the answers the model gives to their questions. */
async function fitOn(prepared: Prepared[], keep: (set: string, item: QaItem) => boolean, l2: number, fittedOn: string): Promise<AnswerModel> {
  const coefficients = fitCoefficients(prepared.flatMap((p) => p.samples.filter((s) => keep(p.set.name, s.item))), l2);
  const provisional = AnswerModel.fromLogistic(coefficients, 0, fittedOn);
  const cases = [];
  for (const { set } of prepared) {
    const items = set.items.filter((item) => keep(set.name, item));
    cases.push(...thresholdCases(await answersWithoutThreshold(set.serviceWith, provisional, items)));
  }
  return AnswerModel.fromLogistic(coefficients, chooseThreshold(cases), fittedOn);
}

/** The model fitted on every item of the sets: what ships. */
export async function fitModel(sets: EvalSet[], l2 = 1): Promise<AnswerModel> {
  const prepared = await prepare(sets);
  return fitOn(prepared, () => true, l2, sets.map((s) => `${s.name} (${s.items.length})`).join(' + '));
}

/**
 * Cross-validation by article: each item is answered by a model (coefficients and threshold)
 * fitted without any question about its article, so the score is one on articles the weights
 * never saw.
 */
export async function crossValidate(sets: EvalSet[], k = 8, l2 = 1): Promise<CrossValidated[]> {
  const prepared = await prepare(sets);
  const key = (set: string, item: QaItem) => `${set}:${item.source}`;
  const folds = foldsOf(sets.flatMap((set) => set.items.map((item) => key(set.name, item))), k);
  const results: CrossValidated[] = [];
  for (let fold = 0; fold < k; fold++) {
    const model = await fitOn(prepared, (set, item) => folds.get(key(set, item)) !== fold, l2, `cross-validation fold ${fold + 1}/${k}`);
    for (const set of sets) {
      const service = set.serviceWith(model);
      for (const item of set.items.filter((i) => folds.get(key(set.name, i)) === fold)) results.push({ item, set: set.name, answer: await service.ask(item.question), fold });
    }
  }
  return results;
}
