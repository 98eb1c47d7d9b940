import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import { describeError } from '../errors.js';
import { assembleAnswer, NOT_FOUND_TEXT, type Answer, type Claim, type RetrievedSummary } from './answer.js';
import { keepSupportedClaims } from './answering/claim-check.js';
import { resolveFollowUp } from './question/follow-up.js';
import type { HybridRetriever, RetrievedPassageMetadata } from './retrieval/hybrid-retriever.js';
import { CircuitBreaker } from './llm/circuit-breaker.js';
import type { LlmAnswerer } from './llm/llm-answerer.js';
import type { Draft } from './answering/draft.js';
import { DEFAULT_MODEL, type AnswerModel } from './answering/model.js';
import { OfflineAnswerer } from './answering/offline-answerer.js';
import { analyzeQuestion, type AnalyzedQuestion } from './question/analyze.js';
import type { Document } from '@langchain/core/documents';

export interface AskOptions {
  /** Conversation the question belongs to (a chat id): enables follow-ups and is stored with the trace. */
  conversationId?: string;
  /** Called with the answer text as the LLM writes it (plain text, before citation checks). */
  onText?: (textSoFar: string) => void;
}

/** Passages retrieved per question, and how many the answerers read. */
const PASSAGES = 8;

/**
 * Question in, cited answer out: resolves follow-ups, retrieves, answers (LLM when configured,
 * offline otherwise or on failure), checks every claim against its evidence, records a trace.
 */
export class AnswerService {
  private readonly offline: OfflineAnswerer;

  constructor(
    private readonly store: Store,
    private readonly retriever: HybridRetriever,
    private readonly logger: Logger,
    private readonly llm?: LlmAnswerer,
    /** The offline answer model: the fitted default, or one fitted without some articles (cross-validation). */
    model: AnswerModel = DEFAULT_MODEL,
    /** Stops asking a model that keeps failing (its clock is the app's). */
    readonly llmBreaker: CircuitBreaker = new CircuitBreaker(() => new Date()),
  ) {
    this.offline = new OfflineAnswerer(store, model);
  }

  /** The offline answerer, for fitting and cross-validating its model on the same candidates it answers from. */
  get offlineAnswerer(): OfflineAnswerer {
    return this.offline;
  }

  /** Analysis and retrieval as `ask` does them, without answering. */
  async prepare(questionText: string): Promise<{ question: AnalyzedQuestion; passages: Document<RetrievedPassageMetadata>[] }> {
    const question = analyzeQuestion(questionText, this.store.facts.presenterIndex());
    return { question, passages: await this.retriever.retrieve(question, PASSAGES) };
  }

  async ask(questionText: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const knownPersons = this.store.facts.presenterIndex();
    const first = analyzeQuestion(questionText, knownPersons);
    const previous = options.conversationId ? this.store.traces.recentTurns(options.conversationId, 1)[0]?.focus : undefined;
    const rewritten = resolveFollowUp(first.text, previous, first.documents.length > 0, first.persons.length > 0);
    const question = rewritten === first.text ? first : { ...analyzeQuestion(rewritten, knownPersons), language: first.language };
    const passages = await this.retriever.retrieve(question, PASSAGES);

    const offlineDraft = this.offline.answer(question, passages);
    let draft = offlineDraft;
    let answerer: Answer['answerer'] = 'offline';
    let fallbackReason: string | undefined;
    if (this.llm && passages.length > 0 && !this.llmBreaker.allow()) {
      const status = this.llmBreaker.status();
      fallbackReason = status.state === 'open' ? `LLM circuit open after ${status.failures} failures in a row; next try at ${status.retryAt.toISOString()}` : 'LLM circuit open';
    } else if (this.llm && passages.length > 0) {
      try {
        draft = await this.llm.answer(question, passages, offlineDraft, options.onText);
        answerer = draft === offlineDraft ? 'offline' : 'llm';
        this.llmBreaker.success();
      } catch (error) {
        this.llmBreaker.failure();
        fallbackReason = describeError(error);
        this.logger.warn({ err: fallbackReason, circuit: this.llmBreaker.status().state }, 'LLM answer failed; offline answer returned');
      }
    }

    const answer = this.finish(question, rewritten, draft, answerer, passages, started);
    if (fallbackReason) answer.fallbackReason = fallbackReason;
    if (offlineDraft.probability !== undefined) answer.modelProbability = offlineDraft.probability;
    answer.traceId = this.store.traces.record({
      conversationId: options.conversationId ?? null,
      question: first.text,
      rewritten,
      language: answer.language,
      answerer,
      found: answer.found,
      answer: answer.text,
      citations: answer.citations,
      retrieved: answer.retrieved,
      latencyMs: answer.latencyMs,
      error: fallbackReason ?? (draft.found ? null : draft.reason ?? null),
      decision: offlineDraft.decision ?? [],
    });
    if (options.conversationId) this.store.traces.addTurn(options.conversationId, first.text, draft.focus, answer.traceId);
    return answer;
  }

  private finish(question: AnalyzedQuestion, rewritten: string, draft: Draft, answerer: Answer['answerer'], passages: Document<RetrievedPassageMetadata>[], started: number): Answer {
    const chunkTexts = new Map(passages.map((p) => [p.metadata.chunkId, p.pageContent]));
    const claims: Claim[] = draft.found ? keepSupportedClaims(draft.claims, (evidence) => `${evidence.quote} ${chunkTexts.get(evidence.chunkId ?? -1) ?? ''}`) : [];
    const found = claims.length > 0;
    const { text, citations } = found ? assembleAnswer(claims) : { text: NOT_FOUND_TEXT[question.language], citations: [] };
    const retrieved: RetrievedSummary[] = passages.map((p) => ({
      chunkId: p.metadata.chunkId,
      source: p.metadata.source,
      title: p.metadata.title,
      score: Number(p.metadata.score.toFixed(5)),
      textRank: p.metadata.textRank,
      vectorRank: p.metadata.vectorRank,
      factRank: p.metadata.factRank,
    }));
    return {
      question: question.text,
      rewritten,
      language: question.language,
      found,
      text,
      citations,
      answerer,
      retrieved,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}
