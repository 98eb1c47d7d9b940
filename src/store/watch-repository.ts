import type Database from 'better-sqlite3';

export interface Watch {
  id: number;
  url: string;
  kind: string | null;
  title: string | null;
  keywords: string[];
  intervalMinutes: number;
  etag: string | null;
  lastModified: string | null;
  /** A sitemap index: each of its sitemaps with the validators of its last download. */
  sitemaps: Record<string, Validators>;
  createdAt: string;
  nextCheckAt: string;
  lastCheckedAt: string | null;
  lastNewAt: string | null;
  lastError: string | null;
  failingSince: string | null;
  failures: number;
  failureReported: boolean;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface WatchItem {
  url: string;
  watchId: number | null;
  title: string | null;
  summary: string | null;
  status: 'pending' | 'ingested' | 'skipped' | 'failed';
  attempts: number;
  articleId: string | null;
  detail: string | null;
}

type WatchRow = Omit<Watch, 'keywords' | 'failureReported' | 'sitemaps'> & { keywords: string; failureReported: number; sitemaps: string };

const WATCH_COLUMNS = `id, url, kind, title, keywords, interval_minutes AS intervalMinutes, etag, last_modified AS lastModified, sitemaps,
  created_at AS createdAt, next_check_at AS nextCheckAt, last_checked_at AS lastCheckedAt, last_new_at AS lastNewAt,
  last_error AS lastError, failing_since AS failingSince, failures, failure_reported AS failureReported`;

const ITEM_COLUMNS = 'url, watch_id AS watchId, title, summary, status, attempts, article_id AS articleId, detail';

/** Watched feeds and sitemaps, and every item link they have shown. */
export class WatchRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Registers a source (due at once); the same URL again updates its words and interval. */
  add(url: string, keywords: string[], intervalMinutes: number, kind: string | null, title: string | null): Watch {
    const now = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO watches (url, kind, title, keywords, interval_minutes, created_at, next_check_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET keywords = excluded.keywords, interval_minutes = excluded.interval_minutes, kind = excluded.kind, title = excluded.title`,
      )
      .run(url, kind, title, JSON.stringify(keywords), intervalMinutes, now, now);
    return this.byUrl(url)!;
  }

  /** Removes a watch and the items it has not downloaded yet; what it ingested stays. */
  remove(id: number): boolean {
    return this.db.transaction(() => {
      this.db.prepare(`DELETE FROM watch_items WHERE watch_id = ? AND status = 'pending'`).run(id);
      return this.db.prepare('DELETE FROM watches WHERE id = ?').run(id).changes > 0;
    })();
  }

  all(): Watch[] {
    return this.db.prepare<[], WatchRow>(`SELECT ${WATCH_COLUMNS} FROM watches ORDER BY id`).all().map(toWatch);
  }

  get(id: number): Watch | undefined {
    const row = this.db.prepare<[number], WatchRow>(`SELECT ${WATCH_COLUMNS} FROM watches WHERE id = ?`).get(id);
    return row ? toWatch(row) : undefined;
  }

  byUrl(url: string): Watch | undefined {
    const row = this.db.prepare<[string], WatchRow>(`SELECT ${WATCH_COLUMNS} FROM watches WHERE url = ?`).get(url);
    return row ? toWatch(row) : undefined;
  }

  /** Sources whose interval has passed, and those with items still waiting (a run cut short, a cap reached). */
  due(at: Date): Watch[] {
    return this.db
      .prepare<[string], WatchRow>(
        `SELECT ${WATCH_COLUMNS} FROM watches w
         WHERE next_check_at <= ? OR EXISTS (SELECT 1 FROM watch_items i WHERE i.watch_id = w.id AND i.status = 'pending')
         ORDER BY next_check_at, id`,
      )
      .all(at.toISOString())
      .map(toWatch);
  }

  /**
   * A successful check: the item links never seen before become pending, together with the
   * validators for the next conditional request — one transaction, so a crash after it loses
   * nothing (the pending items are done by the next run) and before it repeats the check.
   */
  recordCheck(
    id: number,
    validators: Validators | null,
    kind: string | null,
    title: string | null,
    items: Array<Pick<WatchItem, 'url' | 'title' | 'summary'>>,
    sitemaps: Record<string, Validators> | null = null,
    backlog: Array<Pick<WatchItem, 'url' | 'title' | 'summary'>> = [],
  ): number {
    const now = this.now();
    return this.db.transaction(() => {
      const watch = this.get(id);
      if (!watch) return 0; // removed while it was being checked
      const insert = this.db.prepare(`INSERT OR IGNORE INTO watch_items (url, watch_id, title, summary, status, detail, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
      let added = 0;
      for (const item of items) added += insert.run(item.url, id, item.title, item.summary, 'pending', null, now.toISOString()).changes;
      // What a source already held when it was first watched is remembered, not downloaded.
      for (const item of backlog) insert.run(item.url, id, item.title, item.summary, 'skipped', 'có trước khi theo dõi', now.toISOString());
      this.db
        .prepare(
          `UPDATE watches SET last_checked_at = ?, next_check_at = ?, last_error = NULL, failing_since = NULL, failures = 0, failure_reported = 0,
             etag = CASE WHEN ? THEN ? ELSE etag END, last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
             kind = COALESCE(?, kind), title = COALESCE(?, title), sitemaps = COALESCE(?, sitemaps) WHERE id = ?`,
        )
        .run(
          now.toISOString(),
          new Date(now.getTime() + watch.intervalMinutes * 60_000).toISOString(),
          // A full response replaces the validators (even with none); a 304 keeps them.
          validators ? 1 : 0,
          validators?.etag ?? null,
          validators ? 1 : 0,
          validators?.lastModified ?? null,
          kind,
          title,
          sitemaps ? JSON.stringify(sitemaps) : null,
          id,
        );
      return added;
    })();
  }

