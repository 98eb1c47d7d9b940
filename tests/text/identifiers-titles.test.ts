import { describe, expect, it } from 'vitest';
import { identifierTokens } from '../../src/text/identifiers.js';
import { titlePhrasesIn, titlesAfter, titlesBefore } from '../../src/text/titles.js';

describe('identifierTokens', () => {
  it('reads ordinals in words as numbers, so one meeting is one meeting however written', () => {
    expect(identifierTokens('Hội nghị lần thứ bảy')).toEqual(identifierTokens('Hội nghị lần thứ 7'));
    expect(identifierTokens('chuyên đề thứ nhất, lần thứ mười một, lần thứ hai mươi')).toEqual(['1', '11', '20']);
  });

  it('keeps Roman numerals that count a term or congress, and numbers without leading zeros', () => {
    expect(identifierTokens('Đại hội XIII, khóa XVII, lần thứ I, Hội nghị 02')).toEqual(['xiii', 'xvii', 'i', '2']);
  });
});

describe('titles beside a name', () => {
  it('takes the chain before a name back over commas, stopping at a list introduction', () => {
    const text = 'Dự buổi làm việc có các đồng chí: Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn đại biểu Quốc hội thành phố Bùi Thị Minh Hoài; …';
    expect(titlesBefore(text, text.indexOf('Bùi'))).toBe('Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn đại biểu Quốc hội thành phố');
  });

  it('takes the chain after a name up to the verb', () => {
    const text = 'Tại Phiên bế mạc, đồng chí Nguyễn Khắc Hà, Phó Bí thư Tỉnh ủy trình bày dự thảo';
    expect(titlesAfter(text, text.indexOf(', Phó'))).toBe('Phó Bí thư Tỉnh ủy');
    const other = 'đồng chí Phạm Minh Chính, Ủy viên Bộ Chính trị, Thủ tướng Chính phủ có buổi làm việc với Ban Thường vụ';
    expect(titlesAfter(other, other.indexOf(', Ủy'))).toBe('Ủy viên Bộ Chính trị, Thủ tướng Chính phủ');
  });

  it('finds the titles a question asks about, not those that describe a person it names', () => {
    expect(titlePhrasesIn('Bí thư Thành ủy Hà Nội dự buổi làm việc là ai?')).toEqual(['bi thu thanh uy']);
    expect(titlePhrasesIn('Tại buổi làm việc của Thủ tướng Phạm Minh Chính, ai báo cáo?')).toEqual([]);
    // A head that needs what follows it is no title alone: "tổng kết" asks for no "Tổng …".
    expect(titlePhrasesIn('Ai báo cáo tại hội nghị tổng kết, sơ kết quý I?')).toEqual([]);
    expect(titlePhrasesIn('Tổng Bí thư dự hội nghị tổng kết là ai?')).toEqual(['tong bi thu']);
  });
});
