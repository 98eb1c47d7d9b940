import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../src/text/quantities.js';

const quantities = (text: string) => findQuantities(text).map((q) => [q.text, q.noun]);

describe('findQuantities', () => {
  it('keeps a figure with its qualifier and what it counts', () => {
    expect(quantities('Hội nghị kết nối tới 424 điểm cầu trong toàn Khối với hơn 17.350 đại biểu.')).toEqual([
      ['424 điểm cầu', 'diem cau'],
      ['hơn 17.350 đại biểu', 'dai bieu'],
    ]);
    expect(quantities('có 68/68 đảng bộ trực thuộc đã hoàn thành')).toEqual([['68/68 đảng bộ', 'dang bo']]);
    expect(quantities('đã chọn 91/1447 (= 6,29 %) đảng bộ, chi bộ cơ sở')).toEqual([['91/1447 (= 6,29 %) đảng bộ', 'dang bo']]);
  });

  it('reads ranges, shares, sums of money and numbers in words', () => {
    expect(quantities('tăng trưởng 6,5 - 7% mỗi năm, huy động trên 10.950 tỷ đồng')).toEqual([
      ['6,5 - 7%', null],
      ['trên 10.950 tỷ đồng', null],
    ]);
    expect(quantities('quán triệt hai nghị quyết của Bộ Chính trị')).toEqual([['hai nghị quyết', 'nghi quyet']]);
  });

  it('never takes a date, a document number, "năm qua" or an idiom with "một" for a figure', () => {
    expect(quantities('Ngày 15/7/2019, Nghị quyết 28-NQ/TW; những năm qua')).toEqual([]);
    expect(quantities('triển khai một cách đồng bộ, một số nội dung, một phần kinh phí')).toEqual([]);
    expect(quantities('tổ chức một hội nghị')).toEqual([['một hội nghị', 'hoi nghi']]);
  });
});
