import { dayMonthOf, findDateSpans } from '../../text/date-spans.js';
import { findDocumentMentions, parseDocumentQuery, type DocumentQuery } from '../../text/document-ids.js';
import { identifierTokens, meetingNumbers } from '../../text/identifiers.js';
import { provincesIn } from '../../text/places.js';
import { foldForMatch, foldedWordsOf } from '../../text/normalize.js';
import { outletOfQuestion } from '../../text/outlets.js';
import { titlePhrasesIn } from '../../text/titles.js';
import { actObjectOf, actsOf, type Act } from './acts.js';
import { deadlineSubjectOf, dueByOf, dueWithinOf, purposeCut } from './deadline-question.js';
import { askedTitlesFor, englishDatesToVietnamese, englishResidue, isEnglish, romanNumeral, vietnameseConceptsFor, vietnameseTermsFor } from './english.js';
import { englishFocusOf, focusClauseOf, focusOf, nearQuestionWord, partsOf } from './clauses.js';
import { wantedOf, type Wanted } from './wanted.js';
import { contentWords, NOT_CONTENT } from './words.js';

export type { Wanted } from './wanted.js';
export type { Act } from './acts.js';

export interface TermGroup {
  /** Alternative phrasings, each as folded words; covering any one of them covers the concept. */
  alternatives: string[][];
}

export interface QuestionPart {
  terms: string[];
  wants: Wanted[];
  /** The part's words next to its question word ("… mục tiêu, nhiệm vụ cho nhiệm kỳ nào"): the answer stands next to them. */
  near: string[];
  /** What the part counts ("bao nhiêu nội dung" → "noi dung"), folded. */
  countNoun?: string | null;
}

export interface DayMonth {
  day: number;
  month: number;
  year?: number;
}

export interface AnalyzedQuestion {
  text: string;
  language: 'vi' | 'en';
  /** Text to search with: the question, plus Vietnamese terms and dates for an English one. */
  searchText: string;
  /** Folded content words (of the Vietnamese terms, for an English question): question words and function words removed. */
  terms: string[];
  /** An English question's own words (names, numbers, words no glossary entry took), folded: in Vietnamese articles only names and numbers can match them. */
  ownWords: string[];
  /**
   * The words of the clause that holds the question word ("…, ai báo cáo tình hình của thành
   * phố?"): what the answer's sentence must be about, the rest only says which event.
   */
  focus: string[];
  /**
   * The same words as concepts to cover: one word each for a Vietnamese question; for an
   * English one, each glossary concept with its alternative phrasings ("tổng kết" or "sơ kết").
   */
  groups: TermGroup[];
  documents: DocumentQuery[];
  /** Known presenters the question names (as stored, with marks). */
  persons: string[];
  /** Days the question names ("sáng 17-8", "29-9-2017", "17 August 2024"). */
  dates: DayMonth[];
  /** What kind of answer it asks for, most specific first. */
  wants: Wanted[];
  /** What someone did, when it asks about that ("ai chủ trì", "who signed"). */
  acts: Act[];
  /** What the act was done to, as the question words it (folded): "ai trình bày báo cáo tổng hợp … tại …" → the report's words. */
  actObject: string[];
  /** Numbers and Roman numerals the question names, folded, each with its alternative forms ([["22"], ["17", "xvii"]]): what tells one meeting or term from another. */
  identifiers: string[][];
  /** Titles the question names, folded ("bi thu thanh uy" of "Bí thư Thành ủy Hà Nội … là ai?"). */
  titles: string[];
  /** The words next to the question word: where in a sentence the answer stands. */
  near: string[];
  /** The numbers of the meeting, term or congress the question names ([["7"], ["xvii"]], English ordinals with their Roman form). */
  meetingNumbers: string[][];
  /** Provinces and cities the question names, folded. */
  places: string[];
  /** The outlet the question names ("theo báo Lao Động"), as matching keys. */
  outlet: string[] | null;
  /**
   * A question in parts ("… diễn ra những ngày nào, phiên chính thức khai mạc hôm nào?"):
   * each part's own words and kind of answer. Empty when the question asks one thing.
   */
  parts: QuestionPart[];
  /** For "… phải hoàn thành khi nào?": the folded words of what must be done, before the predicate. */
  deadlineSubject: string[];
  /** "bao nhiêu ý kiến" → "y kien": what a count question counts (folded). */
  countNoun: string | null;
  /** "ông X đã làm gì", "what did X present": asks what a named person did. */
  asksAct: boolean;
  /** "Những ai…", "Những việc nào…", "list": every match, not the best one. */
  isList: boolean;
  /** For "phải hoàn thành trước tháng 2/2021": deadlines due on or before this date. */
  dueBy: string | null;
  /** For "hạn chót trong tháng 12/2023": deadlines within this range. */
  dueWithin: { from: string; to: string } | null;
}

