import { isoDate } from './dates.js';
import { inferYear, type DatedReference } from './year-inference.js';

export type DeadlineKind =
  | 'before_date'
  /** The day itself is the deadline: "Trung ương quy định là ngày 31/8/2025". */
  | 'by_date'
  | 'on_date'
  | 'date_range'
  | 'within_month'
  | 'early_month'
  | 'mid_month'
  | 'late_month'
  | 'quarter'
  | 'late_quarter'
  /** Work starts in that quarter ("từ Quý IV/2023"): the range is that quarter. */
  | 'from_quarter'
  | 'year';

export interface DeadlinePhrase {
  /** As written: "hoàn thành trước ngày 15/1/2021". */
  phrase: string;
  kind: DeadlineKind;
  /** ISO range the deadline covers; `start` null for "before" deadlines, the quarter for "from" ones. */
  start: string | null;
  end: string | null;
  inference: string | null;
  index: number;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
/** A day as news writes it: "15/1/2021", "12-10-2018", "15.1", "30 tháng 7", "3 tháng 07 năm 2024". */
const DAY = String.raw`(\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?![\d/])|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?(?!\d))`;
const DONE = String.raw`(?:(?:phải\s+)?(?:hoàn thành|xong|kết thúc)\s+)?`;
const QUARTER = String.raw`quý\s+(IV|I{1,3}|[1-4])(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})`;

interface Pattern {
  regex: RegExp;
  parse: (m: RegExpMatchArray, ref: DatedReference | null) => Omit<DeadlinePhrase, 'phrase' | 'index'> | null;
  /** Extra condition on the sentence before the phrase. */
  guard?: (before: string) => boolean;
}

/** "phải hoàn thành … trong năm 2025": a completion verb earlier in the same clause. */
const COMPLETION_BEFORE = (before: string) => /(?:hoàn thành|phải|xong|hoàn tất)(?![\p{L}])[^;]*$/u.test(before);

/** "Thời gian thực hiện: Quý IV/2024", "Thời hạn: ngày 30/9/2024": a plan's time column. */
const TIME_LEAD = (before: string) => /(?:thời gian|thời hạn)(?:\s+(?:thực hiện|hoàn thành))?\s*:?\s*$/iu.test(before);

const PATTERNS: Pattern[] = [
  {
    // từ ngày 1/3 đến ngày 30/6/2024
    regex: new RegExp(String.raw`từ\s+ngày\s+${DAY}\s+đến\s+(?:hết\s+)?ngày\s+${DAY}`, 'giu'),
    parse: (m, ref) => {
      const endDay = dayOf(m[2]!);
      const startDay = dayOf(m[1]!);
      if (!endDay || !startDay) return null;
      const end = resolveDay(endDay, ref);
      const start = resolveDay({ ...startDay, year: startDay.year ?? endDay.year }, ref);
      return end.date ? { kind: 'date_range', start: start.date, end: end.date, inference: end.inference } : null;
    },
  },
  {
    // (hoàn thành) trước ngày 15/1/2021; chậm nhất ngày …; hạn chót …; trước ngày 30 tháng 7
    regex: new RegExp(String.raw`${DONE}(?:trước|chậm nhất(?:\s+là)?(?:\s+vào)?|không muộn hơn|hạn chót(?:\s+là)?)\s+(?:ngày\s+)?${DAY}`, 'giu'),
    parse: (m, ref) => dated(m[1]!, ref, 'before_date'),
  },
  {
    // "Đợt 1 hoàn thành (vào) ngày 15/12/2024": done on that day.
    regex: new RegExp(String.raw`(?:phải\s+)?hoàn thành\s+(?:vào\s+)?ngày\s+${DAY}`, 'giu'),
    parse: (m, ref) => dated(m[1]!, ref, 'by_date'),
  },
  {
    // "Hạn chót nộp hồ sơ là ngày 12-10-2018", "Thời hạn hoàn thành là ngày …": the day itself.
    regex: new RegExp(String.raw`là\s+(?:ngày\s+)?${DAY}`, 'giu'),
    parse: (m, ref) => dated(m[1]!, ref, 'by_date'),
    guard: (before) => /(?:hạn chót|thời hạn|hạn cuối)(?![\p{L}])[^;.]{0,80}$/iu.test(before),
  },
  {
    // "… so với Trung ương quy định là ngày 31/8/2025": the day itself is the limit.
    regex: new RegExp(String.raw`(?:(?:đã\s+)?được\s+)?(?:quy định|ấn định)\s+(?:là\s+)?(?:vào\s+)?ngày\s+${DAY}`, 'giu'),
    parse: (m, ref) => dated(m[1]!, ref, 'by_date'),
  },
  {
    // (hoàn thành) trong tháng 12/2020; vào (đến) cuối tháng 12/2023; đầu tháng 3 năm 2024; trong tháng 3.2021; đến hết tháng 6/2024
    regex: new RegExp(
      String.raw`${DONE}(?:(?:ngay\s+)?(?:trong|vào)\s+(?:(đầu|giữa|cuối)\s+)?|(?:đến\s+)?(đầu|giữa|cuối|hết)\s+)tháng\s+(\d{1,2})(?:\s*[/.-]\s*(\d{4})|\s+năm\s+(\d{4}))?(?![\d/])`,
      'giu',
    ),
    parse: (m, ref) => {
      const part = (m[1] ?? m[2])?.toLowerCase();
      const month = +m[3]!;
      const yearText = m[4] ?? m[5];
      let year = yearText ? +yearText : undefined;
      let inference: string | null = null;
      if (year === undefined) {
        const inferred = inferYear(1, month, ref);
        if (!inferred.date) return null;
        year = +inferred.date.slice(0, 4);
        inference = inferred.inference;
      }
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      const [from, to, kind]: [number, number, DeadlineKind] =
        part === 'đầu' ? [1, 10, 'early_month'] : part === 'giữa' ? [11, 20, 'mid_month'] : part === 'cuối' ? [21, last, 'late_month'] : [1, last, 'within_month'];
      const start = isoDate(year, month, from);
      const end = isoDate(year, month, to);
      return start && end ? { kind, start, end, inference } : null;
    },
  },
  {
    // từ Quý IV/2023: work starts then
    regex: new RegExp(String.raw`từ\s+${QUARTER}`, 'giu'),
    parse: (m) => ({ ...quarterRange(m[1]!, +m[2]!), kind: 'from_quarter', inference: null }),
  },
  {
    // vào cuối quý 2/2021: the quarter's last month
    regex: new RegExp(String.raw`${DONE}(?:(?:vào|đến|trong)\s+)?cuối\s+${QUARTER}`, 'giu'),
    parse: (m) => {
      const { end } = quarterRange(m[1]!, +m[2]!);
      return { kind: 'late_quarter', start: `${end!.slice(0, 8)}01`, end, inference: null };
    },
  },
  {
    // (hoàn thành) trong Quý III/2023
    regex: new RegExp(String.raw`${DONE}(?:trong|vào)\s+${QUARTER}`, 'giu'),
    parse: (m) => ({ ...quarterRange(m[1]!, +m[2]!), kind: 'quarter', inference: null }),
  },
  {
    // A bare "Quý III/2023" is a deadline only after a completion verb; else it names a period ("Báo cáo … quý I-2022").
    regex: new RegExp(String.raw`${DONE}${QUARTER}`, 'giu'),
    parse: (m) => ({ ...quarterRange(m[1]!, +m[2]!), kind: 'quarter', inference: null }),
    guard: (before) => COMPLETION_BEFORE(before) || TIME_LEAD(before),
  },
  {
    // "Thời gian thực hiện: tháng 10/2024"
    regex: /tháng\s+(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])/giu,
    parse: (m) => {
      const [month, year] = [+m[1]!, +m[2]!];
      const start = isoDate(year, month, 1);
      const end = isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
      return start && end ? { kind: 'within_month', start, end, inference: null } : null;
    },
    guard: TIME_LEAD,
  },
  {
    // "Thời hạn: ngày 30/9/2024"
    regex: new RegExp(String.raw`(?:ngày\s+)?${DAY}`, 'giu'),
    parse: (m, ref) => dated(m[1]!, ref, 'by_date'),
    guard: TIME_LEAD,
  },
  {
    // hoàn thành trong năm 2024; đến hết năm 2023; trước năm 2025 (not "đến năm 2030": a vision, not a deadline)
    regex: /(?:(?:hoàn thành|xong)\s+(?:trong\s+|trước\s+)?|đến hết\s+|trước\s+|chậm nhất(?:\s+trong)?\s+)năm\s+(\d{4})/giu,
    parse: parseYear,
  },
  {
    // "Các xã phải hoàn thành xây dựng nông thôn mới trong năm 2025": "trong năm" only after a completion verb.
    regex: /trong\s+năm\s+(\d{4})/giu,
    parse: parseYear,
    guard: COMPLETION_BEFORE,
  },
];

