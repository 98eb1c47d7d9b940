import { foldForMatch } from '../text/normalize.js';

/** What a new item must be about when the admin names no words of their own. */
export const DEFAULT_KEYWORDS = ['nghị quyết', 'kế hoạch', 'chương trình', 'chỉ thị', 'kết luận'];

/** "nghị quyết, chuyển đổi số" → two phrases; words of one phrase stay together. */
export function parseKeywords(parts: string[]): string[] {
  const phrases = parts.flatMap((part) => part.split(/[,;]/)).map((phrase) => phrase.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return [...new Set(phrases)];
}

/** True when the text has one of the phrases as whole words, with or without diacritics. */
export function mentionsAny(text: string, keywords: string[]): boolean {
  if (keywords.length === 0) return true;
  const folded = ` ${foldForMatch(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return keywords.some((keyword) => folded.includes(` ${foldForMatch(keyword).replace(/[^a-z0-9]+/g, ' ').trim()} `));
}
