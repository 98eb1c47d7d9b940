import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../src/store/article-repository.js';
import { ArticleSignatures } from '../../src/store/article-signatures.js';
import { openDatabase } from '../../src/store/database.js';
import { migrate, MIGRATIONS } from '../../src/store/migrations.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('rpb-signatures-');
afterAll(() => dir.remove());

const addArticle = (db: Database.Database, id: string) =>
  db.prepare("INSERT INTO articles (id, source, title, content_hash, text, ingested_at, updated_at) VALUES (?, ?, 'Tin', 'h', 't', '', '')").run(id, `${id}.txt`);
const signature = (value: number) => new Uint32Array(64).fill(value);

describe('reprint candidates', () => {
  it('carry the signature another process stored since they were last read, and this one’s own', () => {
    const writer = openDatabase(path.join(dir.path, 'shared'));
    const reader = openDatabase(path.join(dir.path, 'shared'));
    try {
      const written = new ArticleSignatures(writer);
      const read = new ArticleSignatures(reader);
      addArticle(writer, 'a');
      written.write('a', signature(1), ['0:x', '1:y'], false);
      expect(read.candidates(['0:x'])).toEqual([{ id: 'a', signature: signature(1) }]);

      writer.transaction(() => written.write('a', signature(2), ['0:x'], true))();
      expect(read.candidates(['0:x'])).toEqual([{ id: 'a', signature: signature(2) }]);
      expect(read.candidates(['1:y'])).toEqual([]); // its old band is gone

      reader.transaction(() => read.write('a', signature(3), ['0:x'], true))();
      expect(read.candidates(['0:x'])).toEqual([{ id: 'a', signature: signature(3) }]);
      expect(written.candidates(['0:x'])).toEqual([{ id: 'a', signature: signature(3) }]);
    } finally {
      writer.close();
      reader.close();
    }
  });

  it('a write rolled back leaves the signature that is stored', () => {
    const db = openDatabase(path.join(dir.path, 'rollback'));
    try {
      const signatures = new ArticleSignatures(db);
      addArticle(db, 'a');
      signatures.write('a', signature(1), ['0:x'], false);
      expect(signatures.candidates(['0:x'])[0]!.signature).toEqual(signature(1));
      expect(() =>
        db.transaction(() => {
          signatures.write('a', signature(2), ['0:x'], true);
          throw new Error('disk full');
        })(),
      ).toThrow('disk full');
      expect(signatures.candidates(['0:x'])[0]!.signature).toEqual(signature(1));
    } finally {
      db.close();
    }
  });
});

describe('a store written before signatures and full text moved', () => {
  it('keeps each article’s signature and finds its chunks by words with or without diacritics', () => {
    const db = new Database(':memory:');
    const before = MIGRATIONS.findIndex((step) => step.toString().includes('CREATE TABLE article_signatures'));
    for (const step of MIGRATIONS.slice(0, before)) step(db);
    db.pragma(`user_version = ${before}`);
    db.prepare("INSERT INTO articles (id, source, title, content_hash, text, signature, ingested_at, updated_at) VALUES ('a', 'a.txt', 'Đảng bộ tỉnh', 'h', ?, ?, '', '')")
      .run('Ban Thường vụ đề ra kế hoạch', Buffer.from(signature(7).buffer));
    const chunk = db.prepare("INSERT INTO chunks (article_id, position, start, end, text) VALUES ('a', 0, 0, 28, 'Ban Thường vụ đề ra kế hoạch')").run();
    db.prepare("INSERT INTO chunk_fts (rowid, title, body) VALUES (?, 'Dang bo tinh', 'Ban Thường vụ de ra kế hoạch')").run(chunk.lastInsertRowid);

    migrate(db);
    const articles = new ArticleRepository(db);
    expect(articles.reprintCandidates([])).toEqual([]);
    expect(db.prepare('SELECT article_id, signature FROM article_signatures').all()).toEqual([{ article_id: 'a', signature: Buffer.from(signature(7).buffer) }]);
    expect(articles.searchText('"thuong" "vu"', 5).map((hit) => hit.chunkId)).toEqual([Number(chunk.lastInsertRowid)]);
    expect(articles.searchText('"dang"', 5).map((hit) => hit.chunkId)).toEqual([Number(chunk.lastInsertRowid)]); // "Đảng" in the title, đ folded
    db.prepare('DELETE FROM chunks').run();
    expect(articles.searchText('"ke" "hoach"', 5)).toEqual([]);
  });
});
