import { findDateSpans } from './date-spans.js';
import { DOCUMENT_NUMBER } from './document-ids.js';
import { foldForMatch } from './normalize.js';

/**
 * Figures as Vietnamese texts write them, with what they count: "424 điểm cầu",
 * "hơn 17.350 đại biểu", "68/68 đảng bộ", "91/1447 (= 6,29 %)", "6,5 - 7%", "02 chuyên đề",
 * "trên 10.950 tỷ đồng", "hai nghị quyết". Dates and document numbers are not figures.
 */
export interface Quantity {
  /** As written, with its qualifier ("hơn", "trên") and its unit or counted noun. */
  text: string;
  /** The figure alone, as written: "17.350", "68/68", "6,5 - 7%". */
  figure: string;
  /** What is counted, folded ("dai bieu"), or null when nothing follows the figure. */
  noun: string | null;
  start: number;
  end: number;
}

const NUMBER_WORDS = 'một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ';
const QUALIFIER = String.raw`(?:(?:hơn|trên|gần|khoảng|dưới|tổng cộng|tổng số|tất cả)\s+)?`;
const FIGURE = String.raw`\d+(?:[.,]\d+)*(?:\s*\/\s*\d+(?:[.,]\d+)*)?(?:\s*%)?(?:\s*[-–]\s*\d+(?:[.,]\d+)*\s*%)?`;
const UNIT = String.raw`(?:\s*(?:%|tỷ đồng|triệu đồng|nghìn tỷ đồng|nghìn đồng|tỷ|triệu|nghìn|ngàn|USD|đồng|ha|km|người|lượt))?`;
/** Up to two lower-case words after the figure: the counted noun ("điểm cầu", "đại biểu"). */
const NOUN = String.raw`(?:\s+((?:[\p{Ll}]+)(?:\s+[\p{Ll}]+)?))?`;
const QUANTITY = new RegExp(String.raw`(?<![\p{L}\p{N}/.,-])${QUALIFIER}(${FIGURE})${UNIT}(?:\s*\(=\s*\d+(?:[.,]\d+)?\s*%\))?${NOUN}`, 'giu');
const WORD_QUANTITY = new RegExp(String.raw`(?<![\p{L}])(?:${QUALIFIER})((?:${NUMBER_WORDS})(?:\s+(?:${NUMBER_WORDS}))*)\s+((?:[\p{Ll}]+)(?:\s+[\p{Ll}]+){0,1})`, 'giu');

/** Words that follow a figure without being what it counts. */
const NOT_A_NOUN = new Set(['va', 'cua', 'la', 'tai', 'trong', 'voi', 'tu', 'den', 'toi', 'nam', 'thang', 'ngay', 'so', 'o', 'nhu', 'cho', 'da', 'se', 'nhung', 'duoc', 'nay', 'do', 'theo', 'khi', 'thi', 'ma', 'hay', 'hoac', 'moi', 'cung', 'deu', 'con', 'tren', 'duoi', 'hon']);

function nounOf(words: string | undefined): string | null {
  if (!words) return null;
  const folded = foldForMatch(words).split(/\s+/);
  if (NOT_A_NOUN.has(folded[0]!)) return null;
  const cut = folded.findIndex((w, i) => i > 0 && NOT_A_NOUN.has(w));
  return (cut > 0 ? folded.slice(0, cut) : folded).join(' ');
}

/** Every figure of a text with what it counts; dates ("15/7/2019") and document numbers ("28-NQ/TW") excluded. */
export function findQuantities(text: string): Quantity[] {
  const taken: Array<[number, number]> = [
    ...findDateSpans(text).filter((d) => d.kind !== 'time').map((d): [number, number] => [d.start, d.end]),
    ...[...text.matchAll(DOCUMENT_NUMBER)].map((m): [number, number] => [m.index!, m.index! + m[0].length]),
  ];
  const overlapsTaken = (start: number, end: number) => taken.some(([s, e]) => start < e && s < end);
  const found: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const figureStart = match.index! + match[0].indexOf(match[1]!);
    if (overlapsTaken(figureStart, figureStart + match[1]!.length)) continue;
    const noun = nounOf(match[2]);
    // The span ends with the counted noun's last word ("20 kiến nghị", not "20 kiến nghị tới").
    const nounWords = noun ? noun.split(' ').length : 0;
    const keptNoun = match[2] ? match[2].split(/\s+/).slice(0, nounWords).join(' ') : '';
    const withoutNoun = match[2] ? match[0].slice(0, match[0].lastIndexOf(match[2])).trimEnd() : match[0];
    const span = keptNoun ? `${withoutNoun} ${keptNoun}` : withoutNoun;
    found.push({ text: span, figure: match[1]!, noun, start: match.index!, end: match.index! + span.length });
  }
  for (const match of text.matchAll(WORD_QUANTITY)) {
    if (found.some((q) => match.index! < q.end && q.start < match.index! + match[0].length)) continue;
    const noun = nounOf(match[2]);
    // "năm qua", "năm nay": "năm" is the year there, not five.
    if (!noun || /^(?:qua|nay|truoc|sau|toi|do|ay|roi|nao|hoc|ke hoach)\b/.test(noun)) continue;
    // "một cách", "một số", "một phần": idioms (in a … way, some, partly), not a count of one.
    if (/^mot$/.test(foldForMatch(match[1]!)) && /^(?:cach|so|phan|loat|khi|luc|chut|it|vai|mat|lan nua)\b/.test(noun)) continue;
    found.push({ text: match[0].trim(), figure: match[1]!, noun, start: match.index!, end: match.index! + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
