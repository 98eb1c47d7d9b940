import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean.js';

/** An official plan as a PDF or a legal site prints it: header lines, the subject in capitals over lines, sentences wrapped. */
const OFFICIAL_PLAN = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH NGHỆ AN',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 87/KH-UBND',
  'Nghệ An, ngày 04',
  'tháng 9 năm 2024',
  'KẾ HOẠCH',
  'THỰC HIỆN NGHỊ QUYẾT SỐ 36-NQ/TW VỀ PHÁT TRIỂN',
  'KINH TẾ BIỂN',
  'Thực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương, Ủy ban',
  'nhân dân tỉnh ban hành Kế hoạch thực hiện với các nhiệm vụ cụ thể cho các sở,',
  'ngành, địa phương; giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp, báo cáo trước ngày',
  '15/12/2024 để theo dõi, đôn đốc việc thực hiện các nhiệm vụ đã đề ra trong năm tới và',
  'những năm tiếp theo của giai đoạn thực hiện kế hoạch.',
].join('\n');

describe('cleanArticle on an official document printed line by line', () => {
  const article = cleanArticle(OFFICIAL_PLAN);

  it('takes the kind and the subject in capitals as the title, and the date from the date line', () => {
    expect(article.title).toBe('KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 36-NQ/TW VỀ PHÁT TRIỂN KINH TẾ BIỂN');
    expect(article.publishedDate).toBe('2024-09-04');
  });

  it('reads the number with its place and date, and each wrapped sentence whole', () => {
    expect(article.text).toContain('Số: 87/KH-UBND, Nghệ An, ngày 04 tháng 9 năm 2024');
    expect(article.text).toContain('Ủy ban nhân dân tỉnh ban hành');
    expect(article.text).toContain('báo cáo trước ngày 15/12/2024 để theo dõi');
  });

  it('keeps the header lines above the title: they are the document, not page furniture', () => {
    expect(article.text.startsWith('ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN')).toBe(true);
  });
});

describe('cleanArticle on an official document whose subject is set in sentence case', () => {
  const article = cleanArticle(
    [
      'ỦY BAN NHÂN DÂN',
      'TỈNH BẾN TRE',
      'Số: 412/KH-UBND',
      'Bến Tre, ngày 12 tháng 3 năm 2024',
      'KẾ HOẠCH',
      'Triển khai thực hiện Nghị quyết số 36-NQ/TW ngày 22 tháng 10 năm 2018 của Ban Chấp hành Trung ương Đảng khóa XII về Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045',
      'Thực hiện Chương trình hành động số 12-CTr/TU của Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Nơi nhận:',
      '- Lưu: VT.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      '(Đã ký)',
      'Nguyễn Minh Thắng',
    ].join('\n'),
  );

  it('reads the signature at the foot as one line: on whose behalf, the title, the name', () => {
    expect(article.text.endsWith('\nKT. CHỦ TỊCH, PHÓ CHỦ TỊCH Nguyễn Minh Thắng')).toBe(true);
  });

  it('keeps the subject line as the title, with the kind', () => {
    expect(article.title).toMatch(/^KẾ HOẠCH Triển khai thực hiện Nghị quyết số 36-NQ\/TW .* tầm nhìn đến năm 2045$/u);
    expect(article.text).toContain('Triển khai thực hiện Nghị quyết số 36-NQ/TW');
    expect(article.text).toContain('ban hành Kế hoạch như sau:');
    expect(article.publishedDate).toBe('2024-03-12');
  });
});

describe('cleanArticle on a news page', () => {
  it('keeps a paragraph the excerpt cut off mid-sentence and a caption without a full stop', () => {
    const page = [
      'Hội nghị lần thứ 8 Ban Chấp hành Đảng bộ tỉnh',
      '12/04/2024 | 08:30',
      'Sáng 12-4, Tỉnh ủy tổ chức Hội nghị lần thứ 8.',
      'Chánh Văn phòng Tỉnh ủy Nguyễn Văn An báo cáo về tình hình thực hiện nhiệm vụ chính trị thời gian qua',
      'Hội nghị đã thảo luận các nội dung quan trọng.',
      'Báo cáo tại hội nghị, Chủ tịch UBND tỉnh Trần Văn Bình cho biết, thời gian qua tỉnh đã tập trung chỉ đạo một số nhiệm vụ trọng tâm, trong đó có 3 nội dung quan trọng là: Luật',
    ].join('\n');
    const article = cleanArticle(page);
    expect(article.text).toContain('Nguyễn Văn An báo cáo về tình hình');
    expect(article.text).toContain('trong đó có 3 nội dung quan trọng là: Luật');
    expect(article.publishedDate).toBe('2024-04-12');
  });

  it('joins a headline broken over lines, drops a capture\'s metadata prefix and keeps its date', () => {
    const article = cleanArticle(' date 2025-09-29 Sáng 29-9, Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025- 2030 đã diễn ra phiên trù bị.\nĐại hội có 450 đại biểu chính thức.');
    expect(article.publishedDate).toBe('2025-09-29');
    expect(article.text.startsWith('Sáng 29-9, Đại hội')).toBe(true);
    expect(cleanArticle('Phát huy truyền thống của Đảng bộ, nhân dân trong tỉnh,\nnhiệm kỳ tới tỉnh đặt mục tiêu\ntrở thành tỉnh công nghiệp\nNội dung bài.').text).toContain(
      'nhân dân trong tỉnh, nhiệm kỳ tới tỉnh đặt mục tiêu trở thành tỉnh công nghiệp',
    );
  });
});
