import { PRESENTING_ROLES } from '../facts/roles.js';
import type { StoredDeadline, StoredPresentation } from '../store/fact-repository.js';
import type { Store } from '../store/index.js';
import { addDays, endOfMonth, localDate } from '../text/clock.js';
import { formatVietnameseDate } from '../text/dates.js';
import type { TimelineOptions } from './timeline/index.js';

export interface DigestItem {
  kind: 'deadline' | 'article';
  deadline?: StoredDeadline;
  article?: { id: string; title: string; source: string; publishedDate: string | null; presentations: StoredPresentation[]; watchedSource: string | null };
}

export interface Digest {
  /** The chat's local date the digest is for. */
  date: string;
  dueSoon: StoredDeadline[];
  overdue: StoredDeadline[];
  laterThisMonth: StoredDeadline[];
  newArticles: NonNullable<DigestItem['article']>[];
  empty: boolean;
}

/**
 * What a subscriber should hear about on `now`'s date in `timeZone`: deadlines in the next 7
 * days, overdue ones of the last 30 days, the rest of this month's, and articles ingested since
 * `since` (by hand or from a watched feed) with who presented what in them (presenting roles: who chaired is not news of a plan).
 */
export function buildDigest(store: Store, now: Date, timeZone: string, since: string | null): Digest {
  const today = localDate(now, timeZone);
  const inWeek = addDays(today, 7);
  const dueSoon = store.facts.deadlinesEndingBetween(today, inWeek);
  const overdue = store.facts.deadlinesEndingBetween(addDays(today, -30), addDays(today, -1));
  const monthEnd = endOfMonth(today);
  const laterThisMonth = monthEnd > inWeek ? store.facts.deadlinesEndingBetween(addDays(inWeek, 1), monthEnd) : [];
  const newArticles = since
    ? store.articles
        .listArticles()
        .filter((a) => a.ingestedAt > since)
        .map((a) => ({
          id: a.id,
          title: a.title,
          source: a.source,
          publishedDate: a.publishedDate,
          presentations: store.facts.presentationsOfArticle(a.id, PRESENTING_ROLES),
          watchedSource: store.watches.sourceOfArticle(a.id),
        }))
    : [];
  return { date: today, dueSoon, overdue, laterThisMonth, newArticles, empty: !dueSoon.length && !overdue.length && !laterThisMonth.length && !newArticles.length };
}

/**
 * The digest's deadlines as one picture's content: the overdue ones of the last 30 days and
 * those due in the next 7, on an axis from the earliest of them to a week ahead.
 */
export function digestTimeline(digest: Digest): { deadlines: StoredDeadline[]; options: TimelineOptions } {
  const deadlines = [...digest.overdue, ...digest.dueSoon];
  const from = deadlines.reduce((earliest, d) => (d.endDate! < earliest ? d.endDate! : earliest), digest.date);
  return { deadlines, options: { heading: `Hạn chót quanh ngày ${formatVietnameseDate(digest.date)}`, today: digest.date, from, to: addDays(digest.date, 7) } };
}
