import type { Document } from '@langchain/core/documents';
import type { StoredDeadline, StoredPresentation } from '../../store/fact-repository.js';
import type { Store } from '../../store/index.js';
import { findDocumentMentions } from '../../text/document-ids.js';
import { meetingNumbers } from '../../text/identifiers.js';
import { fromOutlet, outletMarkerLength } from '../../text/outlets.js';
import { sentenceSpans, type Span } from '../../text/sentences.js';
import { HEADER_SENTENCES, ownDocumentIds } from '../../text/official-header.js';
import { isSignatureLine } from '../../text/titles.js';
import type { Evidence } from '../answer.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import type { RetrievedPassageMetadata } from '../retrieval/hybrid-retriever.js';
import { typedSpans, type TypedSpan } from './typed-spans.js';

/** An article some retrieved passage belongs to, with what a candidate sentence is judged in. */
export interface ArticleView {
  id: string;
  source: string;
  sources: string[];
  title: string;
  publishedDate: string | null;
  text: string;
  sentences: Span[];
  /** The title and the first sentences: where the date, place and meeting of a report usually are. */
  lead: string;
  /** 1 when the question names an outlet and this article is from it, -1 when from another, 0 when no outlet is named. */
  outlet: -1 | 0 | 1;
  /** Best rank (0 = first) of a passage of this article in the retrieval. */
  rank: number;
  /** An official document's own number(s), from a "Số: …" line of its header. */
  ownDocuments: string[];
  /** The article's facts (who presented what, what is due when), each tied to its sentence. */
  presentations: StoredPresentation[];
  deadlines: StoredDeadline[];
}

/** One sentence that might answer the question. */
export interface Candidate {
  article: ArticleView;
  /** Index of the sentence in its article. */
  index: number;
  /** Exactly the article's text between `start` and `end`. */
  text: string;
  start: number;
  end: number;
  chunkId: number | null;
  /** Rank of the best retrieved passage holding the sentence; articles' lead sentences take their article's rank. */
  rank: number;
  spans: TypedSpan[];
  /** For a sentence of an official document's header: the document's own number(s). */
  headerOf?: string[];
  /** Facts extracted from this sentence. */
  presentations: StoredPresentation[];
  deadlines: StoredDeadline[];
}

/** Sentences of an article's opening that are candidates even when no retrieved passage holds them. */
const LEAD_SENTENCES = 4;
/** Of the articles ranked this high, every sentence is a candidate (up to a cap): the answer is often next to what matched. */
const WHOLE_ARTICLE_RANK = 3;
const MAX_SENTENCES_PER_ARTICLE = 80;

/**
 * The candidate sentences of the retrieved passages: every sentence of each passage, plus the
 * opening of their articles, each with its typed spans. Articles of an outlet the question
 * names come alone when there are any.
 */
export function collectCandidates(store: Store, question: AnalyzedQuestion, passages: Document<RetrievedPassageMetadata>[]): Candidate[] {
  const views = new Map<string, ArticleView>();
  const chunkRanges = new Map<string, Array<{ start: number; end: number; rank: number; chunkId: number }>>();
  passages.forEach((passage, rank) => {
    const meta = passage.metadata;
    if (!views.has(meta.articleId)) {
      const view = articleView(store, meta.articleId, question, rank);
      if (!view) return;
      views.set(meta.articleId, view);
    }
    (chunkRanges.get(meta.articleId) ?? chunkRanges.set(meta.articleId, []).get(meta.articleId)!).push({ start: meta.start, end: meta.end, rank, chunkId: meta.chunkId });
  });
  const named = [...views.values()].some((view) => view.outlet === 1);
  const candidates: Candidate[] = [];
  for (const view of views.values()) {
    if (named && view.outlet !== 1) continue;
    // "Hội nghị lần thứ bảy … khóa XVII": an article about another meeting or term answers nothing of it.
    if (!numbersTheMeeting(view, question)) continue;
    const ranges = chunkRanges.get(view.id) ?? [];
    view.sentences.forEach((span, index) => {
      const holding = ranges.filter((range) => range.start <= span.start && span.end <= range.end);
      const best = holding.sort((a, b) => a.rank - b.rank)[0];
      const whole = view.rank < WHOLE_ARTICLE_RANK && index < MAX_SENTENCES_PER_ARTICLE;
      if (!best && index >= LEAD_SENTENCES && !whole) return;
      const text = view.text.slice(span.start, span.end);
      const presentations = view.presentations.filter((f) => f.start < span.end && span.start < f.end);
      const deadlines = view.deadlines.filter((f) => f.start < span.end && span.start < f.end);
      candidates.push({
        article: view,
        index,
        text,
        start: span.start,
        end: span.end,
        chunkId: best?.chunkId ?? store.articles.chunkAt(view.id, span.start),
        // A sentence no retrieved passage holds ranks just after its article's best passage.
        rank: best?.rank ?? view.rank + 1,
        spans: [...typedSpans(text), ...titledPeople(text, presentations), ...deadlineSpans(text, deadlines)],
        ...((index < HEADER_SENTENCES || isSignatureLine(text)) && view.ownDocuments.length > 0 ? { headerOf: view.ownDocuments } : {}),
        presentations,
        deadlines,
      });
    });
  }
  return candidates;
}

