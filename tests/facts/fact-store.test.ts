import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { PRESENTING_ROLES } from '../../src/facts/roles.js';
import { parseDocumentQuery } from '../../src/text/document-ids.js';
import { BUNDLED_ARTICLES, createTestApp, tempDir } from '../helpers.js';

let dir: ReturnType<typeof tempDir>;
let app: App;
beforeEach(async () => {
  dir = tempDir();
  app = await createTestApp(path.join(dir.path, 'store'));
  await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
});
afterEach(() => {
  app.close();
  dir.remove();
});

describe('stored facts', () => {
  it('are found by person, typed with or without diacritics', () => {
    for (const name of ['Vũ Đức Bảo', 'vu duc bao']) {
      const [p] = app.store.facts.presentationsByPerson(name);
      expect(p).toMatchObject({ presenter: 'Vũ Đức Bảo', source: '000_858032534c20a8a8.txt', resolutionLabels: ['28-NQ/TƯ'] });
    }
    const tuyen = app.store.facts.presentationsByPerson('Tuyến');
    expect(new Set(tuyen.map((p) => p.presenter))).toEqual(new Set(['Nguyễn Thị Tuyến']));
    expect(tuyen.filter((p) => p.role !== 'chair').map((p) => p.role).sort()).toEqual(['present', 'present', 'respond']);
  });

  it('keep the role of each act and are listed by role', () => {
    const [bao] = app.store.facts.presentationsByPerson('Vũ Đức Bảo');
    expect(bao).toMatchObject({ act: 'trình bày', role: 'present' });
    const chairs = app.store.facts.presentationsByRole('chair', bao!.articleId);
    expect(chairs.length).toBeGreaterThan(0);
    expect(chairs.every((p) => p.role === 'chair' && p.articleId === bao!.articleId && p.act === 'chủ trì')).toBe(true);
    expect(app.store.facts.presentationsByRole('respond').map((p) => p.source)).toContain('001_a336b1d5b261da7d.txt');
  });

  it('list an article\'s presentations in the order the article tells them', () => {
    const [bao] = app.store.facts.presentationsByPerson('Vũ Đức Bảo');
    const all = app.store.facts.presentationsOfArticle(bao!.articleId);
    expect(all.map((p) => p.start)).toEqual(all.map((p) => p.start).sort((a, b) => a - b));
    expect(app.store.facts.presentationsOfArticle(bao!.articleId, PRESENTING_ROLES).map((p) => p.presenter)).toEqual(['Vũ Đức Bảo', 'Lê Hồng Sơn', 'Hà Minh Hải']);
  });

  it('are found by resolution however the question writes it', () => {
    for (const written of ['28-NQ/TƯ', '28-NQ/TW', 'NQ 28', 'nghị quyết số 28']) {
      const presenters = parseDocumentQuery(written).flatMap((q) => app.store.facts.presentationsByDocument(q)).map((p) => p.presenter);
      expect(new Set(presenters)).toEqual(new Set(['Vũ Đức Bảo', 'Nguyễn Thị Tuyến', 'Đinh Tiến Dũng']));
    }
  });

  it('list the deadlines of a month and those due by a date, earliest first', () => {
    const december2020 = app.store.facts.deadlinesBetween('2020-12-01', '2020-12-31');
    expect(december2020.map((d) => d.phrase)).toEqual(['trước ngày 10/12/2020', 'trước ngày 25/12/2020', 'trong tháng 12/2020', 'hoàn thành trong tháng 12/2020']);
    expect(app.store.facts.deadlinesDueBy('2021-01-31').every((d) => d.endDate! <= '2021-01-31')).toBe(true);
  });

  it('point at the chunk that holds their quote', () => {
    const [p] = app.store.facts.presentationsByPerson('Vũ Đức Bảo');
    const [chunk] = app.store.articles.getChunks([p!.chunkId!]);
    expect(chunk!.text).toContain(p!.quote);
  });

  it('are replaced when the article changes and removed when it is deleted', async () => {
    const folder = path.join(dir.path, 'edit');
    mkdirSync(folder);
    const file = path.join(folder, '000_858032534c20a8a8.txt');
    writeFileSync(file, readFileSync(path.join(BUNDLED_ARTICLES, '000_858032534c20a8a8.txt'), 'utf8').replace('Vũ Đức Bảo', 'Vũ Văn Minh'));
    await app.ingest.ingestInputs([file]);
    expect(app.store.facts.presentationsByPerson('Vũ Đức Bảo')).toEqual([]);
    expect(app.store.facts.presentationsByPerson('Vũ Văn Minh')).toHaveLength(1);

    app.ingest.deleteArticle('000_858032534c20a8a8.txt');
    expect(app.store.facts.presentationsByPerson('Vũ Văn Minh')).toEqual([]);
    app.ingest.deleteArticle('002_cb67e36fc604a1f7.txt');
    expect(app.store.facts.allDeadlines().some((d) => d.source === '002_cb67e36fc604a1f7.txt')).toBe(false);
  });
});
