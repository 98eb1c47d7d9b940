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
