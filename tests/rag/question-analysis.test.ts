import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/rag/question/analyze.js';

describe('analyzeQuestion', () => {
  it('reads what kind of answer a Vietnamese question wants, with or without marks', () => {
    expect(analyzeQuestion('Ai chủ trì hội nghị?').wants).toEqual(['person']);
    expect(analyzeQuestion('ai chu tri hoi nghi').acts).toEqual(['chair']);
    expect(analyzeQuestion('Hội nghị diễn ra ngày nào?').wants).toEqual(['day']);
    expect(analyzeQuestion('Kế hoạch phải hoàn thành trước ngày nào?').wants[0]).toBe('deadline');
    expect(analyzeQuestion('Hội nghị kết nối bao nhiêu điểm cầu?')).toMatchObject({ wants: ['number'], countNoun: 'diem cau' });
    expect(analyzeQuestion('Điểm cầu chính đặt ở đâu?').wants).toEqual(['place']);
    expect(analyzeQuestion('Hội nghị này của tỉnh nào?').wants).toEqual(['region']);
    expect(analyzeQuestion('Cấp ủy các cấp phải xây dựng văn bản gì?').wants).toEqual(['kind']);
    expect(analyzeQuestion('Kế hoạch số 04-KH/TU về việc gì?').wants).toEqual(['subject']);
    expect(analyzeQuestion('Kế hoạch nào triển khai Chỉ thị 35?').wants).toEqual(['document']);
    // Folded, "văn bản nào" holds "ban nào" and "kế hoạch số nào" holds "sở nào": neither asks for a body.
    expect(analyzeQuestion('Kế hoạch 12-KH/ĐU căn cứ những văn bản nào của Tỉnh ủy?').wants).toEqual(['document']);
    expect(analyzeQuestion('Kế hoạch số nào triển khai Chỉ thị 35?').wants).toEqual(['docnumber']);
    expect(analyzeQuestion('Ban nào tham mưu xây dựng kế hoạch?').wants).toEqual(['organization']);
    expect(analyzeQuestion('So nao chu tri?').wants).toEqual(['organization']);
    expect(analyzeQuestion('Thứ trưởng nào trình bày kế hoạch thực hiện Nghị quyết 66?').wants).toEqual(['person']);
    expect(analyzeQuestion('Pho Chu tich nao chu tri cuoc hop?').wants).toEqual(['person']);
    expect(analyzeQuestion('Ai được bầu làm Bí thư Huyện ủy khóa mới?').acts).toEqual(['elect']);
    expect(analyzeQuestion('Ở hội nghị sáng 27/5, vị Phó Trưởng Ban Tổ chức Tỉnh ủy nào quán triệt Chỉ thị 45?').wants).toEqual(['person']);
    expect(analyzeQuestion('On which dates was the 24th congress of the district Party organisation held?').wants).toEqual(['day']);
    // "phòng thủ năm 2023" is no "thứ năm" (fifth); "lần thứ năm" is, with or without marks.
    expect(analyzeQuestion('Diễn tập khu vực phòng thủ năm 2023 phải hoàn thành khi nào?').meetingNumbers).toEqual([]);
    expect(analyzeQuestion('Hội nghị lần thứ năm Ban Chấp hành khóa XX bàn gì?').meetingNumbers).toEqual([['5'], ['xx']]);
    expect(analyzeQuestion('hoi nghi lan thu nam ban gi?').meetingNumbers).toEqual([['5']]);
    // A clause of time says when; its verb is not the act asked about.
    expect(analyzeQuestion('Whose submission did the plenum discuss before issuing Conclusion 210-KL/TU?')).toMatchObject({ wants: ['organization', 'person'], acts: [] });
    expect(analyzeQuestion('Hội nghị thảo luận tờ trình của ai trước khi ban hành kết luận?').wants).toEqual(['organization', 'person']);
  });

  it('tells a number that names a document from a count, and a sum of money from any figure', () => {
    expect(analyzeQuestion('Kế hoạch sơ kết chương trình hành động số mấy của Thành ủy?')).toMatchObject({ wants: ['docnumber'], countNoun: null });
    expect(analyzeQuestion('Tổng số bao nhiêu đại biểu dự?')).toMatchObject({ wants: ['number'], countNoun: 'dai bieu' });
    expect(analyzeQuestion('Kinh phí thực hiện kế hoạch là bao nhiêu?')).toMatchObject({ wants: ['number'], countNoun: 'kinh phi' });
    expect(analyzeQuestion('What was the budget of the digital transformation scheme?')).toMatchObject({ wants: ['number'], countNoun: 'ngan sach' });
    expect(analyzeQuestion('What was the budget of the scheme?').groups).toContainEqual({ alternatives: [['de', 'an']] });
  });

  it('reads English questions, and the Vietnamese words their concepts are written in', () => {
    const question = analyzeQuestion('Who delivered the closing speech of the provincial Party congress on 23 September?');
    expect(question).toMatchObject({ language: 'en', wants: ['person'] });
    expect(question.acts).toContain('close');
    expect(question.groups.some((g) => g.alternatives.some((alt) => alt.join(' ') === 'dien van be mac'))).toBe(true);
    expect(question.dates).toEqual([{ day: 23, month: 9 }]);
    expect(analyzeQuestion('According to Dân trí, who addressed the session?').language).toBe('en');
    expect(analyzeQuestion('What is the number of the Politburo directive?').wants).toEqual(['docnumber']);
    expect(analyzeQuestion('Kế hoạch đó có số hiệu là gì?').wants).toEqual(['docnumber']);
  });

  it('finds the numbers that tell one meeting from another, ordinals in words included', () => {
    expect(analyzeQuestion('Hội nghị lần thứ bảy khóa XVII bàn gì?').identifiers).toEqual([['7'], ['xvii']]);
    expect(analyzeQuestion('Who chaired the seventh plenum of the 17th tenure?').identifiers).toEqual(expect.arrayContaining([['17', 'xvii'], ['7', 'vii']]));
  });

  it('splits a question in parts, each with its own kind of answer; a stretch asking nothing stays with the part before', () => {
    const question = analyzeQuestion('Đại hội diễn ra những ngày nào, phiên chính thức khai mạc hôm nào?');
    expect(question.parts.map((p) => p.wants)).toEqual([['day'], ['day']]);
    const result = analyzeQuestion('Ai trình bày dự thảo Nghị quyết Hội nghị lần thứ mười một, Ban Chấp hành Đảng bộ thành phố và kết quả biểu quyết ra sao?');
    expect(result.parts.map((p) => p.wants)).toEqual([['person'], ['result']]);
    expect(result.parts[0]!.terms).toContain('chap');
    expect(analyzeQuestion('Nghị quyết 79 và Nghị quyết 80 được quán triệt lúc mấy giờ?').parts).toEqual([]);
  });

  it('tells the clause asked about from the setting, and the object of the act from where it happened', () => {
    const question = analyzeQuestion('Tại buổi làm việc của Thủ tướng với Thành ủy sáng 17-8, ai báo cáo tình hình của thành phố?');
    expect(question.focus).toEqual(['bao', 'cao', 'tinh', 'hinh', 'thanh', 'pho']);
    expect(question.titles).toEqual([]);
    expect(analyzeQuestion('ai trinh bay bao cao tong hop y kien tai phien be mac dai hoi').actObject).toEqual(['bao', 'cao', 'tong', 'hop', 'y', 'kien']);
    expect(analyzeQuestion('ai trinh bay bao cao tai phien be mac').acts).toEqual(['present']);
  });

  it('names the outlet a question asks about', () => {
    expect(analyzeQuestion('Theo báo Lao Động, ai ký kế hoạch?').outlet).toEqual(['laodong', 'ld']);
  });
});
