import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayMonthOf, findDateSpans } from '../../src/text/date-spans.js';

const spans = (text: string) => findDateSpans(text).map((s) => [s.kind, s.text]);

describe('findDateSpans', () => {
  it('finds days however they are written, keeping the surface form', () => {
    expect(spans('Ngày 15/7/2019, Ban Chấp hành họp; sáng 23-9 khai mạc')).toEqual([['day', '15/7/2019'], ['day', '23-9']]);
    expect(spans('ký ngày 3 tháng 07 năm 2024, hoàn thành trước ngày 30 tháng 7')).toEqual([['day', 'ngày 3 tháng 07 năm 2024'], ['day', 'ngày 30 tháng 7']]);
    expect(spans('ban hành ngày 13-2-2018')).toEqual([['day', '13-2-2018']]);
  });

  it('finds ranges, months, quarters, periods and times of day', () => {
    expect(spans('diễn ra từ ngày 21 đến 23/9/2025 tại Nha Trang')).toEqual([['day-range', 'từ ngày 21 đến 23/9/2025']]);
    expect(spans('trong tháng 3.2021, cuối quý 2/2021, Quý III/2023, quý I-2022')).toEqual([
      ['month', 'tháng 3.2021'],
      ['quarter', 'cuối quý 2/2021'],
      ['quarter', 'Quý III/2023'],
      ['quarter', 'quý I-2022'],
    ]);
    expect(spans('6 tháng cuối năm 2019, giai đoạn 2016-2020 và nhiệm kỳ 2025 - 2030')).toEqual([
      ['period', '6 tháng cuối năm 2019'],
      ['period', 'giai đoạn 2016-2020'],
      ['period', 'nhiệm kỳ 2025 - 2030'],
    ]);
    expect(spans('hội nghị diễn ra từ 8 giờ đến 11 giờ; 8h30: trình bày')).toEqual([['time', 'từ 8 giờ đến 11 giờ'], ['time', '8h30']]);
  });

  it('takes counts and growth figures for what they are, not dates', () => {
    expect(spans('68/68 đảng bộ, 91/1447 cơ sở, tăng 6,5 - 7%, 1.250 người')).toEqual([]);
  });

  it('reads day and month (and year) of a day span', () => {
    expect(dayMonthOf({ kind: 'day', text: 'ngày 3 tháng 07 năm 2024' })).toEqual({ day: 3, month: 7, year: 2024 });
    expect(dayMonthOf({ kind: 'day', text: '23-9' })).toEqual({ day: 23, month: 9 });
    expect(dayMonthOf({ kind: 'day-range', text: 'từ ngày 21 đến 23/9/2025' })).toEqual({ day: 23, month: 9, year: 2025 });
  });

  it('returns exact, ordered, non-overlapping slices of any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ngày ', '15/7/2019', ' tháng 12/2020', 'quý II/2025', ' và ', '23-9', '8h30', 'năm 2030', '68/68', ', ', 'x'), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const found = findDateSpans(text);
        found.forEach((span, i) => {
          expect(text.slice(span.start, span.end)).toBe(span.text);
          if (i > 0) expect(span.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
        });
      }),
    );
  });
});