function articleView(store: Store, id: string, question: AnalyzedQuestion, rank: number): ArticleView | null {
  const article = store.articles.getArticle(id);
  if (!article) return null;
  const sentences = sentenceSpans(article.text);
  const sources = store.articles.sourcesOf(id);
  const lead = [article.title, ...sentences.slice(0, 3).map((s) => article.text.slice(s.start, s.end))].join(' ');
  const outlet = question.outlet ? (fromOutlet(question.outlet, [article.source, ...sources].join(' '), article.text.slice(0, 200)) || sentences.slice(0, 3).some((s) => outletMarkerLength(article.text.slice(s.start)) > 0 && fromOutlet(question.outlet!, '', article.text.slice(s.start, s.end))) ? 1 : -1) : 0;
  return {
    id,
    source: article.source,
    sources,
    title: article.title,
    publishedDate: article.publishedDate,
    text: article.text,
    sentences,
    lead,
    outlet,
    rank,
    ownDocuments: ownDocumentIds(article.text),
    presentations: store.facts.presentationsOfArticle(id),
    deadlines: store.facts.deadlinesOfArticle(id),
  };
}

/**
 * "Sáng nay, Tổng Bí thư dự và phát biểu chỉ đạo …": a person the sentence gives by title only,
 * whom the facts name from elsewhere in the article, stands where the title does.
 */
function titledPeople(text: string, presentations: StoredPresentation[]): TypedSpan[] {
  return presentations.flatMap((f) => {
    if (!f.namedIn || text.includes(f.presenter)) return [];
    const title = f.titles.map((t) => ({ t, at: text.indexOf(t) })).find((x) => x.at >= 0);
    return title ? [{ type: 'person' as const, text: f.presenter, start: title.at, end: title.at + title.t.length }] : [];
  });
}

/** A deadline the facts read where the sentence alone does not say it is one (a task table's "Quý II/2025"). */
function deadlineSpans(text: string, deadlines: StoredDeadline[]): TypedSpan[] {
  return deadlines.flatMap((d) => {
    const at = text.lastIndexOf(d.phrase);
    return at >= 0 ? [{ type: 'deadline' as const, text: d.phrase, start: at, end: at + d.phrase.length }] : [];
  });
}

function numbersTheMeeting(view: ArticleView, question: AnalyzedQuestion): boolean {
  if (question.meetingNumbers.length === 0) return true;
  const numbers = new Set(meetingNumbers(`${view.title}\n${view.text}`));
  return question.meetingNumbers.every((forms) => forms.some((n) => numbers.has(n)));
}

/** A candidate as quotable evidence. */
export function evidenceOf(candidate: Candidate, start = candidate.start, end = candidate.end): Evidence {
  const { article } = candidate;
  return {
    articleId: article.id,
    chunkId: candidate.chunkId,
    source: article.source,
    title: article.title,
    publishedDate: article.publishedDate,
    quote: article.text.slice(start, end),
    start,
    end,
  };
}
