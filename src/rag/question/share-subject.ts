import { foldedWordsOf, foldForMatch } from '../../text/normalize.js';
import { NOT_CONTENT } from './words.js';

/** What ends the words of a share's subject: the rest of the question, a clause, a question word. */
const SUBJECT_END = /[,;?]|\b(?:so voi|la|dat|duoc|khi nao|the nao)\b/;

/**
 * "… với tỷ lệ bao nhiêu phần trăm đại biểu tán thành?" → the words of what the share is of
 * ("dai bieu tan thanh"): a percentage of anything else (a growth target) does not answer it.
 * Empty when the question names nothing after "phần trăm".
 */
export function shareSubjectOf(question: string): string[] {
  const folded = foldForMatch(question);
  const at = folded.search(/\bbao nhieu phan tram\b/);
  if (at < 0) return [];
  const after = folded.slice(at + 'bao nhieu phan tram'.length);
  const end = after.search(SUBJECT_END);
  return foldedWordsOf(end < 0 ? after : after.slice(0, end)).filter((word) => !NOT_CONTENT.has(word) && !/^\d+$/.test(word));
}