/** Known names the question contains, looked up by its 2–5-word runs (folded), so the cost does not grow with the corpus. */
function namesIn(words: string[], known: string[] | ReadonlyMap<string, string>): string[] {
  const index = Array.isArray(known) ? new Map(known.map((name) => [foldedWordsOf(name).join(' '), name])) : (known as ReadonlyMap<string, string>);
  const found: string[] = [];
  for (let size = 5; size >= 2; size--) {
    for (let i = 0; i + size <= words.length; i++) {
      const name = index.get(words.slice(i, i + size).join(' '));
      if (name && !found.some((f) => foldedWordsOf(f).join(' ').includes(words.slice(i, i + size).join(' ')))) found.push(name);
    }
  }
  return found;
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15 };

/**
 * Numbers and Roman numerals of a question, folded, each with the ways an article may write
 * it: "Hội nghị lần thứ bảy … khóa XXV" → [["7"], ["xxv"]]; "17th tenure" → [["17", "xvii"]].
 */
function identifiersOf(question: string, english: boolean): string[][] {
  const ids: string[][] = identifierTokens(question).map((id) => [id]);
  if (english) {
    for (const m of question.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)\b/gi)) ids.push([String(Number(m[1])), romanNumeral(Number(m[1])).toLowerCase()]);
    for (const [word, n] of Object.entries(ORDINALS)) if (new RegExp(`\\b${word}\\b`, 'i').test(question)) ids.push([String(n), romanNumeral(n).toLowerCase()]);
  }
  return ids;
}

/** "lần thứ bảy", "khóa XVII"; in English "the seventh plenum", "17th tenure", each with its Roman form. */
function meetingNumbersOf(question: string, english: boolean): string[][] {
  if (!english) return meetingNumbers(question).map((id) => [id]);
  const ids: string[][] = [];
  for (const m of question.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)\s+(?:plenum|plenary|congress|tenure|term|meeting|session|conference|party congress)\b/gi)) ids.push([String(Number(m[1])), romanNumeral(Number(m[1])).toLowerCase()]);
  for (const [word, n] of Object.entries(ORDINALS)) {
    if (new RegExp(`\\b${word}\\s+(?:\\w+\\s+){0,2}(?:plenum|plenary|congress|tenure|term|meeting|session|conference)\\b`, 'i').test(question)) ids.push([String(n), romanNumeral(n).toLowerCase()]);
  }
  return ids;
}

/** The days a question names, however written ("sáng 17-8", "ngày 3 tháng 7", "17 August 2024"). */
function daysIn(texts: string[]): DayMonth[] {
  return texts.flatMap((text) => findDateSpans(text).flatMap((span) => dayMonthOf(span) ?? []));
}

/**
 * Reads a question: language, the documents, people, dates, numbers and outlet it names, what
 * kind of answer and which act it asks about. `knownPersons` are presenters in the store, so a
 * name typed without diacritics ("ha minh hai") is recognised.
 */
