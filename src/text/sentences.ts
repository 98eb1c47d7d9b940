/**
 * Sentence boundaries with character offsets, so a chunk or a quote can always be cut
 * out of the stored article text exactly.
 */

export interface Span {
  start: number;
  end: number;
}

// Abbreviations after which a full stop does not end a sentence (lower-cased).
const ABBREVIATIONS = new Set([
  'tp', 'tt', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ks', 'nxb', 'tr', 'st', 'no', 'mr', 'ms', 'dr', 'vs', 'q', 'p', 'v.v',
  // A signature on someone's behalf: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "TL. BỘ TRƯỞNG".
  'kt', 'tm', 'tl', 'tuq',
]);

const TERMINATOR = /[.!?…]+["”’)\]]*|;(?=\s)/g;

/** Splits one paragraph (no line breaks) into sentence spans relative to `offset`. */
function splitParagraph(text: string, offset: number, into: Span[]): void {
  let start = 0;
  TERMINATOR.lastIndex = 0;
  for (let match = TERMINATOR.exec(text); match; match = TERMINATOR.exec(text)) {
    const end = match.index + match[0].length;
    const rest = text.slice(end);
    const next = rest.match(/^\s+(\S)/u);
    if (!next) continue; // end of paragraph: handled below
    if (match[0] === ';') continue; // a semicolon separates clauses, not sentences
    const before = text.slice(start, match.index);
    const lastWord = before.match(/([\p{L}.]+)$/u)?.[1] ?? '';
    const isInitial = /^\p{Lu}$/u.test(lastWord);
    // "TP. Hà Nội", "GS. Tạ Ngọc Tấn": an abbreviation before a name; "… Đảng bộ TP. Trong đó …": a sentence ends.
    const beforeName = /^\s+[\p{Lu}][\p{L}]*\s+[\p{Lu}\d]/u.test(rest) || /^\s+[\p{Lu}][\p{L}]*[.,]/u.test(rest);
    if (match[0] === '.' && ((ABBREVIATIONS.has(lastWord.toLowerCase()) && beforeName) || isInitial)) continue;
    if (match[0] === '.' && /\d$/.test(before) && /^\d/.test(next[1] ?? '')) continue; // 1.000, 2.5
    if (!/[\p{Lu}\d"“'‘(\[*•-]/u.test(next[1] ?? '')) continue; // next sentence starts with a capital
    into.push({ start: offset + start, end: offset + end });
    start = end + (next[0].length - 1);
  }
  const tail = text.slice(start);
  if (tail.trim()) into.push({ start: offset + start, end: offset + start + tail.trimEnd().length });
}

/** Sentence spans of a whole text; every line break also ends a sentence. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    if (line.trim()) splitParagraph(line.trimStart(), offset + lead, spans);
    offset += line.length + 1;
  }
  return spans;
}

export function sentencesOf(text: string): string[] {
  return sentenceSpans(text).map((span) => text.slice(span.start, span.end));
}
