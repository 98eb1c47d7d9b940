import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ensureBundledArticles } from '../../src/app.js';
import { BUNDLED_ARTICLES, createTestApp, searchSources, SEED_004, storeSnapshot, tempDir } from '../helpers.js';

let dir: ReturnType<typeof tempDir>;
let app: App;

beforeEach(async () => {
  dir = tempDir();
  app = await createTestApp(path.join(dir.path, 'store'));
});
afterEach(() => {
  app.close();
  dir.remove();
});

const chunkTexts = (articleId: string) =>
  app.store.db.prepare<[string], { text: string }>('SELECT text FROM chunks WHERE article_id = ? ORDER BY position').all(articleId).map((r) => r.text);

describe('ingesting the bundled articles', () => {
  it('adds all five with titles, dates, chunks, full-text rows and vectors', async () => {
    const summary = await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
    expect(summary.failures).toEqual([]);
    expect(summary.count('added')).toBe(5);
    const counts = app.store.articles.counts();
    expect(counts.articles).toBe(5);
    expect(app.store.vectors.index.size).toBe(counts.chunks);
    const list = app.store.articles.listArticles();
    expect(list.map((a) => a.sources[0]).sort()).toEqual([
      '000_858032534c20a8a8.txt',
      '001_a336b1d5b261da7d.txt',
      '002_cb67e36fc604a1f7.txt',
      '003_b463fc8586e5a2ca.txt',
      '004_cc5a3be2236aad9d.txt',
    ]);
    expect(list.find((a) => a.source === '001_a336b1d5b261da7d.txt')?.publishedDate).toBe('2023-01-12');
  });

  it('is what a new store gets on first use, once', async () => {
    expect((await ensureBundledArticles(app))?.count('added')).toBe(5);
    expect(await ensureBundledArticles(app)).toBeNull();
  });

  describe('when ingested again unchanged', () => {
    it('is a no-op', async () => {
      await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
      const before = storeSnapshot(app);
      const again = await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
      expect(again.count('unchanged')).toBe(5);
      expect(storeSnapshot(app)).toEqual(before);
    });
  });
});

describe('searching', () => {
  beforeEach(async () => {
    await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
  });

  it('finds a name typed without diacritics, đ included', async () => {
    const documents = await app.retriever.invoke('vu duc bao');
    expect(documents[0]?.pageContent).toContain('Vũ Đức Bảo');
  });

  it('finds the chunk about a resolution typed without diacritics', async () => {
    const documents = await app.retriever.invoke('nghi quyet 28');
    expect(documents.slice(0, 3).some((d) => d.pageContent.includes('Nghị quyết số 28-NQ/TƯ'))).toBe(true);
  });

  it('matches "da nang"-style đ folding in full-text search alone', () => {
    const hits = app.store.articles.searchText('"duc" AND "bao"', 5);
    expect(app.store.articles.getChunks(hits.map((h) => h.chunkId))[0]?.text).toContain('Vũ Đức Bảo');
  });

  it('returns passages with the offsets of their exact text in the article', async () => {
    const [top] = await app.retriever.invoke('Kế hoạch số 186-KH/TU');
    const meta = top!.metadata;
    const article = app.store.articles.getArticle(String(meta.articleId))!;
    expect(article.text.slice(Number(meta.start), Number(meta.end))).toBe(top!.pageContent);
    expect(meta.source).toBe('004_cc5a3be2236aad9d.txt');
  });

  it('treats FTS5 syntax in a question as text', async () => {
    await expect(app.retriever.invoke('"28-NQ/TƯ" AND (NOT 17/11/2022: OR')).resolves.toBeInstanceOf(Array);
  });
});

