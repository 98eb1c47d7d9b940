import { findDateSpans } from '../../text/date-spans.js';
import { findDeadlinePhrases } from '../../text/deadline-phrases.js';
import { holdersOfAskedRole } from './role-holders.js';
import { findDocumentMentions, KIND_WORDS, matchesDocumentQuery, parseDocumentQuery, type DocumentQuery } from '../../text/document-ids.js';
import { findOrganizations } from '../../text/organizations.js';
import { personNamesIn } from '../../text/person-names.js';
import { findPlaces } from '../../text/places.js';
import { findQuantities } from '../../text/quantities.js';
import { memoizedByText } from '../../text/memo.js';
import { foldForMatch } from '../../text/normalize.js';
import type { Wanted } from '../question/analyze.js';
import { asksIssuing, namesWhatItImplements } from '../question/issuing.js';

/** A stretch of a sentence that can answer a kind of question: a name, a date, a figure … */
export interface TypedSpan {
  type: 'person' | 'organization' | 'place' | 'region' | 'day' | 'date' | 'time' | 'period' | 'deadline' | 'number' | 'document' | 'kind' | 'quote' | 'about' | 'list';
  text: string;
  start: number;
  end: number;
  /** For a figure: what it counts, folded ("dai bieu"). */
  noun?: string | null;
}

/** "Báo cáo viên Hồ Văn Sơn": a kind word with "viên" after it is a person who gives the report, not a document. */
const NOT_A_PERSON = String.raw`(?!\s+viên(?![\p{L}]))`;

/**
 * A document named by its kind and title: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV",
 * "Báo cáo tổng kết thi hành Luật Thủ đô" (a capitalised kind word, to the end of the clause).
 */
