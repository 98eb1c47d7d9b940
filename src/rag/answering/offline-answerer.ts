import type { Document } from '@langchain/core/documents';
import type { Store } from '../../store/index.js';
import { findDocumentMentions } from '../../text/document-ids.js';
import { personNamesIn } from '../../text/person-names.js';
import { collectCandidates, type Candidate } from '../candidates/collect.js';
import { FEATURES, QuestionFeatures, type FeatureVector } from '../candidates/features.js';
import { TermWeights } from '../candidates/term-weights.js';
import { spansAnswering } from '../candidates/typed-spans.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import type { RetrievedPassageMetadata } from '../retrieval/hybrid-retriever.js';
import { composeClaims } from './compose.js';
import { declined, type DecisionEntry, type Draft } from './draft.js';
import { DEFAULT_MODEL, type AnswerModel } from './model.js';
import { deadlineRegister } from './registers.js';
import { shortAnswer } from './short-answer.js';

export interface ScoredCandidate {
  candidate: Candidate;
  features: FeatureVector;
  probability: number;
}

/** At most this many sentences beside the best one, when they answer a part of the question it leaves out. */
const MAX_EXTRA_SENTENCES = 2;
/** A sentence that completes the answer must be at least this likely, relative to the best. */
const EXTRA_RELATIVE = 0.5;
/** …and bring this share of the question's weighted words that the best sentence lacks. */
const EXTRA_GAIN = 0.2;

/**
 * Answers from the store alone, no LLM. Register questions (every deadline of a plan or a
 * month) are looked up in the facts; every other question is answered by the candidate
 * sentence the fitted model finds likeliest to hold the answer, declined when none is likely
 * enough, and written as the short answer first, then the sentence it comes from.
 */
export class OfflineAnswerer {
  constructor(
    private readonly store: Store,
    private readonly model: AnswerModel = DEFAULT_MODEL,
  ) {}

  /** Every candidate sentence with its features and probability, best first (also what the model is fitted on). */
  score(question: AnalyzedQuestion, passages: Document<RetrievedPassageMetadata>[]): { scored: ScoredCandidate[]; features: QuestionFeatures } {
    const candidates = collectCandidates(this.store, question, passages);
    const features = new QuestionFeatures(question, new TermWeights(this.store.articles, question.language === 'en'), candidates);
    const scored = candidates.map((candidate) => {
      const previous = candidate.article.sentences[candidate.index - 1];
      const sameParagraph = previous && !candidate.article.text.slice(previous.end, candidate.start).includes('\n');
      const vector = features.of(candidate, sameParagraph ? candidate.article.text.slice(previous.start, previous.end) : '');
      return { candidate, features: vector, probability: this.model.probability(vector) };
    });
    return { scored: scored.sort((a, b) => b.probability - a.probability), features };
  }

  answer(question: AnalyzedQuestion, passages: Document<RetrievedPassageMetadata>[]): Draft {
    const { facts } = this.store;
    const known = question.documents.filter(
      (q) => facts.documentMentions(q).length > 0 || facts.presentationsByDocument(q).length > 0 || facts.deadlinesOfDocument(q).length > 0,
    );
    if (question.documents.length > 0 && known.length === 0) return declined('the documents named are in no article');
    const register = deadlineRegister(this.store, question);
    if (register) return register;

    const { scored, features } = this.score(question, passages);
    const decision = scored.slice(0, 5).map((s, i): DecisionEntry => ({
      strategy: 'sentence',
      probability: Number(s.probability.toFixed(3)),
      chosen: false,
      first: s.candidate.text.slice(0, 100),
      features: i === 0 ? Object.fromEntries(FEATURES.map((name) => [name, Number(s.features[name].toFixed(3))])) : undefined,
    }));
    const best = scored[0];
    if (!best || best.probability < this.model.threshold) {
      return declined(`no sentence is likely enough to answer (best ${best ? best.probability.toFixed(2) : 'none'} < ${this.model.threshold.toFixed(2)})`, decision, best?.probability ?? 0);
    }
    decision[0]!.chosen = true;
    const chosen = [best.candidate, ...this.completing(question, best, scored, features)];
    const claims = composeClaims(question, chosen, shortAnswer(question, best.candidate), (text) => features.matched(text));
    const cited = chosen.map((c) => c.text).join(' ');
    return {
      found: true,
      claims,
      focus: { documents: [...new Set(findDocumentMentions(cited).map((m) => m.canonicalId))], persons: [...new Set(personNamesIn(cited))].slice(0, 3) },
      probability: best.probability,
      decision,
    };
  }

  /**
   * Sentences of the same article that complete the best one: they hold a kind of answer it
   * lacks ("… diễn ra những ngày nào, phiên chính thức khai mạc hôm nào?") or a good share of
   * the question it leaves out. In article order, after the best.
   */
  private completing(question: AnalyzedQuestion, best: ScoredCandidate, scored: ScoredCandidate[], features: QuestionFeatures): Candidate[] {
    const covered = features.matched(best.candidate.text);
    const lacking = question.wants.filter((wanted) => spansAnswering(wanted, best.candidate.spans, best.candidate.text).length === 0);
    const extra: Candidate[] = [];
    for (const other of scored.slice(1)) {
      if (extra.length >= MAX_EXTRA_SENTENCES) break;
      const c = other.candidate;
      if (c.article.id !== best.candidate.article.id || other.probability < best.probability * EXTRA_RELATIVE) continue;
      const gained = [...features.matched(c.text)].filter((t) => !covered.has(t));
      const supplies = lacking.some((wanted) => spansAnswering(wanted, c.spans, c.text).length > 0);
      if (!supplies && features.weights.sum(gained) / features.total < EXTRA_GAIN) continue;
      extra.push(c);
      gained.forEach((t) => covered.add(t));
    }
    return extra.sort((a, b) => a.start - b.start);
  }
}
