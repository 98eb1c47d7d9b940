import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';
import { FactRepository } from '../../src/store/fact-repository.js';
import { migrate, MIGRATIONS } from '../../src/store/migrations.js';

/** An article row as the schema at hand has it (a signature column until it moved to a table of its own). */
const addArticle = (db: Database.Database, text: string) => {
  const hasSignature = (db.prepare('PRAGMA table_info(articles)').all() as Array<{ name: string }>).some((column) => column.name === 'signature');
  db.prepare(`INSERT INTO articles (id, source, title, content_hash, text, ${hasSignature ? 'signature, ' : ''}ingested_at, updated_at)
    VALUES ('a', 'a.txt', 'Tin', 'h', ?, ${hasSignature ? "x'00', " : ''}'', '')`).run(text);
};

describe('the presentation role migration', () => {
  it('gives rows stored before it the role of their act', () => {
    const db = new Database(':memory:');
    const roleStep = MIGRATIONS.findIndex((step) => step.toString().includes('ADD COLUMN role'));
    for (const step of MIGRATIONS.slice(0, roleStep)) step(db);
    db.pragma(`user_version = ${roleStep}`);
    addArticle(db, 't');
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

describe('stored presentations', () => {
  it('keep their role and where a person given by title is named', () => {
    const db = new Database(':memory:');
    migrate(db);
    const text = 'Tin\nBí thư Tỉnh ủy Lê Văn Khánh dự hội nghị. Sau đó, Bí thư Tỉnh ủy phát biểu chỉ đạo hội nghị.';
    addArticle(db, text);
    const facts = new FactRepository(db);
    facts.replaceFacts('a', extractFacts({ title: 'Tin', text, publishedDate: null }));
    const [p] = facts.presentationsByRole('direct', 'a');
    expect(p).toMatchObject({ presenter: 'Lê Văn Khánh', role: 'direct', namedIn: { quote: 'Bí thư Tỉnh ủy Lê Văn Khánh dự hội nghị.' } });
    expect(text.slice(p!.namedIn!.start, p!.namedIn!.end)).toBe(p!.namedIn!.quote);
    expect(p!.quote).not.toContain('Lê Văn Khánh');
    expect(facts.presentationsByRole('chair', 'a')).toEqual([]);
  });
});
