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
 * bm25 ranks passages by how many of the words and adjacent pairs they share.
 */
export function toFtsQuery(text: string): string {
  const sequence = foldedWordsOf(foldDStroke(text));
  const words = [...new Set(sequence)];
  const useful = words.filter((word) => !COMMON.has(word));
  const chosen = useful.length >= 2 ? useful : words;
  // Adjacent pairs as phrases: a rare phrase ("chu de" of "chủ đề") weighs more than its common syllables.
  const phrases = [...new Set(sequence.slice(1).map((word, i) => [sequence[i]!, word]).filter(([a, b]) => !COMMON.has(a!) || !COMMON.has(b!)).map(([a, b]) => `${a} ${b}`))];
  return [...chosen, ...phrases].map((term) => `"${term.replace(/"/g, '""')}"`).join(' OR ');
}
