import type Database from 'better-sqlite3';

export interface Subscription {
  chatId: number;
  sendTime: string;
  timeZone: string;
  language: 'vi' | 'en';
  sendEmpty: boolean;
  createdAt: string;
  lastDigestAt: string | null;
}

/** Chats subscribed to the daily digest. */
export class SubscriptionRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  subscribe(chatId: number, sendTime: string, timeZone: string, language: 'vi' | 'en' = 'vi'): void {
    this.db
      .prepare(
        `INSERT INTO subscriptions (chat_id, send_time, time_zone, language, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(chat_id) DO UPDATE SET send_time = excluded.send_time, time_zone = excluded.time_zone, language = excluded.language`,
      )
      .run(chatId, sendTime, timeZone, language, this.now().toISOString());
  }

  unsubscribe(chatId: number): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(chatId).changes > 0;
  }

  get(chatId: number): Subscription | undefined {
    return this.all().find((s) => s.chatId === chatId);
  }

  all(): Subscription[] {
    return this.db
      .prepare<[], Omit<Subscription, 'sendEmpty'> & { sendEmpty: number }>(
        `SELECT chat_id AS chatId, send_time AS sendTime, time_zone AS timeZone, language, send_empty AS sendEmpty,
                created_at AS createdAt, last_digest_at AS lastDigestAt FROM subscriptions ORDER BY chat_id`,
      )
      .all()
      .map((row) => ({ ...row, sendEmpty: row.sendEmpty === 1 }));
  }
}