describe('when a source changes', () => {
  it('replaces the article text, its chunks and its vectors', async () => {
    const folder = path.join(dir.path, 'in');
    mkdirSync(folder);
    const file = path.join(folder, '004.txt');
    copyFileSync(SEED_004, file);
    await app.ingest.ingestInputs([file]);
    const [first] = app.store.articles.listArticles();
    const oldChunkIds = app.store.db.prepare('SELECT id FROM chunks').all().map((r) => (r as { id: number }).id);

    writeFileSync(file, readFileSync(file, 'utf8').replace('Kế hoạch số 186-KH/TU', 'Kế hoạch số 999-KH/TU'));
    const summary = await app.ingest.ingestInputs([file]);
    expect(summary.count('updated')).toBe(1);
    expect(app.store.articles.counts().articles).toBe(1);
    const [updated] = app.store.articles.listArticles();
    expect(updated!.id).toBe(first!.id);
    expect(chunkTexts(first!.id).join(' ')).toContain('999-KH/TU');
    expect(app.store.vectors.index.liveIds().some((id) => oldChunkIds.includes(id))).toBe(false);
    expect(app.store.vectors.index.size).toBe(app.store.articles.counts().chunks);
    const found = await app.retriever.invoke('Kế hoạch số 999-KH/TU');
    expect(found[0]?.pageContent).toContain('999-KH/TU');
  });
});

describe('deleting an article', () => {
  beforeEach(async () => {
    await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
  });

  it('removes it from full-text and vector search and keeps the others', async () => {
    const target = app.store.articles.listArticles().find((a) => a.source === '000_858032534c20a8a8.txt')!;
    const chunkIds = app.store.db.prepare<[string], { id: number }>('SELECT id FROM chunks WHERE article_id = ?').all(target.id).map((r) => r.id);
    expect(await searchSources(app, 'vu duc bao')).toContain('000_858032534c20a8a8.txt');

    app.ingest.deleteArticle(target.id);

    expect(await searchSources(app, 'vu duc bao')).not.toContain('000_858032534c20a8a8.txt');
    expect(app.store.articles.searchText('"bao"', 50).map((h) => h.chunkId).filter((id) => chunkIds.includes(id))).toEqual([]);
    const vectorHits = app.store.vectors.index.search(await app.model.embeddings.embedQuery('Vũ Đức Bảo trình bày Kế hoạch'), 50);
    expect(vectorHits.map((h) => h.id).filter((id) => chunkIds.includes(id))).toEqual([]);
    expect(app.store.articles.counts().articles).toBe(4);
    expect(app.store.vectors.index.size).toBe(app.store.articles.counts().chunks);
  });

  it('works by source name too, and says so when nothing matches', () => {
    app.ingest.deleteArticle('003_b463fc8586e5a2ca.txt');
    expect(app.store.articles.counts().articles).toBe(4);
    expect(() => app.ingest.deleteArticle('khong-co')).toThrow('Không có bài viết nào có mã hoặc nguồn "khong-co"');
  });

  it('survives a reopen: the deleted article stays gone from the index', async () => {
    app.ingest.deleteArticle('003_b463fc8586e5a2ca.txt');
    const live = app.store.vectors.index.liveIds().sort();
    app.close();
    app = await createTestApp(path.join(dir.path, 'store'));
    expect(app.store.openReport).toMatchObject({ index: 'loaded', vectorsAdded: 0, vectorsRemoved: 0, rebuilt: false });
    expect(app.store.vectors.index.liveIds().sort()).toEqual(live);
  });
});

describe('a reprint of the same story from another outlet', () => {
  it('is kept once, with both sources recorded', async () => {
    await app.ingest.ingestInputs([SEED_004]);
    const reprint = readFileSync(SEED_004, 'utf8')
      .replace('Quang cảnh hội nghị.', 'Ảnh: Quang cảnh hội nghị (Báo Kinh tế & Đô thị).')
      .concat('\nNguồn: Báo Kinh tế & Đô thị');
    const summary = await app.ingest.ingestDocuments([{ source: 'https://kinhtedothi.vn/bai-dang-lai.html', format: 'text', body: reprint }]);
    expect(summary.count('reprint')).toBe(1);
    expect(app.store.articles.counts().articles).toBe(1);
    expect(app.store.articles.listArticles()[0]!.sources).toEqual(['004_cc5a3be2236aad9d.txt', 'https://kinhtedothi.vn/bai-dang-lai.html']);
  });

  it('keeps the article when one of its sources is deleted', async () => {
    await app.ingest.ingestInputs([SEED_004]);
    await app.ingest.ingestDocuments([{ source: 'https://example.vn/a', format: 'text', body: readFileSync(SEED_004, 'utf8') }]);
    app.ingest.deleteArticle('004_cc5a3be2236aad9d.txt');
    const [article] = app.store.articles.listArticles();
    expect(article!.sources).toEqual(['https://example.vn/a']);
    expect(article!.source).toBe('https://example.vn/a');
  });

  it('is not confused with a different article of the same outlet', async () => {
    const summary = await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
    expect(summary.count('reprint')).toBe(0);
  });
});

