/** Escapes text for Telegram's HTML parse mode: only &, < and > need it. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a value for an HTML attribute (href). */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** Telegram's limit for one message's text. */
export const MESSAGE_LIMIT = 4096;

/**
 * Packs HTML blocks (each complete: no tag spans two blocks) into messages under the limit,
 * breaking between blocks, paragraph boundaries first. A block too long on its own must be
 * made of plain text pieces: `splitPlain` cuts it before escaping.
 */
export function packBlocks(blocks: string[], limit = MESSAGE_LIMIT): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks) {
    const candidate = current ? `${current}\n\n${block}` : block;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current) messages.push(current);
    current = block.length <= limit ? block : '';
    if (block.length > limit) throw new Error('block longer than a message: split it with splitPlain first');
  }
  if (current) messages.push(current);
  return messages;
}

/**
 * Cuts plain text into pieces whose escaped form (wrapped by `wrap`) fits in `limit`:
 * at paragraph breaks, else sentence ends, else spaces.
 */
export function splitPlain(text: string, wrap: (escaped: string) => string = (s) => s, limit = MESSAGE_LIMIT): string[] {
  const fits = (piece: string) => wrap(escapeHtml(piece)).length <= limit;
  if (fits(text)) return [wrap(escapeHtml(text))];
  const pieces: string[] = [];
  let rest = text;
  while (rest && !fits(rest)) {
    let cut = -1;
    for (const boundary of ['\n\n', '\n', '. ', ' ']) {
      let at = rest.lastIndexOf(boundary, limit);
      while (at > 0 && !fits(rest.slice(0, at + boundary.length).trimEnd())) at = rest.lastIndexOf(boundary, at - 1);
      if (at > 0) {
        cut = at + boundary.length;
        break;
      }
    }
    if (cut <= 0) {
      cut = Math.floor(limit / 6); // no boundary at all: worst case every character escapes to 5
      while (cut < rest.length && fits(rest.slice(0, cut + 1))) cut++;
    }
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces.map((piece) => wrap(escapeHtml(piece)));
}