function quarterRange(numeral: string, year: number): { start: string | null; end: string | null } {
  const quarter = ROMAN[numeral.toUpperCase()]!;
  return { start: isoDate(year, quarter * 3 - 2, 1), end: isoDate(year, quarter * 3, new Date(Date.UTC(year, quarter * 3, 0)).getUTCDate()) };
}

function parseYear(m: RegExpMatchArray): Omit<DeadlinePhrase, 'phrase' | 'index'> {
  const year = +m[1]!;
  const before = /^trước/i.test(m[0]) || /xong\s+trước|thành\s+trước/i.test(m[0]);
  return { kind: 'year', start: before ? null : isoDate(year, 1, 1), end: before ? isoDate(year - 1, 12, 31) : isoDate(year, 12, 31), inference: null };
}

interface Day {
  day: number;
  month: number;
  year?: string;
}

/** "15/1/2021", "12-10-2018", "30 tháng 7", "3 tháng 07 năm 2024" → day, month and the year if written. */
function dayOf(text: string): Day | null {
  const numeric = text.match(/^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?$/u);
  const spelled = text.match(/^(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?$/u);
  const parts = numeric ?? spelled;
  return parts ? { day: +parts[1]!, month: +parts[2]!, year: parts[3] } : null;
}

function dated(text: string, ref: DatedReference | null, kind: DeadlineKind): Omit<DeadlinePhrase, 'phrase' | 'index'> | null {
  const day = dayOf(text);
  if (!day) return null;
  const resolved = resolveDay(day, ref);
  return resolved.date ? { kind, start: null, end: resolved.date, inference: resolved.inference } : null;
}

function resolveDay({ day, month, year }: Day, ref: DatedReference | null): { date: string | null; inference: string | null } {
  if (year) return { date: isoDate(+year, month, day), inference: null };
  return inferYear(day, month, ref);
}

/** Every deadline phrase in a sentence, earliest first; overlapping matches keep the longer. */
export function findDeadlinePhrases(sentence: string, reference: DatedReference | null): DeadlinePhrase[] {
  const found: DeadlinePhrase[] = [];
  for (const pattern of PATTERNS) {
    for (const match of sentence.matchAll(pattern.regex)) {
      if (pattern.guard && !pattern.guard(sentence.slice(0, match.index))) continue;
      const parsed = pattern.parse(match, reference);
      if (!parsed) continue;
      found.push({ ...parsed, phrase: match[0].trim(), index: match.index! + (match[0].length - match[0].trimStart().length) });
    }
  }
  found.sort((a, b) => a.index - b.index || b.phrase.length - a.phrase.length);
  return found.filter((phrase, i) => !found.slice(0, i).some((other) => phrase.index < other.index + other.phrase.length));
}
