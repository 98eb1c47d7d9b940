import { describe, expect, it } from 'vitest';
import { foldDiacritics, foldForMatch, normalizeText } from '../../src/text/normalize.js';

describe('foldDiacritics', () => {
  it('removes every Vietnamese mark, including the stroke of đ and Đ', () => {
    expect(foldDiacritics('Vũ Đức Bảo, Nghị quyết, Đà Nẵng, Thành ủy')).toBe('Vu Duc Bao, Nghi quyet, Da Nang, Thanh uy');
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(foldDiacritics('Nghị quyết'.normalize('NFD'))).toBe('Nghi quyet');
  });

  it('makes old and new tone placement meet (uỷ / ủy)', () => {
    expect(foldForMatch('Thành uỷ')).toBe(foldForMatch('Thành ủy'));
  });
});

describe('normalizeText', () => {
  it('composes to NFC and collapses spaces, no-break spaces and blank lines', () => {
    const text = normalizeText('Nghị quyết'.normalize('NFD') + '\u00a0\u00a0số 28\r\n\r\n\r\n\u200btiếp ');
    expect(text).toBe('Nghị quyết số 28\n\ntiếp');
    expect(text.normalize('NFC')).toBe(text);
  });
});
