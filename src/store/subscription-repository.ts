import type Database from 'better-sqlite3';

export interface Subscription {
  chatId: number;
  sendTime: string;
  timeZone: string;
  language: 'vi' | 'en';
  sendEmpty: boolean;
  /** The digest ends with a timeline picture of its deadlines. */
  attachPicture: boolean;
  createdAt: string;
  lastDigestAt: string | null;
}

/** Chats subscribed to the daily digest. */
export class SubscriptionRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  subscribe(chatId: number, sendTime: string, timeZone: string, language: 'vi' | 'en' = 'vi', sendEmpty = true): void {
    this.db
      .prepare(
        `INSERT INTO subscriptions (chat_id, send_time, time_zone, language, send_empty, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(chat_id) DO UPDATE SET send_time = excluded.send_time, time_zone = excluded.time_zone,
           language = excluded.language, send_empty = excluded.send_empty`,
      )
      .run(chatId, sendTime, timeZone, language, sendEmpty ? 1 : 0, this.now().toISOString());
  }

  /** Turns the digest's picture on or off; false when the chat has no subscription. */
  setAttachPicture(chatId: number, attach: boolean): boolean {
    return this.db.prepare('UPDATE subscriptions SET attach_picture = ? WHERE chat_id = ?').run(attach ? 1 : 0, chatId).changes > 0;
  }

  /**
   * Claims the digest of (chat, local day): true only for the first claim, ever. Sending after
   * a successful claim makes a restart or a second process unable to send it again.
   */
  claimDigest(chatId: number, localDate: string): boolean {
    return this.db
      .prepare(`INSERT OR IGNORE INTO digest_log (chat_id, local_date, status, claimed_at) VALUES (?, ?, 'sending', ?)`)
      .run(chatId, localDate, this.now().toISOString()).changes === 1;
  }

  finishDigest(chatId: number, localDate: string, status: 'sent' | 'empty' | 'failed', detail: string | null = null): void {
    this.db.prepare('UPDATE digest_log SET status = ?, detail = ? WHERE chat_id = ? AND local_date = ?').run(status, detail, chatId, localDate);
    if (status === 'sent' || status === 'empty') {
      this.db.prepare('UPDATE subscriptions SET last_digest_at = ? WHERE chat_id = ?').run(this.now().toISOString(), chatId);
    }
  }

  digestLog(chatId: number): Array<{ localDate: string; status: string; detail: string | null }> {
    return this.db
      .prepare<[number], { localDate: string; status: string; detail: string | null }>(
        'SELECT local_date AS localDate, status, detail FROM digest_log WHERE chat_id = ? ORDER BY local_date',
      )
      .all(chatId);
  }

  unsubscribe(chatId: number): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(chatId).changes > 0;
  }

  get(chatId: number): Subscription | undefined {
    return this.all().find((s) => s.chatId === chatId);
  }

  all(): Subscription[] {
    return this.db
      .prepare<[], Omit<Subscription, 'sendEmpty' | 'attachPicture'> & { sendEmpty: number; attachPicture: number }>(
        `SELECT chat_id AS chatId, send_time AS sendTime, time_zone AS timeZone, language, send_empty AS sendEmpty,
                attach_picture AS attachPicture, created_at AS createdAt, last_digest_at AS lastDigestAt FROM subscriptions ORDER BY chat_id`,
      )
      .all()
      .map((row) => ({ ...row, sendEmpty: row.sendEmpty === 1, attachPicture: row.attachPicture === 1 }));
  }
}
