import { describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../src/embeddings/local-hash-embeddings.js';

const embeddings = new LocalHashEmbeddings();
const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);

describe('LocalHashEmbeddings', () => {
  it('is deterministic and unit length', async () => {
    const [a] = await embeddings.embedDocuments(['Nghị quyết số 28-NQ/TƯ']);
    const b = await new LocalHashEmbeddings().embedQuery('Nghị quyết số 28-NQ/TƯ');
    expect(a).toEqual(b);
    expect(cosine(a!, a!)).toBeCloseTo(1, 6);
    expect(a).toHaveLength(embeddings.dimensions);
  });

  it('puts a question typed without diacritics next to the passage that has them', async () => {
    const passage = await embeddings.embedQuery('Trưởng ban Tổ chức Thành ủy Vũ Đức Bảo trình bày Kế hoạch thực hiện Nghị quyết số 28-NQ/TƯ');
    const other = await embeddings.embedQuery('Phó Chủ tịch UBND TP Hà Minh Hải trình bày Dự thảo Chương trình hành động thực hiện Nghị quyết số 29-NQ/TƯ');
    const question = await embeddings.embedQuery('vu duc bao trinh bay ke hoach nao');
    expect(cosine(question, passage)).toBeGreaterThan(cosine(question, other) + 0.1);
  });

  it('gives the vector stores made by earlier versions with the same model id hold', () => {
    // Recorded from the version that counted feature strings; a store keeps vectors across upgrades under one model id.
    const vector = embeddings.embed('Phó Chủ tịch UBND tỉnh Nguyễn Văn Đức trình bày Kế hoạch số 25-KH/TU thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.');
    expect(vector.filter((x) => x !== 0)).toHaveLength(73);
    expect([vector[24], vector[40], vector[42], vector[52]]).toEqual([0.11622064304148462, 0.04519691673835513, 0.11622064304148462, -0.04519691673835513]);
    expect(vector.reduce((sum, x) => sum + x, 0)).toBeCloseTo(1.8021606674894648, 12);
  });

  it('changes its model id with its dimensions, so stored vectors are never mixed', () => {
    expect(new LocalHashEmbeddings({ dimensions: 256 }).modelId).not.toBe(embeddings.modelId);
  });
});
