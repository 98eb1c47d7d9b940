import type { StoredDeadline } from '../../store/fact-repository.js';
import { addDays } from '../../text/clock.js';
import { formatVietnameseDate } from '../../text/dates.js';

/** One line of the picture: a deadline as a bar (a range) or a point (a day), labelled. */
export interface TimelineRow {
  /** Unique and in display order: the y band of the row. */
  key: string;
  /** "[n] task", shortened to fit the label column. */
  label: string;
  /** "10/12/2020 · Sở Nội vụ": when, and who is responsible. */
  detail: string;
  /** Milliseconds (UTC midnight) of the first day and of the day after the last one. */
  start: number;
  end: number;
  point: boolean;
  status: 'Quá hạn' | 'Còn hạn';
}

/** An article the rows cite, numbered [n] in order of first use, as the text list does. */
export interface TimelineSource {
  articleId: string;
  title: string;
  source: string;
  publishedDate: string | null;
}

export interface TimelinePage {
  heading: string;
  rows: TimelineRow[];
  sources: TimelineSource[];
  /** [first day, day after the last] of the time axis, ms. */
  domain: [number, number];
  /** Today's noon in ms, when it lies on the axis. */
  today: number | null;
  /** "8/12/2020", for the today mark. */
  todayLabel: string;
}

export interface TimelineOptions {
  heading: string;
  /** The chat's local date: what ends before it is overdue. */
  today: string;
  /** The asked range; an open end ('0000-01-01', '9999-12-31') shrinks to the deadlines. */
  from: string;
  to: string;
  /** Rows per picture (a phone screen stays readable up to ~40). */
  maxRows?: number;
  /** Pictures at most; the rest are counted, not drawn. */
  maxPictures?: number;
}

export const TASK_CHARS = 50;
export const DETAIL_CHARS = 62;
const DAY = 86_400_000;

const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Cuts at a word boundary and marks the cut with "…". */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  if (clean[max - 1] === ' ') return `${cut.replace(/[\s,;:.–-]+$/u, '')}…`;
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}

/** A single day is a point; "trước ngày …" is its last day, as in the calendar file. */
function isPoint(d: StoredDeadline): boolean {
  return !d.startDate || d.kind === 'before_date' || d.startDate === d.endDate;
}

function when(d: StoredDeadline): string {
  return isPoint(d) ? formatVietnameseDate(d.endDate) : `${formatVietnameseDate(d.startDate)}–${formatVietnameseDate(d.endDate)}`;
}

function page(heading: string, deadlines: StoredDeadline[], options: TimelineOptions): TimelinePage {
  const sources: TimelineSource[] = [];
  const rows = deadlines.map((d, i): TimelineRow => {
    let n = sources.findIndex((s) => s.articleId === d.articleId) + 1;
    if (n === 0) n = sources.push({ articleId: d.articleId, title: d.title, source: d.source, publishedDate: d.publishedDate });
    // Who is responsible, unless the task already names them (as the text list does).
    const body = d.responsible && !d.task.toLowerCase().includes(d.responsible.toLowerCase()) ? ` · ${d.responsible}` : '';
    return {
      key: `r${String(i).padStart(3, '0')}`,
      label: `[${n}] ${shorten(d.task, TASK_CHARS)}`,
      detail: shorten(`${when(d)}${body}`, DETAIL_CHARS),
      start: ms(isPoint(d) ? d.endDate! : d.startDate!),
      end: ms(d.endDate!) + DAY,
      point: isPoint(d),
      status: d.endDate! < options.today ? 'Quá hạn' : 'Còn hạn',
    };
  });
  // An open end of the range shrinks to the deadlines (and today), so the bars are not specks.
  const first = Math.min(...rows.map((r) => r.start), ms(options.today));
  const last = Math.max(...rows.map((r) => r.end), ms(options.today) + DAY);
  const from = options.from <= '0001-01-01' ? first : ms(options.from);
  const to = options.to >= '9999-01-01' ? last : ms(addDays(options.to, 1));
  const today = ms(options.today) + DAY / 2;
  return { heading, rows, sources, domain: [from, to], today: today >= from && today <= to ? today : null, todayLabel: formatVietnameseDate(options.today) };
}

/**
 * The deadlines (with an end date) cut into pictures of at most `maxRows` rows, each citing
 * its own sources from [1]; past `maxPictures` the rest is only counted (`omitted`).
 */
export function timelinePages(deadlines: StoredDeadline[], options: TimelineOptions): { pages: TimelinePage[]; omitted: number } {
  const dated = deadlines.filter((d) => d.endDate);
  const maxRows = options.maxRows ?? 40;
  const maxPictures = options.maxPictures ?? 2;
  const drawn = dated.slice(0, maxRows * maxPictures);
  const count = Math.ceil(drawn.length / maxRows);
  const pages = Array.from({ length: count }, (_, i) =>
    page(count > 1 ? `${options.heading} (ảnh ${i + 1}/${count})` : options.heading, drawn.slice(i * maxRows, (i + 1) * maxRows), options),
  );
  return { pages, omitted: dated.length - drawn.length };
}
