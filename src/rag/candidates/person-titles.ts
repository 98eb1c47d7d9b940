import { foldForMatch } from '../../text/normalize.js';
import { isSignatureLine, titlesAfter, titlesBefore } from '../../text/titles.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import type { TypedSpan } from './typed-spans.js';

/** "Trần Sỹ Thanh (Chủ tịch UBND thành phố)": a person with the titles the sentence gives them. */
export function personWithTitles(sentence: string, span: TypedSpan): string {
  const titles = titlesOf(sentence, span);
  return titles ? `${span.text} (${titles})` : span.text;
}

/** The titles a sentence gives a person, before or after the name; a signature's as it is printed ("KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"). */
export function titlesOf(sentence: string, span: TypedSpan): string {
  if (isSignatureLine(sentence) && span.end === sentence.length) return sentence.slice(0, span.start).trim();
  return titlesBefore(sentence, span.start) || titlesAfter(sentence, span.end);
}

/** True when a person's titles hold one the question names ("Bí thư Thành ủy … là ai?"). */
export function hasAskedTitle(question: AnalyzedQuestion, sentence: string, span: TypedSpan): boolean {
  return askedTitleCount(question, sentence, span) > 0;
}

/** How many of the titles the question names a person holds ("Phó Thủ tướng - Bộ trưởng Bộ Tư pháp" holds two). */
export function askedTitleCount(question: AnalyzedQuestion, sentence: string, span: TypedSpan): number {
  if (question.titles.length === 0) return 0;
  // The titles they hold themselves: a deputy's "Phó Chủ tịch" is not "Chủ tịch", nor is signing "KT. CHỦ TỊCH" (for the chair).
  const titles = ` ${foldForMatch(titlesOf(sentence, span).replace(/^(?:KT|TM|T\/M|TL|TUQ|Q)\.?\s*[^,]*,\s*/u, ''))}`;
  return question.titles.filter((phrase) => new RegExp(`(?<!\\bpho)\\s${phrase}\\b`).test(titles) || (phrase.startsWith('pho ') && titles.includes(phrase))).length;
}
