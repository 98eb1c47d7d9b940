import { describe, expect, it } from 'vitest';
import { canonicalDocumentId, findDocumentMentions, matchesDocumentQuery, parseDocumentQuery } from '../../src/text/document-ids.js';

describe('canonicalDocumentId', () => {
  it('makes every way of writing one resolution meet', () => {
    for (const written of ['28-NQ/TƯ', '28-NQ/TW', '28-nq/tw', '028-NQ/TƯ']) expect(canonicalDocumentId(written)).toBe('28-NQ/TW');
  });

  it('keeps TU (Thành ủy) apart from TƯ (Trung ương)', () => {
    expect(canonicalDocumentId('04-KH/TU')).toBe('4-KH/TU');
    expect(canonicalDocumentId('04-KH/TU')).not.toBe(canonicalDocumentId('04-KH/TƯ'));
  });

  it('handles symbols with years, agencies and đ', () => {
    expect(canonicalDocumentId('96/2023/QH15')).toBe('96/2023/QH15');
    expect(canonicalDocumentId('5418/UBND-TKBT')).toBe('5418/UBND-TKBT');
    expect(canonicalDocumentId('96-QĐ/TƯ')).toBe('96-QD/TW');
    expect(canonicalDocumentId('15-CTr/TU')).toBe('15-CTR/TU');
  });
});

describe('findDocumentMentions', () => {
  it('reads kind, issuing date (with / or -) and issuer', () => {
    const [a, b] = findDocumentMentions('theo Quy định số 96-QĐ/TƯ ngày 2/2/2023 của Bộ Chính trị và Nghị quyết số 28-NQ/TƯ ngày 17-11-2022 của Hội nghị');
    expect(a).toMatchObject({ raw: 'Quy định số 96-QĐ/TƯ', label: '96-QĐ/TƯ', kind: 'Quy định', issuedDate: '2023-02-02', issuer: 'Bộ Chính trị' });
    expect(b).toMatchObject({ canonicalId: '28-NQ/TW', kind: 'Nghị quyết', issuedDate: '2022-11-17' });
    expect(findDocumentMentions('Nghị quyết số 29-NQ/TW ngày 17 tháng 11 năm 2022 của Ban Chấp hành')[0]).toMatchObject({ issuedDate: '2022-11-17' });
  });

  it('ignores year ranges and other numbers', () => {
    expect(findDocumentMentions('giai đoạn 2020-2025, Covid-19, lúc 14:48, ngày 12/01/2023')).toEqual([]);
  });
});

describe('parseDocumentQuery', () => {
  it.each([
    ['Ai trình bày kế hoạch thực hiện Nghị quyết 28?', [{ symbol: 'NQ', number: '28' }]],
    ['nghi quyet so 19 nong nghiep', [{ symbol: 'NQ', number: '19' }]],
    ['NQ 28 và KH 04', [{ symbol: 'NQ', number: '28' }, { symbol: 'KH', number: '4' }]],
    ['Who presented the plan for Resolution 06-NQ/TW?', [{ canonicalId: '6-NQ/TW', symbol: 'NQ', number: '6' }]],
    ['kế hoạch 04', [{ symbol: 'KH', number: '4' }]],
    ['hội nghị quán triệt Nghị quyết số 66 và 68', [{ symbol: 'NQ', number: '66' }, { symbol: 'NQ', number: '68' }]],
    ['nghi quyet 18, 19 va 20', [{ symbol: 'NQ', number: '18' }, { symbol: 'NQ', number: '19' }, { symbol: 'NQ', number: '20' }]],
  ])('%s', (question, expected) => {
    expect(parseDocumentQuery(question)).toEqual(expected);
  });

  it('matches stored ids by number and kind', () => {
    const [nq28] = parseDocumentQuery('NQ 28');
    expect(matchesDocumentQuery('28-NQ/TW', nq28!)).toBe(true);
    expect(matchesDocumentQuery('28-KH/TU', nq28!)).toBe(false);
    expect(matchesDocumentQuery('280-NQ/TW', nq28!)).toBe(false);
  });
});
