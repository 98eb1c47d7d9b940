import { findDocumentMentions } from '../../text/document-ids.js';
import { foldForMatch, foldedWordsOf } from '../../text/normalize.js';
import type { Candidate } from '../candidates/collect.js';
import { spansAnswering, type TypedSpan } from '../candidates/typed-spans.js';
import { askedTitleCount, personWithTitles } from '../candidates/person-titles.js';
import { holdersOfAskedRole } from '../candidates/role-holders.js';
import { isFigureOf } from '../candidates/text-measures.js';
import type { StoredDeadline, StoredPresentation } from '../../store/fact-repository.js';
import { ACT_FORMS, showsAct } from '../question/acts.js';
import { deadlineText } from './registers.js';
import type { AnalyzedQuestion, Wanted } from '../question/analyze.js';
import { asksWhoseDocument } from '../question/wanted.js';

/** Words between two offsets of a text. */
const wordsBetween = (text: string, from: number, to: number) => (text.slice(Math.min(from, to), Math.max(from, to)).match(/\s+/g) ?? []).length;

/**
 * Where the question's act, or the words next to its question word, or else the part's words,
 * stand in the sentence: the answer is the span nearest them.
 */
function anchorsOf(question: AnalyzedQuestion, terms: string[], near: string[], sentence: string): number[] {
  const lower = sentence.toLowerCase();
  const acts = question.acts.flatMap((act) => ACT_FORMS[act]).flatMap((form) => [...lower.matchAll(new RegExp(`(?<![\\p{L}])${form}(?![\\p{L}])`, 'gu'))].map((m) => m.index!));
  if (acts.length > 0) return acts;
  const words = [...sentence.matchAll(/[\p{L}\p{N}]+/gu)];
  for (const wanted of [new Set(near), new Set(terms)]) {
    const at = words.filter((m) => wanted.has(foldForMatch(m[0]))).map((m) => m.index!);
    if (at.length > 0) return at;
  }
  return [];
}

function nearest(spans: TypedSpan[], anchors: number[], sentence: string): TypedSpan | undefined {
  if (anchors.length === 0) return spans[0];
  // A word of the span itself ("nhiệm kỳ" of "nhiệm kỳ 2025-2030") says nothing about which span is meant.
  const distance = (span: TypedSpan) => Math.min(Infinity, ...anchors.filter((a) => a < span.start || a >= span.end).map((a) => (a >= span.end ? wordsBetween(sentence, span.end, a) : wordsBetween(sentence, a, span.start))));
  return [...spans].sort((a, b) => distance(a) - distance(b) || a.start - b.start)[0];
}

