import type Database from 'better-sqlite3';

/** Prepares each SQL text once per connection: preparing costs more than running a small query. */
export class Statements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get<P extends unknown[] = unknown[], R = unknown>(source: string): Database.Statement<P, R> {
    let statement = this.cache.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.cache.set(source, statement);
    }
    return statement as unknown as Database.Statement<P, R>;
  }
}