describe('bad input', () => {
  beforeEach(async () => {
    await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
  });

  const cases: Array<[string, (folder: string) => string, RegExp]> = [
    ['an empty file', (f) => write(f, 'empty.txt', ''), /^empty\.txt: tệp rỗng/],
    ['a binary file', (f) => write(f, 'image.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])), /^image\.txt: là tệp nhị phân/],
    ['invalid UTF-8', (f) => write(f, 'latin1.txt', Buffer.from('Ngh\xe9 quy\xeat s\xf4 28 '.repeat(50), 'latin1')), /^latin1\.txt: không phải văn bản UTF-8/],
    ['a 30 MB file', (f) => write(f, 'huge.txt', Buffer.alloc(30 * 1024 * 1024, 'a')), /^huge\.txt: quá lớn \(30\.0 MB, giới hạn 5\.0 MB\)$/],
    ['a missing path', (f) => path.join(f, 'khong-co.txt'), /khong-co\.txt: không tìm thấy tệp hoặc thư mục$/],
    ['an unsupported file type', (f) => write(f, 'report.xlsx', 'PK'), /report\.xlsx: định dạng không hỗ trợ/],
    ['a .docx that is not one', (f) => write(f, 'report.docx', 'Kế hoạch số 12'), /^report\.docx: không phải tệp DOCX hợp lệ/],
    ['a damaged PDF', (f) => write(f, 'plan.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog'), /^plan\.pdf: tệp PDF hỏng hoặc không đọc được/],
    ['an HTML page with no article', (f) => write(f, 'menu.html', '<html><body><nav><a href="/">Trang chủ</a></nav></body></html>'), /^menu\.html: (trang không có nội dung bài viết|không tìm thấy nội dung bài viết)/],
    ['malformed HTML with no article', (f) => write(f, 'broken.html', '<html><body><div><p>Xin chào<div></span></table>'), /^broken\.html: (trang không có nội dung bài viết|không tìm thấy nội dung bài viết)/],
  ];

  it.each(cases)('%s gets a clear one-line error and changes nothing', async (_, make, message) => {
    const folder = path.join(dir.path, 'bad');
    mkdirSync(folder, { recursive: true });
    const input = make(folder);
    const before = storeSnapshot(app);
    const summary = await app.ingest.ingestInputs([input]);
    expect(summary.results).toEqual([]);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]!.message).toMatch(message);
    expect(summary.failures[0]!.message).not.toContain('\n');
    expect(storeSnapshot(app)).toEqual(before);
  });

  it('does not stop the good inputs of the same run', async () => {
    const folder = path.join(dir.path, 'mixed');
    mkdirSync(folder);
    write(folder, 'a-empty.txt', '');
    const good = write(folder, 'b-good.txt', readFileSync(SEED_004, 'utf8').replace('186-KH/TU', '187-KH/TU').replace(/Nguyễn Thị Tuyến/g, 'Trần Văn Nam') + '\nMột đoạn mới hoàn toàn khác với bài gốc về chuyển đổi số và khoa học công nghệ của thành phố trong năm 2024.');
    const summary = await app.ingest.ingestInputs([folder]);
    expect(summary.failures.map((f) => f.input)).toEqual(['a-empty.txt']);
    expect(summary.results.map((r) => r.source)).toEqual([path.basename(good)]);
  });
});

function write(folder: string, name: string, content: string | Buffer): string {
  const file = path.join(folder, name);
  writeFileSync(file, content);
  return file;
}