/** Spans that do not overlap one kept before them. */
export function disjoint(spans: TypedSpan[]): TypedSpan[] {
  const kept: TypedSpan[] = [];
  for (const span of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** What a count question counts, each of them: "bao nhiêu điểm cầu, bao nhiêu đại biểu" → ["diem cau", "dai bieu"]. */
function countNouns(question: AnalyzedQuestion): string[] {
  const folded = foldForMatch(question.text);
  const nouns = [...folded.matchAll(/\b(?:bao nhieu|may)\s+([a-z]+(?:\s+[a-z]+)?)/g)].map((m) => m[1]!);
  return nouns.length > 0 ? nouns : question.countNoun ? [question.countNoun] : [];
}

/** Preferred span types for a kind of answer, best first. */
const PREFERRED: Partial<Record<Wanted, Array<TypedSpan['type']>>> = {
  place: ['place', 'region'],
  date: ['day', 'date', 'period', 'deadline'],
  deadline: ['deadline', 'day', 'date', 'period'],
  period: ['period', 'date', 'deadline'],
};

/** "… Tờ trình của ", "… báo cáo của ": what comes next is the document's author. */
const AUTHOR_BEFORE = /(?<![\p{L}])(tờ trình|báo cáo|đề án|kế hoạch|dự thảo|văn bản|chương trình|đề xuất)\s+của\s*$/iu;

const wordPairs = (words: string[]) => words.slice(1).map((word, i) => `${words[i]} ${word}`);

/** How many of a part's words a sentence holds. */
const shared = (terms: string[], sentence: string) => {
  const words = new Set(foldedWordsOf(sentence));
  return terms.filter((t) => words.has(t)).length;
};

/**
 * The short answer the chosen sentences give, in the source's words: for each part of the
 * question and each kind of answer it wants, the person with their titles, the figure with
 * what it counts, the date as written, the document, the place — taken from the chosen
 * sentence that best covers that part, nearest the words it asks about. Null when the
 * question wants a description (the sentence itself is the answer).
 */
export function shortAnswer(question: AnalyzedQuestion, chosen: Candidate[]): ShortAnswer | null {
  const parts = question.parts.length > 0 ? question.parts : [{ terms: question.terms, wants: question.wants, near: question.near }];
  const answers: string[] = [];
  const sources: Candidate[] = [];
  for (const part of parts) {
    for (const wanted of part.wants) {
      if (wanted === 'description' || wanted === 'result') continue;
      const holding = chosen.filter((c) => spansAnswering(wanted, c, question).length > 0);
      // A list is read from the sentence that lists the most; anything else from the one sharing most words with the part.
      const listed = (c: Candidate) => (question.isList ? Math.min(3, disjoint(spansAnswering(wanted, c, question)).length) : 0);
      // "Ai là báo cáo viên …?" is answered by the sentence saying "Báo cáo viên là …".
      const defines = (c: Candidate) => (wanted === 'person' && holdersOfAskedRole(c.text, question.text).length > 0 ? 1 : 0);
      const candidate = holding.sort(
        (a, b) => defines(b) - defines(a) || listed(b) - listed(a) || shared(part.terms, b.text) - shared(part.terms, a.text) || chosen.indexOf(a) - chosen.indexOf(b),
      )[0];
      if (!candidate) continue;
      const answer = spanAnswer(question, part.terms, part.near, wanted, candidate);
      // "Hạn chót … là ngày nào?" wants a deadline and a day: the deadline already says the day.
      if (!answer || answers.some((said) => foldForMatch(said).includes(foldForMatch(answer)))) continue;
      answers.push(answer);
      if (!sources.includes(candidate)) sources.push(candidate);
    }
  }
  return answers.length > 0 ? { text: answers.join('; '), sources } : null;
}

/** The short answer and the sentences it was read from (what it cites). */
export interface ShortAnswer {
  text: string;
  sources: Candidate[];
}

/** "Vũ Đức Bảo (Ủy viên Ban Thường vụ Thành ủy, …) trình bày Kế hoạch …": a presentation fact as an answer. */
export function presentationText(fact: StoredPresentation, question: AnalyzedQuestion): string {
  const titles = fact.titles.length > 0 ? ` (${fact.titles.join(', ')})` : '';
  // "Tổng hợp chung kết quả thảo luận tổ" as both act and document is said once.
  const named = foldForMatch(fact.document).startsWith(foldForMatch(fact.act)) ? fact.document.slice(fact.act.length).trim() : fact.document;
  // A signature at a document's foot names no document: the answer says only what its sentence does.
  const document = fact.quote.includes(named) ? named : '';
  if (!document) return `${fact.presenter}${titles} ${fact.act}`;
  return question.language === 'en' ? `${fact.presenter}${titles} — ${fact.act}: ${document}` : `${fact.presenter}${titles} ${fact.act} ${document}`;
}

function spanAnswer(question: AnalyzedQuestion, terms: string[], near: string[], wanted: Wanted, candidate: Candidate): string | null {
  const sentence = candidate.text;
  const anchors = anchorsOf(question, terms, near, sentence);
  let spans = spansAnswering(wanted, candidate, question);
  const order = PREFERRED[wanted];
  if (order) spans = spans.filter((s) => s.type === order.find((type) => spans.some((x) => x.type === type)));
  if (spans.length === 0) return null;
  if (wanted === 'person') {
    // A fact of this sentence with the act asked about says who, with titles and what they presented.
    const asked = foldForMatch(question.text);
    const listed = question.isList || question.acts.some((act) => act === 'chair' || act === 'attend');
    const facts = candidate.presentations.filter((f) => (question.acts.length === 0 || showsAct(question.acts, f.act)) && !asked.includes(foldForMatch(f.presenter)));
    // Of several people in one sentence, the one whose document is what the question says was presented, phrase for phrase.
    const pairs = new Set(wordPairs(question.actObject.length >= 2 ? question.actObject : foldedWordsOf(question.text)));
    const about = (f: StoredPresentation) => wordPairs(foldedWordsOf(`${f.act} ${f.document}`)).filter((pair) => pairs.has(pair)).length;
    if (facts.length > 0 && !listed) return presentationText([...facts].sort((a, b) => about(b) - about(a))[0]!, question);
    const most = Math.max(0, ...spans.map((span) => askedTitleCount(question, sentence, span)));
    const titled = most > 0 ? spans.filter((span) => askedTitleCount(question, sentence, span) === most) : [];
    const people = listed && titled.length === 0 ? disjoint(spans) : [nearest(titled.length > 0 ? titled : spans, anchors, sentence)!];
    return people.map((span) => personWithTitles(sentence, span)).join('; ');
  }
  if (wanted === 'deadline' && candidate.deadlines.length > 0) {
    const words = new Set(question.deadlineSubject);
    const share = (d: StoredDeadline) => foldedWordsOf(`${d.task} ${d.responsible ?? ''}`).filter((w) => words.has(w)).length;
    return deadlineText([...candidate.deadlines].sort((a, b) => share(b) - share(a))[0]!, question, true);
  }
  if (wanted === 'number') {
    const nouns = countNouns(question);
    const counted = disjoint(spans).filter((span) => nouns.some((noun) => isFigureOf(span, noun)));
    return (counted.length > 0 ? counted : [nearest(spans, anchors, sentence)!]).map((span) => span.text).join('; ');
  }
  if (wanted === 'document') {
    // "… sơ kết những đề án nào?": documents of the kind asked, every one of them for a list.
    const kind = foldForMatch(question.text).match(/\b(ke hoach|chuong trinh(?: hanh dong| cong tac)?|nghi quyet|chi thi|ket luan|de an|quyet dinh|huong dan|van ban|bao cao|de cuong|to trinh|luat)\s+nao\b/)?.[1];
    const ofKind = kind && kind !== 'van ban' ? disjoint(spans).filter((span) => foldForMatch(span.text).startsWith(kind)) : [];
    const pool = ofKind.length > 0 ? ofKind : disjoint(spans);
    return question.isList ? pool.map((span) => span.text).join('; ') : nearest(pool, anchors, sentence)!.text;
  }
  if (wanted === 'subject') {
    // "Văn bản số 5418/UBND-TKBT về việc triển khai …": the document as named, then what it is about.
    const about = spans[0]!;
    const mention = findDocumentMentions(sentence).filter((m) => m.end <= about.start).at(-1);
    return mention ? sentence.slice(mention.start, about.end).trim() : about.text;
  }
  if (wanted === 'organization') {
    // "Tờ trình của Ban Thường vụ Tỉnh ủy": whose document it is, the body right after the document and "của".
    if (asksWhoseDocument(foldForMatch(question.text), question.language === 'en')) {
      const asked = ` ${foldedWordsOf(`${question.text} ${question.searchText}`).join(' ')} `;
      const authorOf = (span: TypedSpan) => sentence.slice(Math.max(0, span.start - 40), span.start).match(AUTHOR_BEFORE)?.[1];
      const authors = disjoint(spans.filter((span) => authorOf(span) !== undefined));
      // Of the authors of several documents ("Tờ trình của X, Báo cáo của Y"), the one of the document asked about.
      const ofAsked = authors.filter((span) => asked.includes(` ${foldedWordsOf(authorOf(span)!).join(' ')} `));
      if (authors.length > 0) return nearest(ofAsked.length > 0 ? ofAsked : authors, anchors, sentence)!.text;
    }
    // "X giao Y chủ trì …": the body given the task is Y.
    const assigned = spans.filter((span) => /(?<![\p{L}])giao(?:\s+cho)?\s*$/u.test(sentence.slice(Math.max(0, span.start - 10), span.start)));
    if (assigned.length > 0) return nearest(disjoint(assigned), anchors, sentence)!.text;
  }
  if ((wanted === 'place' || wanted === 'region') && question.isList) return disjoint(spans).map((span) => span.text).join('; ');
  return nearest(disjoint(spans), anchors, sentence)!.text;
}
