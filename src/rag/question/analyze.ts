import { isoDate } from '../../text/dates.js';
import { parseDocumentQuery, type DocumentQuery } from '../../text/document-ids.js';
import { foldForMatch, foldedWordsOf } from '../../text/normalize.js';
import { englishDatesToVietnamese, isEnglish, vietnameseTermsFor } from './english.js';

/** What kind of answer a question asks for; the evidence must contain it or the bot declines. */
export type Wanted = 'person' | 'responsible' | 'date' | 'deadline' | 'number' | 'document' | 'result' | 'topic' | 'form';

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
  /** Folded content words: question words and function words removed. */
  terms: string[];
  documents: DocumentQuery[];
  /** Known presenters the question names (as stored, with marks). */
  persons: string[];
  dates: DayMonth[];
  wants: Wanted[];
  /** Acts the question asks about, folded ("trinh bay", "tiep thu", "ky"). */
  acts: string[];
  /** For "… phải hoàn thành khi nào?": the folded words of what must be done, before the predicate. */
  deadlineSubject: string[];
  /** "bao nhiêu ý kiến" → "y kien": what a count question counts (folded). */
  countNoun: string | null;
  /** "ông X đã làm gì", "what did X present": asks what a named person did. */
  asksAct: boolean;
  /** "Những việc nào…", "list": every match, not the best one. */
  isList: boolean;
  /** For "phải hoàn thành trước tháng 2/2021": deadlines due on or before this date. */
  dueBy: string | null;
  /** For "hạn chót trong tháng 12/2023": deadlines within this range. */
  dueWithin: { from: string; to: string } | null;
}

/** Question words and function syllables (folded): they say what is asked, not what about. */
const NOT_CONTENT = new Set(
  (
    'ai gi nao khi bao nhieu may the sao ra la co duoc cua va cac nhung ve tai o trong theo cho voi de den tu da se dang vao ' +
    'mot nay do thi ma hay hoac cung nhu phai can hoi xin cho biet ong ba dong chi nguoi viec lam gom tung vua con ' +
    'the of and to in on for at by with which what who whom whose when where why how is are was were did does do has have had ' +
    'that this these those it its he she they his her their a an as from into about number'
  ).split(' '),
);

const ACT_WORDS: Array<[RegExp, string]> = [
  [/\btrinh bay\b|\bpresent/, 'trinh bay'],
  [/\btiep thu\b|\brespond|\breplied/, 'tiep thu'],
  [/\bgiai trinh\b|\bexplain|\brespond/, 'giai trinh'],
  [/\bbao cao\b|\breport/, 'bao cao'],
  [/\bthay mat\b|\bon behalf\b/, 'thay mat'],
  [/\btong hop\b|\bsumm/, 'tong hop'],
  [/\bket luan\b|\bconclu/, 'ket luan'],
  [/\bky\b(?! niem)|\bsign/, 'ky'],
];

function wantsOf(folded: string, english: boolean): Wanted[] {
  const wants = new Set<Wanted>();
  const has = (pattern: RegExp) => pattern.test(folded);
  if (has(/\bai\b|\bnguoi nao\b|\bdong chi nao\b|\b(?:pho )?(?:chu tich|bi thu|giam doc) nao\b|\bwho\b|\bwhich (?:\w+[- ])?(?:chairm[ae]n|secretary|official|leader|person)/)) wants.add('person');
  if (has(/\bco quan nao\b|\bdon vi nao\b|\bchiu trach nhiem\b|\bchu tri\b|\bwhich (?:agency|body|department|unit)\b|\bresponsible\b/)) wants.add('responsible');
  if (has(/\bkhi nao\b|\bngay nao\b|\bbao gio\b|\bthoi gian nao\b|\bluc nao\b|\bthoi diem nao\b|\bhan chot\b|\bthoi han\b|\bwhen\b|\bwhat date\b|\bdeadline\b|\bby when\b/)) wants.add('date');
  if (has(/\bhan chot\b|\bthoi han\b|\bphai (?:hoan thanh|xong|trinh|gui|nop|bao cao)\b|\bhoan thanh (?:truoc|trong|khi nao|vao)\b|\bdeadline\b|\bdue\b|\bmust be (?:completed|submitted|finished)\b/)) wants.add('deadline');
  if (has(/\bbao nhieu\b|\bmay (?:muc|noi dung|hoi nghi|y kien|nhiem vu|chuong trinh|khau|lan|nguoi|dai bieu)\b|\bhow many\b|\bso luong\b/)) wants.add('number');
  if (has(/\b(?:ke hoach|van ban|chuong trinh|nghi quyet|quy dinh|de an)(?: hanh dong| cong tac)? (?:nao|gi|so may)\b|\bso hieu\b|\bwhich plan\b|\bplan number\b|\bnumber of the plan\b|\bwhat plan\b|\bwhich (?:document|resolution|programme|program)\b/)) wants.add('document');
  // "kết quả biểu quyết ra sao?" asks for an outcome; "tổng hợp kết quả thảo luận" does not.
  if (has(/\bket qua\b.*\b(?:ra sao|the nao|la gi|bao nhieu)\b|\bra sao\b|\boutcome\b|\bresults? of\b/)) wants.add('result');
  if (has(/\bve (?:noi dung|viec|van de|linh vuc)? ?gi\b|\bnoi dung gi\b|\bwhat (?:is|was) (?:it|the \w+) about\b|\babout what\b|\bon what\b/)) wants.add('topic');
  if (has(/\bhinh thuc nao\b|\bbang cach nao\b|\bin what form\b/)) wants.add('form');
  if (english && wants.size === 0 && has(/\bwhat\b/)) wants.add('topic');
  return [...wants];
}

