/**
 * Every way Vietnamese texts write a point or stretch of time, as spans of the text:
 * "15/7/2019", "23-9", "ngày 3 tháng 07 năm 2024", "30 tháng 7", "tháng 3.2021",
 * "Quý III/2023", "quý I-2022", "năm 2020", "giai đoạn 2016-2020", "nhiệm kỳ 2025-2030",
 * "6 tháng cuối năm 2019", "từ ngày 21 đến 23/9/2025", "8h30", "từ 8 giờ đến 11 giờ".
 * The surface form is kept: answers quote dates as the source writes them.
 */

export type DateSpanKind = 'day' | 'day-range' | 'month' | 'quarter' | 'year' | 'period' | 'time';

export interface DateSpan {
  kind: DateSpanKind;
  /** Exactly the text between start and end. */
  text: string;
  start: number;
  end: number;
}

const ROMAN_QUARTER = String.raw`(?:IV|I{1,3}|[1-4])`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const SEP = String.raw`\s*[/.-]\s*`;
/** "23-9", "15/7/2019", "13 - 2 - 2018": spaces around the separator only when the year is written ("6,5 - 7%" is no date). */
const DAY_MONTH = String.raw`(?:\d{1,2}${SEP}\d{1,2}${SEP}${YEAR}|\d{1,2}[/.-]\d{1,2})`;
const WORD_END = String.raw`(?![\p{L}\p{N}])`;
const WORD_START = String.raw`(?<![\p{L}\p{N}/.,-])`;

/** Longest shapes first: a range wins over the day inside it. */
const SHAPES: Array<{ kind: DateSpanKind; regex: RegExp }> = [
  // từ ngày 21 đến 23/9/2025; từ ngày 1/3 đến ngày 30/6/2024; 21 - 23/9/2025
  { kind: 'day-range', regex: new RegExp(String.raw`(?:từ\s+)?(?:ngày\s+)?\d{1,2}(?:${SEP}\d{1,2})?\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?${DAY_MONTH}${WORD_END}`, 'giu') },
  // ngày 3 tháng 07 năm 2024; 30 tháng 7; ngày 24 tháng 8 năm 2018
  { kind: 'day', regex: new RegExp(String.raw`${WORD_START}(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}(?:\s*(?:năm|,)\s*${YEAR})?${WORD_END}`, 'giu') },
  // 6 tháng cuối năm 2019; 9 tháng đầu năm; 3 tháng cuối năm
  { kind: 'period', regex: new RegExp(String.raw`${WORD_START}\d{1,2}\s+tháng\s+(?:đầu|cuối|giữa)\s+năm(?:\s+${YEAR})?${WORD_END}`, 'giu') },
  // giai đoạn 2016-2020; nhiệm kỳ 2025 - 2030; thời kỳ 2021-2030; 2020-2025
  { kind: 'period', regex: new RegExp(String.raw`(?:(?:giai đoạn|nhiệm kỳ|thời kỳ|kỳ)\s+)?${WORD_START}${YEAR}\s*[-–]\s*${YEAR}${WORD_END}`, 'giu') },
  // Quý III/2023; quý I-2022; quý 2/2021; quý II năm 2025; cuối quý 2
  { kind: 'quarter', regex: new RegExp(String.raw`(?:(?:đầu|cuối|giữa)\s+)?quý\s+${ROMAN_QUARTER}(?:(?:${SEP}|\s+năm\s+)${YEAR})?${WORD_END}`, 'giu') },
  // (cuối) tháng 12/2020; tháng 3.2021; tháng 3 năm 2024; tháng 12
  { kind: 'month', regex: new RegExp(String.raw`(?:(?:đầu|cuối|giữa)\s+)?tháng\s+\d{1,2}(?:(?:${SEP}|\s+năm\s+)${YEAR})?${WORD_END}(?!\s*(?:đầu|cuối|giữa)\s+năm)`, 'giu') },
  // 15/7/2019; 23-9; 12.10.2018 (not 1.250 nor 30/30 counts: day ≤ 31, month ≤ 12)
  { kind: 'day', regex: new RegExp(String.raw`${WORD_START}${DAY_MONTH}${WORD_END}`, 'gu') },
  // 8h00; 8h30; 14 giờ 30; từ 8 giờ đến 11 giờ
  { kind: 'time', regex: new RegExp(String.raw`(?:từ\s+)?${WORD_START}\d{1,2}\s*(?:h|giờ)(?:\s*\d{2})?(?:\s+(?:đến|tới)\s+\d{1,2}\s*(?:h|giờ)(?:\s*\d{2})?)?${WORD_END}`, 'giu') },
  // năm 2020; cuối năm 2025; đến năm 2030
  { kind: 'year', regex: new RegExp(String.raw`(?:(?:đầu|cuối|giữa)\s+)?năm\s+${YEAR}${WORD_END}`, 'giu') },
];

/** A written day is a real day of a month: "30/30" and "45/120" are counts, not dates. */
function plausibleDay(text: string): boolean {
  const [day, month] = text.match(/\d+/g)?.map(Number) ?? [];
  return day !== undefined && month !== undefined && day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** Every date-like span of a text, in text order, overlaps resolved in favour of the longer span. */
export function findDateSpans(text: string): DateSpan[] {
  const found: DateSpan[] = [];
  for (const { kind, regex } of SHAPES) {
    for (const match of text.matchAll(regex)) {
      const raw = match[0];
      const lead = raw.length - raw.trimStart().length;
      const value = raw.trim();
      if ((kind === 'day' || kind === 'day-range') && !plausibleDay(value.replace(/^.*?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?/u, ''))) continue;
      found.push({ kind, text: value, start: match.index! + lead, end: match.index! + lead + value.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: DateSpan[] = [];
  for (const span of found) {
    const last = kept.at(-1);
    if (last && span.start < last.end) {
      if (span.end - span.start > last.end - last.start) kept[kept.length - 1] = span;
      continue;
    }
    kept.push(span);
  }
  return kept;
}

/** Day and month (and year, when written) of a day span: "23-9" → {23, 9}; "ngày 3 tháng 07 năm 2024" → {3, 7, 2024}. */
export function dayMonthOf(span: Pick<DateSpan, 'kind' | 'text'>): { day: number; month: number; year?: number } | null {
  if (span.kind !== 'day' && span.kind !== 'day-range') return null;
  const last = span.text.replace(/^.*?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?/u, '');
  const numbers = last.match(/\d+/g)?.map(Number) ?? [];
  if (numbers.length < 2) return null;
  const year = numbers.find((n) => n >= 1900);
  return year ? { day: numbers[0]!, month: numbers[1]!, year } : { day: numbers[0]!, month: numbers[1]! };
}
