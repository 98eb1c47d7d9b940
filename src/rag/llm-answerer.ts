import type { Document } from '@langchain/core/documents';
import type { RetrievedPassageMetadata } from './hybrid-retriever.js';
import type { Draft } from './offline-answerer.js';
import type { AnalyzedQuestion } from './question.js';

/** Placeholder type until the LLM answerer lands in this module. */
export interface LlmAnswerer {
  answer(question: AnalyzedQuestion, passages: Document<RetrievedPassageMetadata>[], offline: Draft, onText?: (text: string) => void): Promise<Draft>;
}
