import { dayMonthOf, findDateSpans } from '../../text/date-spans.js';
import type { DocumentQuery } from '../../text/document-ids.js';
import { identifierTokens } from '../../text/identifiers.js';
import { memoizedByText } from '../../text/memo.js';
import { foldForMatch } from '../../text/normalize.js';
import { titlesAfter } from '../../text/titles.js';

/** Small measures of texts the features are made of: word pairs, common runs, days, identifiers. */

/** "Nghị quyết Trung ương 4": the fourth plenum's resolution, what "Resolution 4" or "Nghị quyết 4" may mean. */
export function plenumResolutions(text: string): DocumentQuery[] {
  return [...foldForMatch(text).matchAll(/\bnghi quyet (?:hoi nghi )?trung uong (?:lan thu )?(\d{1,2})\b/g)].map((m) => ({ symbol: 'NQ', number: String(Number(m[1])) }));
}

export const daysOf = memoizedByText((text: string) => findDateSpans(text).flatMap((d) => dayMonthOf(d) ?? []));
export const identifiersOf = memoizedByText(identifierTokens);

export interface TextWords {
  words: string[];
  set: Set<string>;
  pairs: Set<string>;
}

export interface Token {
  word: string;
  start: number;
}

export function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: foldForMatch(m[0]), start: m.index! }));
}

export const bigrams = (words: string[]) => new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`));

/** Weight of the heaviest run of consecutive words two sequences share (each word by its weight). */
export function heaviestCommonRun(a: string[], b: string[], weight: (word: string) => number): number {
  let best = 0;
  const previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = a[i - 1] === b[j - 1] ? diagonal + weight(a[i - 1]!) : 0;
      best = Math.max(best, previous[j]!);
      diagonal = above;
    }
  }
  return best;
}

/** How far a person's titles run after the name (", Phó Bí thư Tỉnh ủy" → its length). */
export function titlesAfterLength(text: string, end: number): number {
  const titles = titlesAfter(text, end);
  if (!titles) return 0;
  const last = titles.split(', ').at(-1)!;
  const at = text.indexOf(last, end);
  return at < 0 ? 0 : at + last.length - end;
}


/** "đảng bộ" counts what "đảng bộ trực thuộc" counts; "dai bieu" is not "diem cau". */
export function nounMatches(noun: string, asked: string): boolean {
  const a = noun.split(' ');
  const b = asked.split(' ');
  return a[0] === b[0] && (a.length < 2 || b.length < 2 || a[1] === b[1]);
}

const MONEY_NOUN = /^(?:von|kinh phi|ngan sach|chi phi|tien|gia tri|tong muc|nguon luc|nguon von)\b/;

/**
 * A figure of what a question counts: "21 hội nghị" of "hoi nghi"; a sum in its units
 * ("10.950 tỷ đồng") of money ("bao nhiêu vốn", "kinh phí"); a share ("58,3%") of "phần trăm".
 */
export function isFigureOf(figure: { text: string; noun?: string | null }, noun: string): boolean {
  if (/^(?:phan tram|ty le|ti le)\b/.test(noun)) return figure.text.includes('%');
  const text = foldForMatch(figure.text);
  return Boolean(figure.noun?.startsWith(noun.split(' ')[0]!)) || text.includes(noun) || (MONEY_NOUN.test(noun) && /\b(?:dong|usd|ty|trieu)\b/.test(text));
}
