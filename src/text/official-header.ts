import { sentenceSpans } from './sentences.js';
import { findDocumentMentions } from './document-ids.js';

/** How far down an official document its "Số: …" line can be (issuer and nation lines come first). */
const HEADER_LINES = 12;

/**
 * The documents a text is itself: an official document's "Số: 167/KH-UBND, Hà Nội, ngày 24
 * tháng 8 năm 2018" line at the top names it (an article about a plan has none).
 */
export function ownDocumentIds(text: string): string[] {
  const header = text
    .split('\n', HEADER_LINES)
    .find((line) => /^Số\s*:?\s*\d/u.test(line));
  return header ? findDocumentMentions(header).map((m) => m.canonicalId) : [];
}

/** The national heading and the Party's name, printed beside every issuer: not issuers themselves. */
const NATIONAL_LINE = /^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM)\b/iu;

/**
 * The body that issued an official document, from the capitals above its "Số: …" line: "ỦY
 * BAN NHÂN DÂN" + "TỈNH HÀ NAM" → "ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "THÀNH ỦY HÀ NỘI". Null for a
 * text with no such header.
 */
export function ownIssuer(text: string): string | null {
  const lines = text.split('\n', HEADER_LINES);
  const numberLine = lines.findIndex((line) => /^Số\s*:?\s*\d/u.test(line));
  if (numberLine <= 0) return null;
  const capitals = lines
    .slice(0, numberLine)
    .map((line) => line.replace(/[-*_=]{2,}/g, '').trim())
    .filter((line) => line && !NATIONAL_LINE.test(line) && /\p{Lu}/u.test(line) && line === line.toUpperCase());
  return capitals.length > 0 ? capitals.join(' ') : null;
}

/** Sentences of an official document's header and title (issuer, number and date, kind, what it carries out). */
export const HEADER_SENTENCES = 12;

/** Where an official document's header and title end: after its first sentences, where it says what it carries out. */
export function headerEnd(text: string): number {
  const sentences = sentenceSpans(text);
  return sentences[Math.min(HEADER_SENTENCES, sentences.length) - 1]?.end ?? 0;
}
