import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean.js';
import { BUNDLED_ARTICLES, SEED_004 } from '../helpers.js';

const seed = (name: string) => cleanArticle(readFileSync(path.join(BUNDLED_ARTICLES, name), 'utf8'));

describe('cleanArticle on the bundled pages', () => {
  it('drops the related-article tail of 004 and keeps the article', () => {
    const article = cleanArticle(readFileSync(SEED_004, 'utf8'));
    expect(article.text).not.toContain('Xe container bốc cháy');
    expect(article.text).not.toContain('Tin khác');
    expect(article.text).not.toContain('Có thể bạn quan tâm');
    expect(article.text).not.toContain('Chỉ đạo - Điều hành');
    expect(article.text).not.toContain('![]()');
    expect(article.text).not.toContain('|');
    expect(article.text).toContain('Kế hoạch số 186-KH/TU ngày 25/10/2023');
    expect(article.text.trimEnd()).toMatch(/sở, ban, ngành Thành phố…$/);
    expect(article.title).toBe('Sẽ lấy phiếu tín nhiệm đối với lãnh đạo Thành ủy vào tháng 12/2023');
  });

  it('finds the headline under a section label and the printed publication date', () => {
    const article = seed('001_a336b1d5b261da7d.txt');
    expect(article.title).toBe('Tiếp tục đổi mới phương thức lãnh đạo, nâng cao hiệu lực, hiệu quả');
    expect(article.publishedDate).toBe('2023-01-12');
    expect(article.text).not.toContain('Thông tin hoạt động của Thành phố');
    expect(article.text).not.toContain('Lượt xem');
    expect(article.text).not.toContain('Bình chọn');
    expect(article.text).not.toContain('thành phố thông minh');
  });

  it('reads a stamp written time first', () => {
    expect(seed('003_b463fc8586e5a2ca.txt').publishedDate).toBe('2021-06-09');
  });

  it('leaves the date unknown when the page prints none', () => {
    expect(seed('000_858032534c20a8a8.txt').publishedDate).toBeNull();
    expect(seed('002_cb67e36fc604a1f7.txt').publishedDate).toBeNull();
  });

  it('drops run-together related headlines, the repeated headline and the mobile-version link', () => {
    const article = seed('000_858032534c20a8a8.txt');
    expect(article.text).not.toContain('Quý III/2023');
    expect(article.text).not.toContain('Phiên bản di động');
    expect(article.text.split('Chủ động nghiên cứu, xây dựng chương trình').length).toBe(2);
    expect(article.text).toContain('Vũ Đức Bảo trình bày Kế hoạch');
  });

  it('gives a page that starts with its lead a title from the first sentence', () => {
    const article = seed('002_cb67e36fc604a1f7.txt');
    expect(article.title.startsWith('Đây là những yêu cầu trong Kế hoạch số 04-KH/TU')).toBe(true);
    expect(article.title.length).toBeLessThanOrEqual(141);
    expect(article.text).toContain('hoàn thành trước ngày 15/1/2021');
  });
});

describe('cleanArticle on other pages', () => {
  it('cuts a "Tin liên quan" block and its timestamped headlines', () => {
    const page = [
      'UBND tỉnh Nghệ An ban hành kế hoạch chuyển đổi số',
      'Thứ Hai, 3/4/2023 10:15 (GMT+7)',
      'Sáng 3/4, UBND tỉnh Nghệ An ban hành Kế hoạch số 120/KH-UBND về chuyển đổi số năm 2023, giao Sở Thông tin và Truyền thông chủ trì.',
      'Kế hoạch yêu cầu các sở, ngành báo cáo kết quả trước ngày 30/6/2023.',
      'Tin liên quan',
      'Nghệ An đẩy mạnh cải cách hành chính',
      'Thời sự 02/04/2023 09:00',
    ].join('\n');
    const article = cleanArticle(page);
    expect(article.title).toBe('UBND tỉnh Nghệ An ban hành kế hoạch chuyển đổi số');
    expect(article.publishedDate).toBe('2023-04-03');
    expect(article.text).toContain('trước ngày 30/6/2023');
    expect(article.text).not.toContain('cải cách hành chính');
  });

  it('keeps the article that goes on under a "Tin liên quan" box inside it, without the box', () => {
    const page = [
      'Khai mạc kỳ họp thứ 15 HĐND tỉnh khóa XVII',
      'Thứ Tư, 10/07/2024 - 09:05',
      'Sáng 10/7, HĐND tỉnh Quảng Trị khai mạc kỳ họp thứ 15. Chủ tịch HĐND tỉnh Lê Văn Hòa chủ trì kỳ họp.',
      'Tin liên quan',
      '• Kỳ họp thứ 15 sẽ xem xét 20 dự thảo nghị quyết',
      'Tại phiên khai mạc, Phó Chủ tịch UBND tỉnh Trương Minh Đức trình bày Tờ trình về dự thảo Nghị quyết quy định mức hỗ trợ cán bộ cơ sở.',
      'Kỳ họp diễn ra trong 2 ngày, xem xét 20 dự thảo nghị quyết, trong đó có nghị quyết điều chỉnh kế hoạch đầu tư công trung hạn.',
    ].join('\n');
    const article = cleanArticle(page);
    expect(article.text).toContain('Trương Minh Đức trình bày Tờ trình');
    expect(article.text).toContain('Kỳ họp diễn ra trong 2 ngày');
    expect(article.text).not.toContain('Tin liên quan');
    expect(article.text).not.toContain('• Kỳ họp');
  });

  it('joins a long paragraph a copy broke before a capitalised word, and drops the share buttons', () => {
    const page = [
      'Hội nghị quán triệt Nghị quyết số 68-NQ/TW',
      '07/06/2025 - 10:48',
      'Sáng 7/6, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt nghị quyết.',
      'Tại hội nghị, đồng chí Lê Văn Minh, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo phát triển doanh nghiệp của tỉnh truyền đạt những nội dung cơ bản và toàn văn',
      'Nghị quyết số 68-NQ/TW về phát triển kinh tế tư nhân.',
      'Chia sẻ Facebook',
    ].join('\n');
    const article = cleanArticle(page);
    expect(article.text).toContain('toàn văn Nghị quyết số 68-NQ/TW về phát triển kinh tế tư nhân.');
    expect(article.text).not.toContain('Chia sẻ');
  });

  it('never invents an impossible date', () => {
    expect(cleanArticle('Tiêu đề bài\n31/02/2023 | 08:00\nNội dung bài viết.').publishedDate).toBeNull();
  });
});