const NAMED_DOCUMENT = new RegExp(String.raw`(?<![\p{L}])(?:${KIND_WORDS.join('|')}|Đề cương|Văn kiện|Dự thảo)${NOT_A_PERSON}(?:\s+[^\s;,.:()]+){1,24}`, 'gu');
/** A kind of document however written ("chương trình hành động", "Kế hoạch"). */
const KIND = new RegExp(String.raw`(?<![\p{L}])(?:${KIND_WORDS.join('|')}|đề cương|văn kiện|dự thảo)(?![\p{L}])${NOT_A_PERSON}`, 'giu');
const QUOTED = /[“"]([^”"]{8,300})[”"]/gu;
/** "về tình hình, giải pháp …": what a document or meeting is about, to the end of the clause (every "về", even inside another's clause). */
const ABOUT = /(?<![\p{L}])(?:về|VỀ)\s+(?=([^;.]{8,300}))/gu;
/** An enumeration after a colon: "… 4 nội dung: A; B; C", "gồm: A, B và C". */
const LIST = /:\s*([^:]{12,})$/u;

function spansOf(type: TypedSpan['type'], matches: Array<{ text: string; start: number; end: number }>): TypedSpan[] {
  return matches.map(({ text, start, end }) => ({ type, text, start, end }));
}

/** Every typed span of a sentence, in no particular order (remembered: spans are read-only). */
export const typedSpans = memoizedByText(spansOfSentence);

function spansOfSentence(sentence: string): TypedSpan[] {
  const spans: TypedSpan[] = [];
  let at = 0;
  for (const name of personNamesIn(sentence)) {
    const start = sentence.indexOf(name, at);
    if (start < 0) continue;
    spans.push({ type: 'person', text: name, start, end: start + name.length });
    at = start + name.length;
  }
  spans.push(...spansOf('organization', findOrganizations(sentence)));
  for (const place of findPlaces(sentence)) spans.push({ type: place.kind === 'venue' ? 'place' : 'region', text: place.text, start: place.start, end: place.end });
  for (const match of sentence.matchAll(KIND)) spans.push({ type: 'kind', text: match[0], start: match.index!, end: match.index! + match[0].length });
  for (const date of findDateSpans(sentence)) {
    const type = date.kind === 'day' || date.kind === 'day-range' ? 'day' : date.kind === 'month' ? 'date' : date.kind === 'time' ? 'time' : 'period';
    spans.push({ type, text: date.text, start: date.start, end: date.end });
  }
  for (const phrase of findDeadlinePhrases(sentence, null)) spans.push({ type: 'deadline', text: phrase.phrase, start: phrase.index, end: phrase.index + phrase.phrase.length });
  // A date right after a word that makes it a limit ("hoàn thành trước ngày 30 tháng 7", "đến năm 2015") is a deadline too.
  for (const date of findDateSpans(sentence)) {
    if (date.kind === 'time' || spans.some((s) => s.type === 'deadline' && s.start <= date.start && date.end <= s.end)) continue;
    // Not a bare "đến năm 2030": that is a vision in a document's title, not a limit.
    const cue = sentence.slice(Math.max(0, date.start - 30), date.start).match(/(?<![\p{L}])(?:hoàn thành|xong|trước|chậm nhất|hạn chót|thời hạn|từ nay đến|đến hết|đến cuối)(?:\s+(?:ngày|là|vào|hết|cuối|đầu))*\s*$/iu);
    if (cue) spans.push({ type: 'deadline', text: sentence.slice(date.start - cue[0].length, date.end), start: date.start - cue[0].length, end: date.end });
  }
  for (const quantity of findQuantities(sentence)) spans.push({ type: 'number', text: quantity.text, start: quantity.start, end: quantity.end, noun: quantity.noun });
  for (const mention of findDocumentMentions(sentence)) spans.push({ type: 'document', text: mention.raw, start: mention.start, end: mention.end });
  for (const match of sentence.matchAll(NAMED_DOCUMENT)) {
    if (spans.some((s) => s.type === 'document' && s.start <= match.index! && match.index! < s.end)) continue;
    spans.push({ type: 'document', text: match[0], start: match.index!, end: match.index! + match[0].length });
  }
  for (const match of sentence.matchAll(QUOTED)) spans.push({ type: 'quote', text: match[1]!, start: match.index! + 1, end: match.index! + 1 + match[1]!.length });
  for (const match of sentence.matchAll(ABOUT)) {
    const start = match.index! + match[0].length;
    spans.push({ type: 'about', text: match[1]!.trim(), start, end: start + match[1]!.trim().length });
  }
  const list = sentence.match(LIST);
  if (list) {
    const start = list.index! + list[0].indexOf(list[1]!);
    spans.push({ type: 'list', text: list[1]!, start, end: start + list[1]!.length });
  }
  return spans;
}

const ISSUING_WORDS = /(?<![\p{L}])(?:ban hành|ký|kí)(?![\p{L}])/iu;

/** Which span types answer each kind of question. */
const ANSWERED_BY: Record<Wanted, Array<TypedSpan['type']>> = {
  person: ['person'],
  organization: ['organization'],
  place: ['place', 'region'],
  region: ['region'],
  day: ['day'],
  date: ['day', 'date', 'period', 'deadline'],
  time: ['time'],
  period: ['period', 'date', 'deadline'],
  deadline: ['deadline'],
  number: ['number'],
  document: ['document'],
  docnumber: ['document'],
  kind: ['kind', 'document'],
  description: ['about', 'quote', 'list', 'document'],
  subject: ['about'],
  result: [],
};

/** An outcome: a vote passed or its share, someone elected, a target reached; a bare percentage is no outcome. */
const OUTCOME = /thông qua|tán thành|trúng cử|số phiếu|(?<![\p{L}])đạt\s+(?:tỷ lệ|\d)|\d+(?:[.,]\d+)?\s?%\s*(?:số\s+)?(?:đại biểu|phiếu|tán thành)/iu;

/** A sentence with its typed spans; `headerOf` names the documents whose header it is part of (an official document's own number). */
export interface SpannedSentence {
  text: string;
  spans: TypedSpan[];
  headerOf?: string[];
}

/** What of the question decides which spans answer it. */
export interface AskedFor {
  /** The question as asked: a person it names is not who it asks for. */
  text: string;
  documents: DocumentQuery[];
}

/**
 * The spans of a sentence that answer a kind of question: for "result", the outcome phrase;
 * for "subject", the "về …" clause right after a mention of a document the question names;
 * for "person", people other than those the question names ("Bí thư … dự buổi làm việc với
 * Thủ tướng Nguyễn Xuân Phúc là ai?" does not ask for Nguyễn Xuân Phúc).
 */
export function spansAnswering(wanted: Wanted, candidate: SpannedSentence, asked: AskedFor): TypedSpan[] {
  const { documents } = asked;
  const { spans, text: sentence } = candidate;
  const question = foldForMatch(asked.text);
  const named = (span: TypedSpan) => question.includes(foldForMatch(span.text));
  if (wanted === 'person') {
    const people = spans.filter((span) => span.type === 'person' && !named(span));
    return people.length > 0 ? people : holdersOfAskedRole(sentence, asked.text);
  }
  if (wanted === 'organization') return spans.filter((span) => span.type === 'organization' && !named(span));
  if (wanted === 'kind') {
    // "Ngoài nghe báo cáo, … còn cho ý kiến về văn bản gì?", "… Nghị quyết 79 và 80, phải xây dựng văn bản gì?": not the kinds the question names.
    const numbers = new Set(documents.map((d) => d.number));
    const namedDocument = (span: TypedSpan) => parseDocumentQuery(span.text).some((q) => documents.some((d) => d.number === q.number && (!d.symbol || !q.symbol || d.symbol === q.symbol)));
    return spans.filter(
      (span) =>
        ANSWERED_BY.kind.includes(span.type) &&
        !named(span) &&
        !(span.type === 'document' && namedDocument(span)) &&
        !(span.type === 'kind' && numbers.has(sentence.slice(span.end, span.end + 12).match(/^\s*(?:số\s+)?(\d+)/u)?.[1] ?? '')),
    );
  }
  if (wanted === 'docnumber') return spansAnswering('document', candidate, asked).filter((span) => findDocumentMentions(span.text).length > 0);
  if (wanted === 'document') {
    // "Kế hoạch 101-KH/ĐU căn cứ những văn bản nào?": not the plan the question names.
    const isNamed = (span: TypedSpan) =>
      named(span) ||
      findDocumentMentions(span.text).some((m) => documents.some((d) => matchesDocumentQuery(m.canonicalId, d))) ||
      parseDocumentQuery(span.text).some((q) => documents.some((d) => d.number === q.number && (!d.symbol || !q.symbol || d.symbol === q.symbol)));
    return spans.filter((span) => span.type === 'document' && !isNamed(span));
  }
  if (wanted === 'day' || wanted === 'date') {
    // The date right after a document's number is that document's date: no answer to when a meeting took place, nor
    // to another document's date ("… issue Plan 51 on Resolution 15?" asks the date of Plan 51, named first).
    const asked = namesWhatItImplements(question) ? undefined : documents[0];
    const mentions = findDocumentMentions(sentence);
    const othersDates = mentions.filter((m) => m.issuedDate && !(asked && matchesDocumentQuery(m.canonicalId, asked)));
    const types = ANSWERED_BY[wanted];
    const after = (m: { end: number }, span: TypedSpan) => span.start >= m.end && span.start - m.end <= 12;
    const dated = spans.filter((span) => types.includes(span.type) && !othersDates.some((m) => after(m, span)));
    if (!asksIssuing(question)) return dated;
    // "… ban hành ngày nào?" asks when a document was issued: the date written after its number, in a sentence
    // about issuing or signing, or in an official document's own header; not the day of a meeting, nor a limit
    // the document sets ("trình … trước ngày 15/12").
    const limits = spans.filter((s) => s.type === 'deadline');
    const issuing = ISSUING_WORDS.test(sentence) || (candidate.headerOf ?? []).length > 0;
    const ownDates = mentions.filter((m) => m.issuedDate && !othersDates.includes(m));
    return dated.filter((span) => (issuing || ownDates.some((m) => after(m, span))) && !limits.some((limit) => limit.start <= span.start && span.end <= limit.end));
  }
  if (wanted === 'subject') {
    // An official document's own title says what it is about: its header holds the number the question names.
    if (candidate.headerOf?.some((id) => documents.some((d) => matchesDocumentQuery(id, d)))) return spans.filter((span) => span.type === 'about');
    const named = findDocumentMentions(sentence).filter((m) => documents.some((d) => matchesDocumentQuery(m.canonicalId, d)));
    return spans.filter((span) => span.type === 'about' && named.some((m) => span.start >= m.end && span.start - m.end <= 120 && !/[;.]/u.test(sentence.slice(m.end, span.start))));
  }
  if (wanted === 'result') {
    const match = sentence.match(OUTCOME);
    return match ? [{ type: 'quote', text: match[0], start: match.index!, end: match.index! + match[0].length }] : [];
  }
  const types = ANSWERED_BY[wanted];
  return spans.filter((span) => types.includes(span.type));
}
