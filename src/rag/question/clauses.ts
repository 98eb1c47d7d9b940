import { foldForMatch } from '../../text/normalize.js';
import type { QuestionPart } from './analyze.js';
import { vietnameseConceptsFor, vietnameseTermsFor } from './english.js';
import { wantedOf, type Wanted } from './wanted.js';
import { contentWords, NOT_CONTENT } from './words.js';

/**
 * The clauses of a question: the one that holds the question word (what is asked, the rest
 * says which event), the words next to that word (where in a sentence the answer stands),
 * and the parts of a question that asks several things.
 */

const QUESTION_WORD = /\b(?:ai|gi|nao|bao nhieu|may|khi nao|bao gio|o dau|the nao|ra sao|khong)\b/;

/** Question words as whole phrases, folded; the words around the first one are what the answer stands next to. */
const QUESTION_PHRASE = /\b(?:bao nhieu|khi nao|bao gio|o dau|the nao|ra sao|la ai|la gi|nhu the nao|ai|gi|nao|may|dau)\b/;
const NEAR_WORDS = 4;

/** Nouns that only say what kind of thing is asked ("cơ quan nào", "đồng chí nào", "tỉnh nào"): no clue to where the answer is. */
const ASKING_NOUNS = new Set(['co quan', 'don vi', 'to chuc', 'dong chi', 'thanh pho', 'dia phuong', 'thoi gian', 'thoi diem', 'nguoi', 'vi', 'tinh', 'huyen', 'xa', 'phuong', 'nganh', 'ngay', 'hom', 'luc', 'nam', 'thang', 'quy']);

/** The words before a question word, without the noun that only says what is asked ("… của cơ quan" of "của cơ quan nào"). */
function withoutAskingNoun(words: string[]): string[] {
  if (words.length >= 2 && ASKING_NOUNS.has(words.slice(-2).join(' '))) return words.slice(0, -2);
  return words.length >= 1 && ASKING_NOUNS.has(words.at(-1)!) ? words.slice(0, -1) : words;
}

/** A text split round its first question word (folding keeps an NFC text's length): the words before and after it. */
function aroundQuestionWord(text: string): { before: string[]; after: string[] } | null {
  const match = foldForMatch(text).match(QUESTION_PHRASE);
  if (!match || foldForMatch(text).length !== text.length) return null;
  return { before: withoutAskingNoun(contentWords(text.slice(0, match.index))), after: contentWords(text.slice(match.index! + match[0].length)) };
}

/** A part's content words, its asking noun left out. */
function askedTerms(text: string): string[] {
  const around = aroundQuestionWord(text);
  return around ? [...new Set([...around.before, ...around.after])] : contentWords(text);
}

/** Up to four content words on each side of the question word ("… nhiệm vụ cho nhiệm kỳ nào" → "muc tieu nhiem vu ky"). */
export function nearQuestionWord(text: string): string[] {
  // "Chủ đề công tác năm 2023 mà … nêu tại hội nghị là gì?": what is asked about is the subject the question opens with.
  if (/\bla (?:gi|ai|bao nhieu|ngay nao|khi nao)\s*\??\s*$/.test(foldForMatch(text))) {
    const subject = contentWords(text.split(/\s+(?:mà|do|được|của|tại|ở|trong)\s+/u)[0] ?? text);
    if (subject.length > 0) return subject.slice(0, NEAR_WORDS);
  }
  const around = aroundQuestionWord(text);
  return around ? [...new Set([...around.before.slice(-NEAR_WORDS), ...around.after.slice(0, NEAR_WORDS)])] : [];
}

/** The last clause (between commas) that holds a question word; the whole question when there is one clause. */
export function focusClauseOf(question: string): string {
  const clauses = question.split(/[,;:]\s*/u);
  const asking = clauses.filter((clause) => QUESTION_WORD.test(foldForMatch(clause)));
  return asking.length > 0 && clauses.length > 1 ? asking.at(-1)! : question;
}

/** Content words of the clause asked about. */
export function focusOf(question: string): string[] {
  return contentWords(focusClauseOf(question));
}

/**
 * An English question's main clause, before what only says which event ("Who chaired the
 * seventh plenum | of the Hanoi Party Committee …"): its concepts in the articles' words.
 */
export function englishFocusOf(question: string): string[] {
  const cut = question.slice(0, 12).length + question.slice(12).search(/\s(?:of|that|which|at|on|in|during|for|with|according to|to)\s|,/i);
  const main = cut >= 12 ? question.slice(0, cut) : question;
  return [...new Set(vietnameseConceptsFor(main).flatMap((alternatives) => alternatives.flatMap((alt) => contentWords(alt))))].filter((w) => !NOT_CONTENT.has(w));
}

/**
 * Splits a question at commas and "và"/"and" into the parts that each ask something of their
 * own; a stretch that asks nothing ("Nghị quyết 79 và 80") stays with the part after it.
 */
export function partsOf(question: string, english: boolean, namesDocument: boolean): QuestionPart[] {
  const segments = question.split(english ? /,\s*(?:and\s+)?|\s+and\s+/iu : /,\s*(?:và\s+)?|\s+và\s+|,\s*(?:va\s+)?|\s+va\s+/iu);
  const parts: Array<{ text: string; wants: Wanted[] }> = [];
  let pending = '';
  for (const segment of segments) {
    const text = `${pending} ${segment}`.trim();
    const wants = wantedOf(foldForMatch(segment), english, namesDocument).filter((w) => w !== 'description' || /\bgi\b|\bwhat\b/.test(foldForMatch(segment)));
    if (wants.length === 0) {
      // A stretch that asks nothing describes what came before it (", Ban Chấp hành … khóa XVII"), or, first, what comes after.
      if (parts.length > 0) parts[parts.length - 1]!.text += ` ${segment}`;
      else pending = text;
      continue;
    }
    parts.push({ text, wants });
    pending = '';
  }
  if (parts.length < 2) return [];
  return parts.map((part) => ({
    terms: english ? contentWords(vietnameseTermsFor(part.text).join(' ')) : askedTerms(part.text),
    wants: part.wants,
    near: english ? [] : nearQuestionWord(part.text),
    countNoun: foldForMatch(part.text).match(/\b(?:bao nhieu|may|how many|how much|number of)\s+([a-z]+(?:\s+[a-z]+)?)/)?.[1] ?? null,
  }));
}