  /**
   * A failed check: the error is kept, and the next one waits longer (doubling, up to a day) —
   * but not past a day of failing, so the admins hear of it then, not a day and a half later.
   */
  recordFailure(id: number, error: string): Watch | undefined {
    const now = this.now();
    const watch = this.get(id);
    if (!watch) return undefined;
    const failures = watch.failures + 1;
    const failingSince = watch.failingSince ? Date.parse(watch.failingSince) : now.getTime();
    let next = now.getTime() + Math.min(watch.intervalMinutes * 2 ** Math.min(failures - 1, 10), 24 * 60) * 60_000;
    const dayOfFailing = failingSince + 24 * 60 * 60_000;
    if (!watch.failureReported && dayOfFailing > now.getTime()) next = Math.min(next, dayOfFailing);
    this.db
      .prepare(`UPDATE watches SET last_checked_at = ?, next_check_at = ?, last_error = ?, failing_since = ?, failures = ? WHERE id = ?`)
      .run(now.toISOString(), new Date(next).toISOString(), error, new Date(failingSince).toISOString(), failures, id);
    return this.get(id);
  }

  markFailureReported(id: number): void {
    this.db.prepare('UPDATE watches SET failure_reported = 1 WHERE id = ?').run(id);
  }

  pendingItems(id: number, limit: number): WatchItem[] {
    return this.db.prepare<[number, number], WatchItem>(`SELECT ${ITEM_COLUMNS} FROM watch_items WHERE watch_id = ? AND status = 'pending' ORDER BY rowid LIMIT ?`).all(id, limit);
  }

  countPending(id: number): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM watch_items WHERE watch_id = ? AND status = 'pending'`).get(id) as { n: number }).n;
  }

  /** An item done: ingested (with its article), skipped (not about the watched words) or failed for good. */
  finishItem(url: string, status: 'ingested' | 'skipped' | 'failed', articleId: string | null, detail: string | null): void {
    const now = this.now().toISOString();
    this.db.transaction(() => {
      const row = this.db.prepare('UPDATE watch_items SET status = ?, article_id = ?, detail = ?, done_at = ? WHERE url = ? RETURNING watch_id AS watchId').get(status, articleId, detail, now, url) as
        | { watchId: number | null }
        | undefined;
      if (status === 'ingested' && row?.watchId) this.db.prepare('UPDATE watches SET last_new_at = ? WHERE id = ?').run(now, row.watchId);
    })();
  }

  /** An item whose download failed this time: tried again next run, up to `maxAttempts` in all. */
  retryItem(url: string, detail: string, maxAttempts: number): 'pending' | 'failed' {
    const row = this.db.prepare('UPDATE watch_items SET attempts = attempts + 1, detail = ? WHERE url = ? RETURNING attempts').get(detail, url) as { attempts: number } | undefined;
    if (!row) return 'failed';
    if (row.attempts < maxAttempts) return 'pending';
    this.finishItem(url, 'failed', null, detail);
    return 'failed';
  }

  /** The watched source an article arrived from, for the digest. */
  sourceOfArticle(articleId: string): string | null {
    const row = this.db
      .prepare(`SELECT COALESCE(w.title, w.url) AS name FROM watch_items i JOIN watches w ON w.id = i.watch_id WHERE i.article_id = ? AND i.status = 'ingested' LIMIT 1`)
      .get(articleId) as { name: string } | undefined;
    return row?.name ?? null;
  }

  items(id: number): WatchItem[] {
    return this.db.prepare<[number], WatchItem>(`SELECT ${ITEM_COLUMNS} FROM watch_items WHERE watch_id = ? ORDER BY rowid`).all(id);
  }
}

function toWatch(row: WatchRow): Watch {
  return { ...row, keywords: JSON.parse(row.keywords) as string[], sitemaps: JSON.parse(row.sitemaps) as Record<string, Validators>, failureReported: row.failureReported === 1 };
}
