import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';

const facts = (text: string, publishedDate: string | null = null, title = 'Tin hoạt động') => extractFacts({ title, text: `${title}\n${text}`, publishedDate });
const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0]!;
};

describe('presentation events in other shapes', () => {
  it('reads a provincial Party committee and a province name that looks like a family name', () => {
    const p = only(
      facts('Sáng 14/3/2024, Tỉnh ủy Lâm Đồng tổ chức hội nghị. Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Lâm Đồng Trần Văn Hiệp trình bày Kế hoạch số 112-KH/TU thực hiện Nghị quyết số 57-NQ/TW ngày 22-12-2024 của Bộ Chính trị.')
        .presentations,
    );
    expect(p).toMatchObject({ presenter: 'Trần Văn Hiệp', titles: ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh Lâm Đồng'], act: 'trình bày', resolutions: ['57-NQ/TW'], documentIds: ['112-KH/TU'], eventDate: '2024-03-14' });
  });

  it('reads a chair named before a group named by title, and a closing speech by the chair\'s title alone', () => {
    const found = facts(
      [
        'Chủ trì hội nghị có đồng chí Hà Minh Quân, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng đoàn đại biểu Quốc hội tỉnh; cùng các đồng chí Phó Bí thư Tỉnh ủy.',
        'Đồng chí Lý Thu Trang, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh trình bày Chương trình hành động số 18-CTr/TU thực hiện Nghị quyết số 57-NQ/TW.',
        'Phát biểu kết luận hội nghị, đồng chí Bí thư Tỉnh ủy nhấn mạnh khoa học, công nghệ là động lực phát triển.',
      ].join(' '),
    ).presentations;
    expect(found.map((p) => [p.presenter, p.act])).toEqual([
      ['Hà Minh Quân', 'chủ trì'],
      ['Lý Thu Trang', 'trình bày'],
      ['Hà Minh Quân', 'phát biểu kết luận'],
    ]);
    expect(found[2]!.namedIn?.quote).toMatch(/^Chủ trì hội nghị có đồng chí Hà Minh Quân/);
  });

  it('reads the passive "… do đồng chí X trình bày"', () => {
    const p = only(facts('Dự thảo Chương trình hành động thực hiện Nghị quyết số 29-NQ/TW do đồng chí Nguyễn Hồng Diên, Ủy viên Ban Thường vụ Tỉnh ủy, trình bày.').presentations);
    expect(p).toMatchObject({ presenter: 'Nguyễn Hồng Diên', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy'], resolutions: ['29-NQ/TW'] });
    expect(p.document).toMatch(/^Dự thảo Chương trình hành động/);
  });

  it('reads "X, Giám đốc Sở Y, báo cáo …" with the name first', () => {
    const p = only(facts('Ông Lê Quang Huy, Giám đốc Sở Kế hoạch và Đầu tư, báo cáo tóm tắt Đề án phát triển kinh tế tập thể giai đoạn 2024-2030.').presentations);
    expect(p).toMatchObject({ presenter: 'Lê Quang Huy', titles: ['Giám đốc Sở Kế hoạch và Đầu tư'], act: 'báo cáo tóm tắt' });
    expect(p.document).toMatch(/^Đề án phát triển kinh tế tập thể/);
  });

  it.each([
    ['two syllables', 'Phó Chủ tịch HĐND tỉnh Lò Hùng trình bày Tờ trình về kế hoạch đầu tư công năm 2025.', 'Lò Hùng'],
    ['four syllables', 'Trưởng ban Dân vận Tỉnh ủy Tôn Nữ Thị Ninh trình bày Báo cáo chuyên đề về công tác dân vận.', 'Tôn Nữ Thị Ninh'],
    ['five syllables', 'Chủ tịch Ủy ban MTTQ tỉnh Nguyễn Hoàng Bảo Trân Anh trình bày Chương trình phối hợp năm 2025.', 'Nguyễn Hoàng Bảo Trân Anh'],
  ])('finds a name of %s', (_, sentence, name) => {
    expect(only(facts(sentence).presentations).presenter).toBe(name);
  });

  it('reads "tiếp thu, giải trình" on behalf of a body, with several resolutions', () => {
    const p = only(
      facts('Tiếp đó, Phó Chủ tịch UBND tỉnh Nghệ An Bùi Đình Long đã thay mặt Ban Cán sự đảng UBND tỉnh tiếp thu, giải trình các ý kiến về Chương trình thực hiện Nghị quyết số 39-NQ/TW của Bộ Chính trị; Nghị quyết số 26-NQ/TW của Bộ Chính trị.').presentations,
    );
    expect(p).toMatchObject({ presenter: 'Bùi Đình Long', act: 'thay mặt Ban Cán sự đảng UBND tỉnh tiếp thu, giải trình', resolutions: ['39-NQ/TW', '26-NQ/TW'] });
  });

  it('does not take a caption with no document for an event', () => {
    expect(facts('Phó Chủ tịch UBND tỉnh Bùi Đình Long phát biểu giải trình, làm rõ một số ý kiến tại hội nghị.').presentations).toEqual([]);
  });

  it('does not take a place or a body for a person', () => {
    expect(facts('UBND thành phố Hải Phòng trình bày Kế hoạch số 20-KH/UBND về chuyển đổi số.').presentations).toEqual([]);
    expect(facts('Sở Tài chính báo cáo Kế hoạch tài chính năm 2025.').presentations).toEqual([]);
  });

  it('leaves the year unknown when nothing in the article gives it', () => {
    const p = only(facts('Chiều 6/12, Giám đốc Sở Nội vụ Phạm Văn Tuấn trình bày Đề án sắp xếp đơn vị hành chính.').presentations);
    expect(p).toMatchObject({ eventDate: null, eventDateRaw: 'Chiều 6/12', eventDateInference: null });
  });
});

describe('deadlines in other shapes', () => {
  it.each([
    ['trước ngày 10-12-2020', 'Các sở, ngành gửi báo cáo về Sở Nội vụ trước ngày 10-12-2020.', { kind: 'before_date', startDate: null, endDate: '2020-12-10' }],
    ['a date with dots', 'Các huyện hoàn thành việc rà soát trước ngày 15.1.2021.', { kind: 'before_date', endDate: '2021-01-15' }],
    ['a quarter', 'UBND tỉnh giao Sở Y tế hoàn thành đề án trong Quý III/2023.', { kind: 'quarter', startDate: '2023-07-01', endDate: '2023-09-30' }],
    ['a year', 'Các xã phải hoàn thành xây dựng nông thôn mới trong năm 2025.', { kind: 'year', startDate: '2025-01-01', endDate: '2025-12-31' }],
    ['early in a month with "năm"', 'Sở Tư pháp trình dự thảo quy chế vào đầu tháng 3 năm 2024.', { kind: 'early_month', startDate: '2024-03-01', endDate: '2024-03-10' }],
    ['a range', 'Đợt kiểm tra diễn ra từ ngày 1/4/2024 đến ngày 30/6/2024 tại các huyện.', { kind: 'date_range', startDate: '2024-04-01', endDate: '2024-06-30' }],
    ['the end of a month', 'Tỉnh ủy sẽ tổ chức hội nghị sơ kết vào cuối tháng 2/2024.', { kind: 'late_month', startDate: '2024-02-21', endDate: '2024-02-29' }],
  ])('reads %s', (_, sentence, expected) => {
    expect(only(facts(sentence).deadlines)).toMatchObject(expected);
  });

  it('finds who is responsible: "giao X chủ trì", "do X tổ chức", the sentence subject', () => {
    const [a, b, c] = facts(
      'UBND tỉnh giao Sở Thông tin và Truyền thông chủ trì, xây dựng kế hoạch chuyển đổi số, hoàn thành trước ngày 30/6/2024. Các lớp bồi dưỡng do Trường Chính trị tỉnh tổ chức hoàn thành trong tháng 9/2024. Văn phòng UBND tỉnh tổng hợp báo cáo trước ngày 15/10/2024.',
    ).deadlines;
    expect(a!.responsible).toBe('Sở Thông tin và Truyền thông');
    expect(b!.responsible).toBe('Trường Chính trị tỉnh');
    expect(c!.responsible).toBe('Văn phòng UBND tỉnh');
  });

  it('infers a missing year from the meeting date, and says so', () => {
    const d = only(facts('Chiều 20/11/2020, Thành ủy họp. Các quận ủy hoàn thành hội nghị quán triệt trước ngày 15/1.').deadlines);
    expect(d).toMatchObject({ endDate: '2021-01-15' });
    expect(d.inference).toContain('ngày hội nghị');
  });

  it('leaves a deadline out rather than invent its year', () => {
    expect(facts('Các quận ủy hoàn thành hội nghị quán triệt trước ngày 15/1.').deadlines).toEqual([]);
  });

  it('does not read a status date or a long-term vision as a deadline', () => {
    expect(facts('Tính đến ngày 17/11/2023, đã tổ chức 21 hội nghị. Phát triển công nghiệp đến năm 2030, tầm nhìn đến năm 2045.').deadlines).toEqual([]);
  });

  it('links a deadline to the plan the article issues', () => {
    const d = only(facts('Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 45-KH/TU ngày 3/3/2023 thực hiện Nghị quyết số 18-NQ/TW. Các huyện ủy hoàn thành quán triệt trước ngày 31/3/2023.').deadlines);
    expect(d.relatedDocument).toBe('45-KH/TU');
  });
});

describe('who did what at a meeting', () => {
  const events = (text: string) => facts(text).presentations.map((p) => ({ presenter: p.presenter, role: p.role }));

  it.each([
    ['chairing, name first', 'Sáng 5/3, đồng chí Hoàng Văn Phong, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì hội nghị.', 'Hoàng Văn Phong', 'chair'],
    ['chairing in the passive', 'Hội nghị do đồng chí Giàng Seo Chinh, Phó Bí thư Tỉnh ủy chủ trì.', 'Giàng Seo Chinh', 'chair'],
    ['a programme line', '9h00: Đồng chí Lê Quốc Khánh, Bí thư Tỉnh ủy phát biểu khai mạc.', 'Lê Quốc Khánh', 'open'],
    ['a named reporter', '9h15: Báo cáo viên Trung ương Trần Văn Hải trình bày chuyên đề về Nghị quyết số 18-NQ/TW.', 'Trần Văn Hải', 'present'],
    ['a closing speech as a lead clause', 'Phát biểu bế mạc hội nghị, đồng chí Ngô Văn Thắng, Bí thư Thành ủy yêu cầu các cấp ủy khẩn trương cụ thể hóa nghị quyết.', 'Ngô Văn Thắng', 'close'],
    ['attending and directing', 'Đồng chí Trần Cẩm Hương dự và phát biểu chỉ đạo hội nghị.', 'Trần Cẩm Hương', 'direct'],
    ['a quick briefing', 'Thứ trưởng Bộ Nội vụ Vũ Chiến Dũng thông tin nhanh kết quả Hội nghị Trung ương 10.', 'Vũ Chiến Dũng', 'brief'],
    ['conveying a lecture', 'Đồng chí Lê Minh Tuấn, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy truyền đạt chuyên đề về công tác cán bộ.', 'Lê Minh Tuấn', 'convey'],
    ['signing', 'Phó Chủ tịch UBND tỉnh Trần Anh Khoa ký Quyết định số 1234/QĐ-UBND ban hành Kế hoạch chuyển đổi số.', 'Trần Anh Khoa', 'sign'],
    ['a caption with a photo credit', 'Bí thư Tỉnh ủy Đỗ Trọng Hòa phát biểu kết luận hội nghị. Ảnh: Minh Hiếu', 'Đỗ Trọng Hòa', 'speak'],
    ['submitting a document', 'Giám đốc Sở Nội vụ Nguyễn Văn Hải trình Tờ trình về việc sắp xếp đơn vị hành chính cấp xã.', 'Nguyễn Văn Hải', 'present'],
    ['on behalf of a body', 'Thay mặt Ban Thường vụ Tỉnh ủy, đồng chí Nguyễn Thị Thanh Lan, Phó Bí thư Thường trực Tỉnh ủy trình bày Báo cáo chính trị.', 'Nguyễn Thị Thanh Lan', 'present'],
  ])('reads %s', (_, text, presenter, role) => {
    expect(events(text)).toEqual([{ presenter, role }]);
  });

  it('gives one act to every person of a list, before or after the verb', () => {
    const chairs = [{ presenter: 'Ngô Đông Hải', role: 'chair' }, { presenter: 'Đặng Ngọc Huy', role: 'chair' }];
    expect(events('Các đồng chí: Ngô Đông Hải, Bí thư Tỉnh ủy; Đặng Ngọc Huy, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị.')).toEqual(chairs);
    expect(events('Các đồng chí Ngô Đông Hải, Bí thư Tỉnh ủy; Đặng Ngọc Huy, Phó Bí thư Thường trực Tỉnh ủy đồng chủ trì hội nghị.')).toEqual(chairs);
    expect(events('Chủ trì hội nghị có các đồng chí: Bí thư Tỉnh ủy Ngô Đông Hải; Phó Bí thư Thường trực Tỉnh ủy Đặng Ngọc Huy.')).toEqual(chairs);
    expect(events('Tỉnh ủy tổ chức hội nghị dưới sự chủ trì của các đồng chí: Ngô Đông Hải - Bí thư Tỉnh ủy; Đặng Ngọc Huy - Phó Bí thư Thường trực Tỉnh ủy.')).toEqual(chairs);
    expect(events('Bí thư Tỉnh ủy Ngô Đông Hải và Phó Bí thư Thường trực Tỉnh ủy Đặng Ngọc Huy đồng chủ trì hội nghị.')).toEqual(chairs);
    const presented = facts('Các đồng chí Ngô Đông Hải, Bí thư Tỉnh ủy và Đặng Ngọc Huy, Phó Bí thư Thường trực Tỉnh ủy lần lượt trình bày các dự thảo Kế hoạch.').presentations;
    expect(presented.map((p) => [p.presenter, p.titles])).toEqual([
      ['Ngô Đông Hải', ['Bí thư Tỉnh ủy']],
      ['Đặng Ngọc Huy', ['Phó Bí thư Thường trực Tỉnh ủy']],
    ]);
  });

  it('reads the people after "Tới dự và chỉ đạo hội nghị có …"', () => {
    expect(events('Tới dự và chỉ đạo hội nghị có đồng chí Trần Cẩm Hương, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư.')).toEqual([{ presenter: 'Trần Cẩm Hương', role: 'direct' }]);
  });

  it('gives two acts joined by "và" the same person and object', () => {
    const [chair, open] = facts('Đồng chí Ngô Văn Thắng, Bí thư Tỉnh ủy chủ trì và phát biểu khai mạc hội nghị.').presentations;
    expect([chair!.role, open!.role, chair!.presenter, open!.presenter]).toEqual(['chair', 'open', 'Ngô Văn Thắng', 'Ngô Văn Thắng']);
    const acts = facts('Đồng chí Lê Văn Ánh trình bày và tiếp thu ý kiến về dự thảo Nghị quyết.').presentations;
    expect(acts.map((p) => [p.role, p.document])).toEqual([
      ['present', 'dự thảo Nghị quyết'],
      ['respond', 'dự thảo Nghị quyết'],
    ]);
  });

  it('takes the meeting the article reports for a bare "hội nghị", with what it considers', () => {
    const [chair] = facts(
      'Ngày 12/3/2024, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị quán triệt Nghị quyết số 57-NQ/TW về phát triển khoa học, công nghệ. Bí thư Tỉnh ủy Lê Văn Khánh chủ trì hội nghị.',
    ).presentations;
    expect(chair).toMatchObject({ presenter: 'Lê Văn Khánh', role: 'chair', resolutions: ['57-NQ/TW'] });
    expect(chair!.document).toMatch(/^Ban Thường vụ Tỉnh ủy tổ chức Hội nghị quán triệt Nghị quyết số 57-NQ\/TW/u);
  });

  it('names a reporter the article names, not an unnamed one', () => {
    const text = 'Ngày 20/5/2024, Đảng ủy Khối tổ chức hội nghị học tập chuyên đề năm 2024. Báo cáo viên là đồng chí Trần Thị Thu Hà, Phó Trưởng Ban Tuyên giáo Tỉnh ủy.';
    expect(facts(text).presentations).toMatchObject([{ presenter: 'Trần Thị Thu Hà', role: 'brief', titles: ['Phó Trưởng Ban Tuyên giáo Tỉnh ủy'] }]);
    expect(facts(text).presentations[0]!.document).toMatch(/tổ chức hội nghị học tập chuyên đề năm 2024/u);
  });

  it('does not take a capitalised body name for a verb', () => {
    const [p] = facts('Ông Sùng Mí Vừ, Trưởng phòng Văn hóa và Thông tin huyện báo cáo kết quả thực hiện kế hoạch năm 2023.').presentations;
    expect(p).toMatchObject({ presenter: 'Sùng Mí Vừ', role: 'report', titles: ['Trưởng phòng Văn hóa và Thông tin huyện'] });
  });

  it('finds who a bare title is when the article names that office once', () => {
    const p = facts('Bí thư Tỉnh ủy Lê Văn Khánh dự hội nghị. Sau đó, Bí thư Tỉnh ủy phát biểu chỉ đạo hội nghị.').presentations;
    expect(p.map((e) => [e.presenter, e.role])).toEqual([['Lê Văn Khánh', 'direct']]);
  });

  it.each([
    ['only attending', 'Dự hội nghị có đồng chí Nguyễn Văn Hùng, Ủy viên Trung ương Đảng, Bộ trưởng Bộ Văn hóa.'],
    ['also attending', 'Đồng chí Nguyễn Văn Cư, Bí thư Đảng ủy cùng dự hội nghị.'],
    ['quoted, "Theo đồng chí …"', 'Theo đồng chí Trần Văn Nam, Bí thư Huyện ủy, việc quán triệt nghị quyết cần đi vào thực chất.'],
    ['quoted, "cho biết"', 'Ông Nguyễn Văn Xô cho biết, đơn vị đã quán triệt Nghị quyết đến toàn thể đảng viên.'],
    ['a body issuing', 'Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 12-KH/TU.'],
    ['unnamed reporters', 'Báo cáo viên là các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy.'],
    ['an assignment', 'UBND tỉnh giao Sở Nội vụ chủ trì, phối hợp với các sở ngành tham mưu.'],
    ['receiving a delegation', 'Bí thư Tỉnh ủy Lê Văn An tiếp và làm việc với đoàn công tác.'],
    ['a quote in a headline', 'Tổng Bí thư Tô Lâm nhấn mạnh: Nghị quyết 57 là đột phá quan trọng.'],
    ['a department reporting', 'Sở Giáo dục và Đào tạo báo cáo tình hình chuẩn bị năm học mới.'],
    ['a body submitting', 'UBND tỉnh trình HĐND tỉnh dự thảo Nghị quyết về giá đất.'],
  ])('takes no event from %s', (_, text) => {
    expect(facts(text).presentations).toEqual([]);
  });
});

describe('deadlines that need the sentence around them', () => {
  it.each([
    ['a time-only clause after a list', 'Ban Tuyên giáo Tỉnh ủy sẽ mở các lớp bồi dưỡng gồm: phóng viên; biên tập viên; hoàn thành trước ngày 30/7/2024.', 'Ban Tuyên giáo Tỉnh ủy sẽ mở các lớp bồi dưỡng'],
    ['"Thời gian hoàn thành" after the task', 'Ban Tổ chức Tỉnh ủy chủ trì tổ chức hội nghị tổng kết công tác cán bộ. Thời gian hoàn thành trong tháng 3.2025.', 'Ban Tổ chức Tỉnh ủy chủ trì tổ chức hội nghị tổng kết'],
    ['"Thời hạn" with a colon', 'Sở Nội vụ tham mưu dự thảo quy chế làm việc. Thời hạn hoàn thành: trước ngày 30/9/2024.', 'Sở Nội vụ tham mưu dự thảo quy chế'],
  ])('takes the task of %s', (_, text, task) => {
    const d = only(facts(text).deadlines);
    expect(d.task.startsWith(task)).toBe(true);
    expect(d.task).not.toMatch(/^Thời/u);
  });

  it('reads a limit set by a rule, and not the status report before it', () => {
    const d = only(facts('Đến ngày 15/7/2025, có 40/40 đảng bộ đã hoàn thành đại hội; sớm hơn so với Trung ương quy định là ngày 31/8/2025.').deadlines);
    expect(d).toMatchObject({ kind: 'by_date', endDate: '2025-08-31' });
    expect(d.task).toMatch(/^Có 40\/40 đảng bộ đã hoàn thành đại hội/u);
  });

  it('reads "đến hết tháng" after "Theo dự thảo", with the task left clean', () => {
    const d = only(facts('Theo dự thảo, đến hết tháng 6/2024, các xã hoàn thành việc đăng ký điểm du lịch.').deadlines);
    expect(d).toMatchObject({ kind: 'within_month', endDate: '2024-06-30', task: 'Các xã hoàn thành việc đăng ký điểm du lịch' });
    expect(facts('Tính đến hết tháng 9/2024, tỉnh đã giải ngân 60% vốn đầu tư công.').deadlines).toEqual([]);
  });

  it('reads "hoàn thành ngày …" as the day itself, and not when a meeting ends', () => {
    expect(only(facts('Đợt 1 hoàn thành ngày 15/12/2024 tại tất cả các xã.').deadlines)).toMatchObject({ kind: 'by_date', endDate: '2024-12-15' });
    expect(facts('Hội nghị kết thúc ngày 15/12/2024.').deadlines).toEqual([]);
  });

  it('does not read the results of a past period as a deadline', () => {
    expect(facts('Trong quý I/2024, toàn tỉnh đã kết nạp 500 đảng viên mới. Đến ngày 30/9/2024, toàn tỉnh đã có 95% số xã đạt chuẩn.').deadlines).toEqual([]);
  });

  it('counts a deadline in the headline once', () => {
    const d = only(facts('Theo kế hoạch, Sở Xây dựng hoàn thành quy hoạch chung trước ngày 30/6/2025.', null, 'Hoàn thành quy hoạch chung trước ngày 30/6/2025').deadlines);
    expect(d).toMatchObject({ kind: 'before_date', endDate: '2025-06-30' });
    expect(d.quote).toMatch(/^Theo kế hoạch/u);
    const [headline] = facts('Sở Xây dựng tổ chức hội nghị.', null, 'Hoàn thiện hồ sơ quy hoạch từ Quý III/2024').deadlines;
    expect(headline).toMatchObject({ kind: 'from_quarter', startDate: '2024-07-01' });
  });
});
