import type Database from 'better-sqlite3';

/** How long an update id is remembered: Telegram gives up re-sending long before. */
const KEPT_MS = 2 * 24 * 60 * 60 * 1000;

/** Webhook updates taken, so one sent twice (or again after a restart) is handled once. */
export class UpdateRepository {
  private claims = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** True only the first time an update id is claimed, in any process, ever (within two days). */
  claim(updateId: number): boolean {
    const now = this.now();
    const first = this.db.prepare('INSERT OR IGNORE INTO handled_updates (update_id, received_at) VALUES (?, ?)').run(updateId, now.toISOString()).changes === 1;
    if (++this.claims % 1000 === 0) this.db.prepare('DELETE FROM handled_updates WHERE received_at < ?').run(new Date(now.getTime() - KEPT_MS).toISOString());
    return first;
  }
}
