import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeadlinePhrases } from '../../src/text/deadline-phrases.js';
import { writtenDates, yearReference } from '../../src/text/year-inference.js';

const settings = { numRuns: 200, seed: 20_240_602 };
const after2024 = { date: '2024-03-01', why: 'ngày hội nghị', direction: 'after' as const };
const only = (sentence: string, reference = after2024) => {
  const found = findDeadlinePhrases(sentence, reference);
  expect(found).toHaveLength(1);
  return found[0]!;
};

const tasks = ['Các huyện hoàn thành rà soát hồ sơ', 'Sở Nội vụ trình dự thảo đề án', 'Các chi bộ tổ chức học tập nghị quyết', 'Văn phòng Tỉnh ủy tổng hợp báo cáo'];
const romans = ['I', 'II', 'III', 'IV'] as const;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('deadline phrases', () => {
  it('reads a day however it is written', () => {
    fc.assert(
      fc.property(fc.constantFrom(...tasks), fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (task, year, month, day) => {
        const mm = String(month).padStart(2, '0');
        for (const written of [`${day}/${month}/${year}`, `${day}-${month}-${year}`, `${day}.${mm}.${year}`, `${day} tháng ${mm} năm ${year}`]) {
          expect(only(`${task} trước ngày ${written}.`)).toMatchObject({ kind: 'before_date', start: null, end: iso(year, month, day) });
        }
      }),
      settings,
    );
  });

  it('gives a day without a year the year after the reference', () => {
    expect(only('Các lớp hoàn thành trước ngày 30 tháng 7.')).toMatchObject({ kind: 'before_date', end: '2024-07-30' });
    expect(only('Các lớp hoàn thành trước ngày 15/1.')).toMatchObject({ end: '2025-01-15' });
    expect(findDeadlinePhrases('Các lớp hoàn thành trước ngày 30 tháng 7.', null)).toEqual([]);
  });

  it('reads quarters: within, at the end of, and from', () => {
    fc.assert(
      fc.property(fc.constantFrom(...tasks), fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 0, max: 3 }), (task, year, q) => {
        const [first, last] = [q * 3 + 1, q * 3 + 3];
        const range = { start: iso(year, first, 1), end: iso(year, last, daysIn(year, last)) };
        for (const numeral of [romans[q]!, String(q + 1)]) {
          expect(only(`${task} trong quý ${numeral}/${year}.`)).toMatchObject({ kind: 'quarter', ...range });
          expect(only(`${task} từ Quý ${numeral}/${year}.`)).toMatchObject({ kind: 'from_quarter', ...range });
          expect(only(`${task} vào cuối quý ${numeral}/${year}.`)).toMatchObject({ kind: 'late_quarter', start: iso(year, last, 1), end: range.end });
        }
      }),
      settings,
    );
  });

  it('reads months, with the year after a slash, a dot or "năm"', () => {
    expect(only('Thời gian hoàn thành trong tháng 3.2021.')).toMatchObject({ kind: 'within_month', start: '2021-03-01', end: '2021-03-31' });
    expect(only('Tổ chức hội nghị vào cuối tháng 2/2024.')).toMatchObject({ kind: 'late_month', start: '2024-02-21', end: '2024-02-29' });
    expect(only('Trình dự thảo vào đầu tháng 3 năm 2024.')).toMatchObject({ kind: 'early_month', end: '2024-03-10' });
  });

  it('takes the day a rule sets as the deadline itself', () => {
    expect(only('Các đảng bộ đã hoàn thành đại hội, sớm hơn so với Trung ương quy định là ngày 30/6/2025.')).toMatchObject({ kind: 'by_date', end: '2025-06-30' });
    expect(only('Hạn chót nộp hồ sơ là ngày 12-10-2018.')).toMatchObject({ kind: 'by_date', end: '2018-10-12' });
    expect(findDeadlinePhrases('Ngày khai mạc là ngày 12-10-2018.', after2024)).toEqual([]);
  });

  it('reads the time column of a plan: "Thời gian thực hiện: …"', () => {
    expect(only('Thời gian thực hiện: Quý IV/2024.')).toMatchObject({ kind: 'quarter', start: '2024-10-01', end: '2024-12-31' });
    expect(only('Thời gian: tháng 10/2024.')).toMatchObject({ kind: 'within_month', end: '2024-10-31' });
    expect(only('Thời hạn: ngày 30/12/2024.')).toMatchObject({ kind: 'by_date', end: '2024-12-30' });
    expect(findDeadlinePhrases('Hội nghị tổng kết tháng 10/2024 diễn ra ngày 30/12/2024.', after2024)).toEqual([]);
  });

  it('leaves periods and named quarters alone', () => {
    for (const sentence of [
      'Kế hoạch thực hiện trong giai đoạn 2021-2025.',
      'Hội nghị thảo luận nhiệm vụ 6 tháng cuối năm 2024.',
      'Báo cáo kết quả công tác quý III/2024 và phương hướng nhiệm vụ quý IV/2024.',
      'Hội nghị thông tin chuyên đề quý I/2024 diễn ra trực tuyến.',
      'Tỉnh phấn đấu đến năm 2030 trở thành tỉnh khá.',
      'Đại hội nhiệm kỳ 2025-2030 diễn ra từ ngày 14 đến 16/10/2025.',
    ]) {
      expect(findDeadlinePhrases(sentence, after2024)).toEqual([]);
    }
  });

  it('returns only real dates, in order, never overlapping', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('trước ngày 31/2/2024', 'trong quý IV/2025', 'vào cuối tháng 13/2024', 'từ Quý V/2023', 'trước ngày 29 tháng 2', 'hoàn thành trong năm 2026', ', '), { maxLength: 6 }), (parts) => {
        const found = findDeadlinePhrases(`Các sở ${parts.join(' ')}.`, after2024);
        for (const phrase of found) {
          for (const day of [phrase.start, phrase.end]) if (day) expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
        }
        found.slice(1).forEach((phrase, i) => expect(phrase.index).toBeGreaterThanOrEqual(found[i]!.index + found[i]!.phrase.length));
      }),
      settings,
    );
  });
});

describe('the year of a date the text leaves without one', () => {
  it('comes from the page date, else the documents cited, else the latest full date written', () => {
    expect(yearReference('2024-05-02', ['2023-01-01'], ['2022-05-05'])).toMatchObject({ date: '2024-05-02', direction: 'before' });
    expect(yearReference(null, [null, '2023-01-01'], ['2022-05-05'])).toMatchObject({ date: '2023-01-01', direction: 'after' });
    expect(yearReference(null, [null], writtenDates('Thực hiện Nghị quyết số 15-NQ / TU ngày 5-5-2022 và văn bản ngày 3 tháng 2 năm 2021 …'))).toMatchObject({
      date: '2022-05-05',
      direction: 'after',
    });
    expect(writtenDates('ngày 31/2/2024, ngày 12-13-2024')).toEqual([]);
  });
});
