import type { Document } from '@langchain/core/documents';
import { findDeadlinePhrases } from '../text/deadline-phrases.js';
import { personNamesIn } from '../text/person-names.js';
import type { ArticleRepository } from '../store/article-repository.js';
import { findDocumentMentions } from '../text/document-ids.js';
import { foldDStroke, foldedWordsOf } from '../text/normalize.js';
import { sentenceSpans } from '../text/sentences.js';
import type { Evidence } from './answer.js';
import type { RetrievedPassageMetadata } from './retrieval/hybrid-retriever.js';
import type { AnalyzedQuestion, Wanted } from './question/analyze.js';

/** IDF weights from the full-text index: rare words say more about what is asked than common ones. */
export class TermWeights {
  private readonly cache = new Map<string, number>();
  private readonly total: number;

  constructor(private readonly articles: ArticleRepository) {
    this.total = Math.max(1, articles.chunkCount());
  }

  load(terms: string[]): void {
    const missing = terms.filter((t) => !this.cache.has(t));
    const frequencies = this.articles.termFrequencies(missing.map(foldDStroke));
    for (const term of missing) {
      const df = frequencies.get(foldDStroke(term)) ?? 0;
      // Unknown words (not in any article) weigh like rare ones: they may be what the article lacks.
      this.cache.set(term, Math.log(1 + this.total / (df + 0.5)));
    }
  }

  weight(term: string): number {
    if (!this.cache.has(term)) this.load([term]);
    return this.cache.get(term)!;
  }
}

export interface ScoredSentence extends Evidence {
  /** Share of the question's weighted terms the sentence contains (0–1). */
  coverage: number;
  score: number;
  matched: Set<string>;
}

/** The sentences of the retrieved passages, as quotable evidence (article offsets). */
export function sentencesOf(passages: Document<RetrievedPassageMetadata>[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const passage of passages) {
    const meta = passage.metadata;
    for (const span of sentenceSpans(passage.pageContent)) {
      const start = meta.start + span.start;
      const key = `${meta.articleId}:${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        articleId: meta.articleId,
        chunkId: meta.chunkId,
        source: meta.source,
        title: meta.title,
        publishedDate: meta.publishedDate,
        quote: passage.pageContent.slice(span.start, span.end),
        start,
        end: meta.start + span.end,
      });
    }
  }
  return out;
}

const bigramsOf = (words: string[]) => words.slice(1).map((word, i) => `${words[i]} ${word}`);

/** How well a text answers the question's terms: weighted coverage, with adjacent-pair (phrase) bonus. */
export function coverageOf(question: AnalyzedQuestion, text: string, weights: TermWeights): { coverage: number; matched: Set<string> } {
  const words = foldedWordsOf(text);
  const present = new Set(words);
  const total = question.terms.reduce((sum, term) => sum + weights.weight(term), 0) || 1;
  const matched = new Set(question.terms.filter((term) => present.has(term)));
  let gained = [...matched].reduce((sum, term) => sum + weights.weight(term), 0);
  // Phrases: question bigrams found as bigrams in the text count a little extra.
  const textBigrams = new Set(bigramsOf(words));
  const questionWords = foldedWordsOf(question.searchText);
  const phraseHits = bigramsOf(questionWords).filter((bigram) => textBigrams.has(bigram)).length;
  gained += Math.min(phraseHits, 8) * 0.02 * total;
  return { coverage: Math.min(1, gained / total), matched };
}

const DATE_LIKE = /(?<!\d)\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?(?!\d)|tháng\s+\d{1,2}(?:\s*[/-]\s*\d{4})?|quý\s+[IV\d]+|năm\s+\d{4}/iu;

/** Whether a text contains the kind of thing the question asks for. */
export function satisfies(wanted: Wanted, text: string): boolean {
  switch (wanted) {
    case 'person':
      return personNamesIn(text).length > 0 || /(?<![\p{L}])(?:Ban|Sở|Văn phòng|UBND|HĐND|Thành ủy|Tỉnh ủy|Đảng ủy|Bộ)(?![\p{L}])/u.test(text);
    case 'responsible':
      return /(?<![\p{L}])(?:Ban|Sở|Văn phòng|UBND|HĐND|Ủy ban|Thành ủy|Tỉnh ủy|Đảng ủy|Bộ|Cơ quan|giám đốc|thủ trưởng)(?![\p{L}])/u.test(text);
    case 'date':
      return DATE_LIKE.test(text);
    case 'deadline':
      return findDeadlinePhrases(text, null).length > 0;
    case 'number':
      return /\d/.test(text.replace(new RegExp(DATE_LIKE.source, 'giu'), ' ').replace(/\d{1,5}(?:[-/][\p{L}\d]+)+/gu, ' ')) || /(?<![\p{L}])(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+\p{L}/iu.test(text);
    case 'document':
      return findDocumentMentions(text).length > 0;
    case 'result':
      // An outcome, not the word "kết quả": a share, a vote passed, a target reached.
      return /\d+(?:[.,]\d+)?\s?%|thông qua|(?<![\p{L}])đạt(?![\p{L}])|trúng cử|số phiếu|tán thành/iu.test(text);
    case 'topic':
    case 'form':
      return true;
  }
}

/**
 * For a sentence far longer than a quote should be, the stretch of its clauses (split at ";")
 * from the first to the last one holding a matched term.
 */
export function trimToClauses(evidence: Evidence, matched: Set<string>, maxLength = 320): Evidence {
  if (evidence.quote.length <= maxLength || matched.size === 0) return evidence;
  const clauses: Array<{ start: number; end: number }> = [];
  let at = 0;
  for (const part of evidence.quote.split(/(?<=;)\s*/)) {
    const start = evidence.quote.indexOf(part, at);
    clauses.push({ start, end: start + part.length });
    at = start + part.length;
  }
  const holding = clauses.filter((c) => foldedWordsOf(evidence.quote.slice(c.start, c.end)).some((w) => matched.has(w)));
  if (holding.length === 0 || holding.length === clauses.length) return evidence;
  const start = holding[0]!.start;
  const end = holding.at(-1)!.end;
  const quote = evidence.quote.slice(start, end).replace(/[;,\s]+$/u, '');
  return { ...evidence, quote, start: evidence.start + start, end: evidence.start + start + quote.length };
}
