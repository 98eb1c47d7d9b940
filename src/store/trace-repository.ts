import type Database from 'better-sqlite3';

export interface TraceRecord {
  id: number;
  createdAt: string;
  conversationId: string | null;
  question: string;
  rewritten: string;
  language: string;
  answerer: string;
  found: boolean;
  answer: string;
  citations: unknown[];
  retrieved: unknown[];
  latencyMs: number;
  error: string | null;
  decision: unknown[];
}

export interface ConversationFocus {
  documents: string[];
  persons: string[];
}

/** Answer traces and conversation memory. */
export class TraceRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(trace: Omit<TraceRecord, 'id' | 'createdAt'>): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO traces (created_at, conversation_id, question, rewritten, language, answerer, found, answer, citations, retrieved, latency_ms, error, decision)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(this.now().toISOString(), trace.conversationId, trace.question, trace.rewritten, trace.language, trace.answerer, trace.found ? 1 : 0,
          trace.answer, JSON.stringify(trace.citations), JSON.stringify(trace.retrieved), trace.latencyMs, trace.error, JSON.stringify(trace.decision)).lastInsertRowid,
    );
  }

  get(id: number): TraceRecord | undefined {
    const row = this.db.prepare<[number], Record<string, unknown>>('SELECT * FROM traces WHERE id = ?').get(id);
    if (!row) return undefined;
    return {
      id: row.id as number,
      createdAt: row.created_at as string,
      conversationId: row.conversation_id as string | null,
      question: row.question as string,
      rewritten: row.rewritten as string,
      language: row.language as string,
      answerer: row.answerer as string,
      found: row.found === 1,
      answer: row.answer as string,
      citations: JSON.parse(row.citations as string),
      retrieved: JSON.parse(row.retrieved as string),
      latencyMs: row.latency_ms as number,
      error: row.error as string | null,
      decision: JSON.parse((row.decision as string) ?? '[]'),
    };
  }

  latestId(): number | undefined {
    return this.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM traces').get()?.id ?? undefined;
  }

  /** Refusal rate and latency over the last `limit` answers, for /stats. */
  stats(limit = 1000): { answers: number; refusalRate: number; p50Ms: number; p95Ms: number } {
    const rows = this.db
      .prepare<[number], { found: number; latency: number }>('SELECT found, latency_ms AS latency FROM traces ORDER BY id DESC LIMIT ?')
      .all(limit);
    const latencies = rows.map((r) => r.latency).sort((a, b) => a - b);
    const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    return { answers: rows.length, refusalRate: rows.length ? rows.filter((r) => !r.found).length / rows.length : 0, p50Ms: pick(0.5), p95Ms: pick(0.95) };
  }

  addTurn(conversationId: string, question: string, focus: ConversationFocus, traceId: number | null): void {
    this.db
      .prepare('INSERT INTO conversation_turns (conversation_id, trace_id, question, focus, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(conversationId, traceId, question, JSON.stringify(focus), this.now().toISOString());
    // Keep the last 20 turns of a conversation: enough for follow-ups, bounded in size.
    this.db
      .prepare('DELETE FROM conversation_turns WHERE conversation_id = ? AND id NOT IN (SELECT id FROM conversation_turns WHERE conversation_id = ? ORDER BY id DESC LIMIT 20)')
      .run(conversationId, conversationId);
  }

  recentTurns(conversationId: string, limit = 5): Array<{ question: string; focus: ConversationFocus }> {
    return this.db
      .prepare<[string, number], { question: string; focus: string }>('SELECT question, focus FROM conversation_turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?')
      .all(conversationId, limit)
      .map((row) => ({ question: row.question, focus: JSON.parse(row.focus) as ConversationFocus }));
  }
}