const DAY_MONTH = /(?<![\d/])(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?![\d/])/g;

function datesIn(text: string): DayMonth[] {
  const dates: DayMonth[] = [];
  for (const m of text.matchAll(DAY_MONTH)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    dates.push(m[3] ? { day, month, year: Number(m[3]) } : { day, month });
  }
  return dates;
}

/** "trước tháng 2/2021" → due by 2021-01-31; "trước ngày 15/1/2021" → 2021-01-15. */
function dueByOf(folded: string): string | null {
  const month = folded.match(/truoc thang (\d{1,2})\s*[/-]\s*(\d{4})/);
  if (month) return isoDate(Number(month[2]), Number(month[1]), 1) && new Date(Date.UTC(Number(month[2]), Number(month[1]) - 1, 0)).toISOString().slice(0, 10);
  const day = folded.match(/(?:truoc|den|before|by) (?:ngay )?(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})/);
  return day ? isoDate(Number(day[3]), Number(day[2]), Number(day[1])) : null;
}

/** "trong tháng 12/2023", "tháng 12/2023" → the month's range. */
function dueWithinOf(folded: string): { from: string; to: string } | null {
  const month = folded.match(/(?<!truoc )thang (\d{1,2})\s*[/-]\s*(\d{4})/);
  if (!month) return null;
  const year = Number(month[2]);
  const m = Number(month[1]);
  const from = isoDate(year, m, 1);
  return from ? { from, to: new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10) } : null;
}

const DEADLINE_PREDICATE =
  /(?:\b(?:phai|can|se|duoc)\s+)?(?:\b(?:hoan thanh|xong|trinh|gui|nop|bao cao|to chuc)\b[^,;?]*?)?\b(?:truoc ngay nao|khi nao|vao thoi gian nao|thoi gian nao|bao gio|ngay nao|han chot|thoi han)\b/;

/** Drops a purpose clause ("… tổ chức để quán triệt Nghị quyết … phải hoàn thành") that every task of a plan shares; needs the marks of "để". */
function purposeCut(question: string): string {
  const lower = question.normalize('NFC').toLowerCase();
  const purpose = lower.search(/(?<![\p{L}])để(?![\p{L}])/u);
  if (purpose < 0) return foldForMatch(question);
  const predicate = foldForMatch(lower.slice(purpose)).match(DEADLINE_PREDICATE);
  return predicate ? `${foldForMatch(lower.slice(0, purpose))} ${foldForMatch(lower.slice(purpose)).slice(predicate.index)}` : foldForMatch(question);
}

/** "Các hội nghị do đảng ủy cơ sở tổ chức … phải hoàn thành khi nào?" → the words of "các hội nghị do đảng ủy cơ sở tổ chức". */
function deadlineSubjectOf(folded: string): string[] {
  const predicate = folded.match(DEADLINE_PREDICATE);
  if (!predicate) return [];
  const before = folded.slice(0, predicate.index);
  const clause = before.split(/,\s*va\s+|;|\?/).at(-1) ?? before;
  return foldedWordsOf(clause.replace(/^\s*theo [^,]{3,60},\s*/, '')).filter((word) => !NOT_CONTENT.has(word));
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

/**
 * Reads a question: language, the documents, people and dates it names, and what kind of
 * answer it wants. `knownPersons` are presenters in the store, so a name typed without
 * diacritics ("ha minh hai") is recognised.
 */
export function analyzeQuestion(text: string, knownPersons: string[] | ReadonlyMap<string, string> = []): AnalyzedQuestion {
  const question = text.normalize('NFC').trim();
  const english = isEnglish(question);
  const englishDates = english ? englishDatesToVietnamese(question) : [];
  const searchText = english ? [question, ...vietnameseTermsFor(question), ...englishDates].join(' ') : question;
  const folded = foldForMatch(question);
  const persons = namesIn(foldedWordsOf(question), knownPersons);
  const terms = [...new Set(foldedWordsOf(english ? vietnameseTermsFor(question).join(' ') + ' ' + question : question))].filter(
    (word) => !NOT_CONTENT.has(word) && !/^[a-z]$/.test(word),
  );
  return {
    text: question,
    language: english ? 'en' : 'vi',
    searchText,
    terms,
    documents: parseDocumentQuery(question),
    persons: [...new Set(persons)],
    dates: [...datesIn(question), ...englishDates.flatMap(datesIn)],
    wants: wantsOf(folded, english),
    acts: ACT_WORDS.filter(([pattern]) => pattern.test(folded)).map(([, act]) => act),
    deadlineSubject: deadlineSubjectOf(purposeCut(question)),
    countNoun: folded.match(/\b(?:bao nhieu|may)\s+([a-z]+(?:\s+[a-z]+)?)/)?.[1] ?? null,
    asksAct: /\blam gi\b|\bwhat did\b|\bdid what\b|\b(?:trinh bay|bao cao|tiep thu|giai trinh) (?:gi|van ban nao|noi dung gi)\b/.test(folded),
    isList: /\bnhung (?:viec|nhiem vu|noi dung|han|hoi nghi)\b.*\bnao\b|\bcac (?:viec|nhiem vu|han chot)\b|\bliet ke\b|\blist\b|\bwhich tasks\b|\bwhat tasks\b/.test(folded),
    dueBy: dueByOf(folded),
    dueWithin: dueWithinOf(folded),
  };
}
