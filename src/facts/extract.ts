import { findDocumentMentions } from '../text/document-ids.js';
import { sentenceSpans, type Span } from '../text/sentences.js';
import { extractDeadlines } from './deadlines.js';
import { extractPresentations, type EventDate } from './presentations.js';
import { signerFacts, tableDeadlines } from './official-documents.js';
import type { ArticleFacts, DeadlineFact } from './types.js';
import { ownDocumentIds, ownIssuer } from '../text/official-header.js';
import { inferYear, writtenDates, yearReference, type DatedReference } from '../text/year-inference.js';

/** Bump when extraction changes: stored articles are re-extracted on the next open. */
export const FACTS_VERSION = 6;

export interface ArticleForFacts {
  title: string;
  text: string;
  publishedDate: string | null;
}

const DAY_MONTH = String.raw`\(?(?:ngày\s+)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?\)?`;

/**
 * "Chiều 6/12,", "Sáng 11-1,", "* Ngày 19/11,", "Sáng nay (25-2),": when a reported meeting took
 * place, after an outlet's tag if there is one ("(HNMO) - ", "BDK.VN - ", "Trực tiếp - ").
 */
const EVENT_DATE = new RegExp(
  String.raw`^(?:[*•-]\s*)?(?:\(?[\p{L}.]{2,20}(?:\s[\p{L}.]{2,20})?\)?\s*[-–]\s*)?((?:Sáng nay|Chiều nay|Hôm nay|Sáng|Chiều|Tối|Trưa|Ngày)\s+${DAY_MONTH})(?=[\s,])`,
  'u',
);
/** "… diễn ra sáng 30-5, …": the date inside the sentence that reports the meeting. */
const HELD_ON = new RegExp(String.raw`(?:diễn ra|tổ chức|khai mạc|họp)\s+(?:vào\s+)?((?:sáng|chiều|tối|ngày)\s+${DAY_MONTH})(?=[\s,.])`, 'iu');

function conferenceDate(text: string, sentences: Span[], reference: DatedReference | null): EventDate {
  const firsts = sentences.slice(0, 6).map((span) => text.slice(span.start, span.end));
  const match = firsts.map((s) => s.match(EVENT_DATE)).find(Boolean) ?? firsts.map((s) => s.match(HELD_ON)).find(Boolean);
  if (!match) return { date: null, raw: null, inference: null };
  const [, raw, day, month, year] = match;
  if (year) return { date: inferYear(+day!, +month!, { date: `${year}-01-01`, why: '', direction: 'after' }).date, raw: raw!, inference: null };
  const inferred = inferYear(+day!, +month!, reference);
  return { date: inferred.date, raw: raw!, inference: inferred.inference };
}

/**
 * What dates in an article hang on: the meeting it reports (year inferred when missing) and
 * the reference that year-less deadlines follow (the meeting, else the page's date).
 */
export function dateContext(article: ArticleForFacts) {
  const sentences = sentenceSpans(article.text);
  const mentions = findDocumentMentions(article.text);
  const reference = yearReference(article.publishedDate, mentions.map((m) => m.issuedDate), writtenDates(article.text));
  const eventDate = conferenceDate(article.text, sentences, reference);
  const deadlineBase = eventDate.date ?? article.publishedDate ?? reference?.date ?? null;
  const deadlineReference: DatedReference | null = deadlineBase
    ? { date: deadlineBase, why: eventDate.date ? 'ngày hội nghị' : 'ngày đăng bài', direction: 'after' }
    : null;
  return { sentences, mentions, eventDate, deadlineReference };
}

/**
 * Structured facts of one cleaned article: the documents it cites, who presented what, and
 * every deadline. Each fact carries the sentence it rests on; nothing is stored without one.
 */
export function extractFacts(article: ArticleForFacts): ArticleFacts {
  const { text } = article;
  const { sentences, mentions, eventDate, deadlineReference } = dateContext(article);
  const titleEnd = text.startsWith(article.title) ? article.title.length : 0;

  const sentenceOf = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end) ?? { start: offset, end: offset };
  // An official document: its own number from its header, signed at its foot, its tasks in a table.
  const ownIds = ownDocumentIds(text);
  const issuer = ownIds.length > 0 ? ownIssuer(text) : null;
  const header = mentions.find((m) => ownIds.includes(m.canonicalId));
  const issued = { date: header?.issuedDate ?? null, raw: text.slice(header?.end ?? 0).match(/^[^\n]*?(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/u)?.[1] ?? null, inference: null };
  const tables = tableDeadlines(text, ownIds, deadlineReference);
  const inTable = (d: DeadlineFact) => tables.some((row) => row.start <= d.start && d.end <= row.end);
  return {
    documents: mentions.map((m) => {
      const span = sentenceOf(m.start);
      return { canonicalId: m.canonicalId, label: m.label, kind: m.kind, issuedDate: m.issuedDate, issuer: m.issuer ?? (ownIds.includes(m.canonicalId) ? issuer : null), quote: text.slice(span.start, span.end), start: span.start, end: span.end };
    }),
    presentations: [...extractPresentations(text, sentences, eventDate, titleEnd), ...signerFacts(text, sentences, { ids: ownIds, title: article.title, issued })],
    deadlines: [...extractDeadlines(text, sentences, mentions, deadlineReference, titleEnd).filter((d) => !inTable(d)), ...tables].sort((a, b) => a.start - b.start),
  };
}
