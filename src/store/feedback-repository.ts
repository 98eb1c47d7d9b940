import type Database from 'better-sqlite3';

export type Vote = 'up' | 'down';

/** 👍/👎 on answers (one per user and answer: a second vote replaces the first) and subscriptions. */
export class FeedbackRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  vote(traceId: number, chatId: number, userId: number, vote: Vote, reason: string | null = null): boolean {
    const exists = this.db.prepare<[number], { id: number }>('SELECT id FROM traces WHERE id = ?').get(traceId);
    if (!exists) return false;
    this.db
      .prepare(
        `INSERT INTO feedback (trace_id, chat_id, user_id, vote, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(trace_id, user_id) DO UPDATE SET vote = excluded.vote, reason = excluded.reason, created_at = excluded.created_at`,
      )
      .run(traceId, chatId, userId, vote, reason, this.now().toISOString());
    return true;
  }

  counts(): { up: number; down: number } {
    return this.db
      .prepare<[], { up: number; down: number }>(
        `SELECT coalesce(sum(vote = 'up'), 0) AS up, coalesce(sum(vote = 'down'), 0) AS down FROM feedback`,
      )
      .get()!;
  }

  latestDown(): { traceId: number; reason: string | null; question: string; createdAt: string } | undefined {
    return this.db
      .prepare<[], { traceId: number; reason: string | null; question: string; createdAt: string }>(
        `SELECT f.trace_id AS traceId, f.reason, t.question, f.created_at AS createdAt FROM feedback f JOIN traces t ON t.id = f.trace_id
         WHERE f.vote = 'down' ORDER BY f.created_at DESC, f.id DESC LIMIT 1`,
      )
      .get();
  }
}
