import { foldDStroke, foldedWordsOf } from '../text/normalize.js';

/** Syllables too common to help a full-text match (folded); dropped when the question has better words. */
const COMMON = new Set(
  'va cua cac nhung la co duoc trong cho voi de ve tai da se nay do mot khong theo tu den nhu khi thi ma hay hoac cung nao gi ai bao nhieu the nhu the'.split(
    ' ',
  ),
);

/**
 * Turns free text into an FTS5 expression: every word quoted (user text may contain FTS5
 * syntax such as `/`, `-`, `"`, AND/OR), đ folded to d like the indexed text, OR-ed so that
 * bm25 ranks passages by how many of the words they share.
 */
export function toFtsQuery(text: string): string {
  const words = [...new Set(foldedWordsOf(foldDStroke(text)))];
  const useful = words.filter((word) => !COMMON.has(word));
  const chosen = useful.length >= 2 ? useful : words;
  return chosen.map((word) => `"${word.replace(/"/g, '""')}"`).join(' OR ');
}
