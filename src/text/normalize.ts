/**
 * Vietnamese text normalisation. Stored text stays NFC as written; folded forms are
 * built deliberately (every diacritic and đ/Đ) wherever diacritic-free matching is wanted.
 */

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACE_LIKE = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** NFC, one kind of line break, no invisible characters, single spaces, trimmed lines, at most one blank line. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACE_LIKE, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Removes every diacritic, including the stroke of đ/Đ that Unicode decomposition keeps. */
export function foldDiacritics(text: string): string {
  // Plain ASCII needs nothing; otherwise each precomposed letter is folded once and remembered
  // (the text is NFC: Vietnamese letters are single code points), combining marks are dropped.
  if (/^[\x00-\x7F]*$/.test(text)) return text;
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.charCodeAt(0);
    if (code < 0x80) {
      out += char;
      continue;
    }
    let folded = FOLDED.get(char);
    if (folded === undefined) {
      folded = char.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
      FOLDED.set(char, folded);
    }
    out += folded;
  }
  return out;
}

/** Folded form of every non-ASCII character met so far. */
const FOLDED = new Map<string, string>();

/** Only đ→d: SQLite's `unicode61 remove_diacritics 2` folds all the other marks itself. */
export function foldDStroke(text: string): string {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Lower-case, diacritic-free form used for matching. */
export function foldForMatch(text: string): string {
  return foldDiacritics(text.normalize('NFC').toLowerCase());
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Syllables (Vietnamese words are written as space-separated syllables) and numbers, as written. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Folded, lower-case syllables: the unit of diacritic-free matching. */
export function foldedWordsOf(text: string): string[] {
  return wordsOf(foldForMatch(text));
}

