import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../src/store/migrations.js';

describe('the presentation role migration', () => {
  it('gives rows stored before it the role of their act', () => {
    const db = new Database(':memory:');
    // Every migration but the last, then a presentation stored the old way.
    for (const step of MIGRATIONS.slice(0, -1)) step(db);
    db.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    db.prepare("INSERT INTO articles (id, source, title, content_hash, text, signature, ingested_at, updated_at) VALUES ('a', 'a.txt', 'T', 'h', 't', x'00', '', '')").run();
    const insert = db.prepare(
      "INSERT INTO presentations (article_id, presenter, presenter_folded, titles, act, document, quote, start, end, origin) VALUES ('a', ?, ?, '[]', ?, 'd', 'q', 0, 1, 'rules')",
    );
    insert.run('Lê Văn A', 'le van a', 'chủ trì');
    insert.run('Lê Văn B', 'le van b', 'thay mặt Ban Thường vụ tiếp thu, giải trình');
    insert.run('Lê Văn C', 'le van c', 'trình bày tóm tắt');
    migrate(db);
    expect(db.prepare('SELECT presenter, role FROM presentations ORDER BY presenter').all()).toEqual([
      { presenter: 'Lê Văn A', role: 'chair' },
      { presenter: 'Lê Văn B', role: 'respond' },
      { presenter: 'Lê Văn C', role: 'present' },
    ]);
  });
});
