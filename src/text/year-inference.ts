import { isoDate } from './dates.js';

export interface DatedReference {
  /** ISO date the year is inferred from. */
  date: string;
  /** Why that date is a good reference, for the record: "ngày đăng bài". */
  why: string;
  /** 'before': the inferred date is on or before the reference (a page reports past events); 'after': on or after it. */
  direction: 'before' | 'after';
}

export interface InferredDate {
  date: string | null;
  /** How the year was found, in Vietnamese; null when the text states it. */
  inference: string | null;
}

/**
 * A day and month whose year the text does not state ("Chiều 6/12"), placed in the year that
 * puts it nearest the reference on the right side. No reference: the date stays unknown.
 */
export function inferYear(day: number, month: number, reference: DatedReference | null): InferredDate {
  if (!reference) return { date: null, inference: null };
  const [refYear, refMonth, refDay] = reference.date.split('-').map(Number) as [number, number, number];
  const afterRef = month > refMonth || (month === refMonth && day >= refDay);
  const year = reference.direction === 'before' ? (afterRef && !(month === refMonth && day === refDay) ? refYear - 1 : refYear) : afterRef ? refYear : refYear + 1;
  const date = isoDate(year, month, day);
  return date ? { date, inference: `năm ${year} suy ra từ ${reference.why} (${reference.date})` } : { date: null, inference: null };
}

/**
 * The best reference for dates an article leaves without a year: its publication date, else the
 * latest issuing date it cites, else the latest full date it writes ("Nghị quyết … ngày
 * 5-5-2022" when the number is too garbled to be read as a document).
 */
export function yearReference(publishedDate: string | null, issuedDates: Array<string | null>, writtenDates: string[] = []): DatedReference | null {
  if (publishedDate) return { date: publishedDate, why: 'ngày đăng bài', direction: 'before' };
  const latest = issuedDates.filter((d): d is string => Boolean(d)).sort().at(-1);
  if (latest) return { date: latest, why: 'ngày ban hành văn bản mới nhất được nhắc trong bài', direction: 'after' };
  const written = [...writtenDates].sort().at(-1);
  return written ? { date: written, why: 'ngày đầy đủ muộn nhất được ghi trong bài', direction: 'after' } : null;
}

/** Every full date an article writes after "ngày": "ngày 5-5-2022", "ngày 14/4/2025", "ngày 3 tháng 7 năm 2024". */
export function writtenDates(text: string): string[] {
  const dates: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}])ngày\s+(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]|\s+tháng\s+(\d{1,2})\s+năm)\s*(\d{4})(?!\d)/giu)) {
    const date = isoDate(+m[4]!, +(m[2] ?? m[3])!, +m[1]!);
    if (date) dates.push(date);
  }
  return dates;
}
