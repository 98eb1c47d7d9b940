import { FEATURES, type FeatureVector } from '../candidates/features.js';
import { FITTED } from './fitted-weights.js';
import { predict, type LogisticModel } from './logistic.js';

/** Fitted weights of the answer model, as `npm run fit` writes them. */
export interface AnswerWeights {
  bias: number;
  /** By feature name; a feature without a weight counts for nothing. */
  weights: Record<string, number>;
  /** Below this probability the best sentence does not answer the question: decline. */
  threshold: number;
  /** How the weights were obtained, for the trace and the README. */
  fittedOn?: string;
}

/**
 * The probability that a candidate sentence holds the answer, from its features: a logistic
 * regression whose weights and decline threshold were fitted on the dev sets.
 */
export class AnswerModel {
  private readonly logistic: LogisticModel;

  constructor(readonly fitted: AnswerWeights) {
    this.logistic = { bias: fitted.bias, coefficients: FEATURES.map((name) => fitted.weights[name] ?? 0) };
  }

  get threshold(): number {
    return this.fitted.threshold;
  }

  probability(features: FeatureVector): number {
    return predict(this.logistic, FEATURES.map((name) => features[name]));
  }

  static fromLogistic(model: LogisticModel, threshold: number, fittedOn: string): AnswerModel {
    return new AnswerModel({ bias: model.bias, weights: Object.fromEntries(FEATURES.map((name, i) => [name, model.coefficients[i]!])), threshold, fittedOn });
  }
}

/** The model fitted on the dev sets, used unless a caller brings its own (cross-validation does). */
export const DEFAULT_MODEL = new AnswerModel(FITTED);