export function analyzeQuestion(text: string, knownPersons: string[] | ReadonlyMap<string, string> = []): AnalyzedQuestion {
  const question = text.normalize('NFC').trim();
  const english = isEnglish(question);
  const vietnamese = english ? vietnameseTermsFor(question) : [];
  const englishDates = english ? englishDatesToVietnamese(question) : [];
  const searchText = english ? [question, ...vietnamese, ...englishDates].join(' ') : question;
  const folded = foldForMatch(question);
  // An English question's own words match nothing in Vietnamese articles, except names and numbers.
  const englishKept = english ? englishResidue(question).match(/(?<![\p{L}])(?:\p{Lu}[\p{L}'-]*|\d[\d/.-]*)/gu)?.join(' ') ?? '' : '';
  const groups = english ? englishGroups(question, englishKept) : contentWords(question).map((word) => ({ alternatives: [[word]] }));
  const terms = [...new Set(groups.flatMap((g) => g.alternatives.flat()))];
  const documents = parseDocumentQuery(question);
  const acts = actsOf(question, english);
  // "số mấy" asks for a number as a name ("chương trình số mấy"), not for a count.
  const countWords = folded.match(/(?<!(?<!\btong )\bso )\b(?:bao nhieu|may|how many|how much|number of)\s+([a-z]+(?:\s+[a-z]+)?)/)?.[1] ?? null;
  return {
    text: question,
    language: english ? 'en' : 'vi',
    searchText,
    terms,
    groups,
    ownWords: english ? contentWords(englishKept) : [],
    focus: english ? englishFocusOf(question) : focusOf(question),
    documents,
    persons: [...new Set(namesIn(foldedWordsOf(question), knownPersons))],
    dates: daysIn([question, ...englishDates]),
    wants: wantedOf(folded, english, documents.length > 0),
    acts,
    actObject: actObjectOf(question, acts, english).filter((word) => !NOT_CONTENT.has(word)),
    identifiers: identifiersOf(question, english),
    meetingNumbers: meetingNumbersOf(question, english),
    places: [...new Set([...provincesIn(folded), ...(english && /\bhanoi\b/.test(folded) ? ['ha noi'] : [])])],
    outlet: outletOfQuestion(question),
    near: english ? [] : nearQuestionWord(focusClauseOf(question)),
    titles: english ? [...new Set(askedTitlesFor(question).flatMap(titlePhrasesIn))] : titlePhrasesIn(focusClauseOf(question)),
    parts: partsOf(question, english, documents.length > 0),
    deadlineSubject: withoutDocumentWords(deadlineSubjectOf(purposeCut(question), NOT_CONTENT), question),
    countNoun: (english && countWords ? countNounInVietnamese(countWords) : countWords) ?? moneyAskedFor(english ? foldForMatch(searchText) : folded),
    asksAct: /\blam gi\b|\bwhat did\b|\bdid what\b|\b(?:trinh bay|bao cao|tiep thu|giai trinh) (?:gi|van ban nao|noi dung gi)\b/.test(folded),
    isList:
      /\bnhung ai\b|\bnhung (?:\w+ ){1,3}nao\b|\bcac (?:\w+ ){1,2}nao\b|\bcac (?:viec|nhiem vu|han chot|dong chi nao)\b|\bliet ke\b|\bgom nhung\b|\blist\b|\bwhich tasks\b|\bwhat tasks\b|\bwho (?:are|were) (?:all )?the\b/.test(
        folded,
      ),
    dueBy: dueByOf(folded) ?? dueByOf(foldForMatch(searchText)),
    dueWithin: dueWithinOf(folded) ?? dueWithinOf(foldForMatch(searchText)),
  };
}

/** "Kế hoạch 04-KH/TU có những hạn chót nào?": the plan's own name says which plan, not which of its tasks. */
export function withoutDocumentWords(words: string[], question: string): string[] {
  const named = new Set(findDocumentMentions(question).flatMap((m) => foldedWordsOf(m.raw)));
  for (const m of foldForMatch(question).matchAll(/\b(?:ke hoach|chuong trinh(?: hanh dong| cong tac)?|nghi quyet|van ban|chi thi|ket luan|de an)(?: so)? \d+\b/g)) for (const w of m[0].split(' ')) named.add(w);
  return words.filter((word) => !named.has(word) && word !== 'co');
}

/** An English question's concepts in the articles' words, then the names and numbers it writes itself. */
function englishGroups(question: string, kept: string): TermGroup[] {
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  const add = (alternatives: string[][]) => {
    const usable = alternatives.filter((alt) => alt.length > 0);
    const key = usable.map((alt) => alt.join(' ')).sort().join('|');
    if (usable.length === 0 || seen.has(key)) return;
    seen.add(key);
    groups.push({ alternatives: usable });
  };
  // The glossary's Vietnamese carries its marks, so only Vietnamese function words go: "an" of "đề án" is not English.
  for (const alternatives of vietnameseConceptsFor(question)) add(alternatives.map((alt) => contentWords(alt)));
  for (const word of contentWords(kept).filter((w) => !NOT_CONTENT.has(w))) add([[word]]);
  return groups;
}

/** "Kinh phí … là bao nhiêu?", "What was the budget …?": a sum of money is asked for, so only a figure in money answers. */
function moneyAskedFor(folded: string): string | null {
  if (!/\bbao nhieu\b|\bhow much\b|\bwhat (?:is|was|are|were)\b/.test(folded)) return null;
  return folded.match(/\b(?:kinh phi|ngan sach|chi phi|tong muc dau tu|nguon von)\b/)?.[0] ?? null;
}

/** "delegates" → "dai bieu": what an English count question counts, in the articles' words. */
function countNounInVietnamese(words: string): string | null {
  const vietnamese = vietnameseTermsFor(words)[0];
  return vietnamese ? foldedWordsOf(vietnamese).slice(0, 2).join(' ') : null;
}
