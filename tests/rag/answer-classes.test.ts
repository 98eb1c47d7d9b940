import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestApp, tempDir } from '../helpers.js';

/**
 * Two outlets report one (invented) plenum and disagree on a figure; a third page is the plan
 * itself. Questions of each class the answerer must handle, asked as users ask them.
 */
const LAO_DONG = [
  'Tỉnh ủy Bình Định triển khai Nghị quyết 57 về khoa học, công nghệ',
  '12/03/2025 | 10:15',
  '(LĐO) - Sáng 12-3, Tỉnh ủy Bình Định tổ chức Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ tỉnh khóa XX.',
  'Chủ trì hội nghị có các đồng chí: Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Trần Quốc Hưng; Phó Bí thư Thường trực Tỉnh ủy Lê Minh Khoa; Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Phạm Thu Hà.',
  'Hội nghị có 320 đại biểu dự.',
  'Tại hội nghị, Phó Chủ tịch UBND tỉnh Nguyễn Văn Đức trình bày Kế hoạch số 25-KH/TU thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.',
  'Kế hoạch yêu cầu các sở, ngành hoàn thành việc rà soát các thủ tục hành chính trước ngày 30 tháng 6 năm 2025.',
].join('\n');

const TUOI_TRE = [
  'Bình Định bàn kế hoạch thực hiện Nghị quyết 57',
  '12/03/2025 11:40',
  'TTO - Sáng 12-3, Ban Chấp hành Đảng bộ tỉnh Bình Định khóa XX họp Hội nghị lần thứ 15 để thảo luận kế hoạch thực hiện Nghị quyết 57 của Bộ Chính trị.',
  'Hội nghị có hơn 350 đại biểu dự, trong đó có các đồng chí nguyên lãnh đạo tỉnh qua các thời kỳ.',
  'Phát biểu kết luận hội nghị, Bí thư Tỉnh ủy Trần Quốc Hưng yêu cầu các cấp ủy sớm cụ thể hóa kế hoạch bằng chương trình hành động của từng địa phương.',
].join('\n');

/** The province's own plan as its portal prints it: header, subject in sentence case, a task, the signature at the foot. */
const UBND_PLAN = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH BÌNH ĐỊNH',
  'Số: 45/KH-UBND',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Bình Định, ngày 20 tháng 3 năm 2025',
  'KẾ HOẠCH',
  'Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  'Thực hiện Kế hoạch số 25-KH/TU của Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
  '1. Sở Khoa học và Công nghệ chủ trì xây dựng Đề án phát triển hệ sinh thái khởi nghiệp sáng tạo, trình UBND tỉnh trước ngày 15 tháng 9 năm 2025.',
  'Nơi nhận:',
  '- Như trên;',
  '- Lưu: VT.',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  '(Đã ký)',
  'Lâm Hải Giang',
].join('\n');

/** Two plans signed the same day, reported in one article: each sentence speaks of the plan named last before it. */
const TWO_PLANS = [
  'UBND tỉnh Bình Định ban hành hai kế hoạch thực hiện nghị quyết của Trung ương',
  '21/03/2025 | 09:00',
  'Phó Chủ tịch UBND tỉnh Lâm Hải Giang vừa ký ban hành Kế hoạch số 51/KH-UBND triển khai Nghị quyết số 66-NQ/TW của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật. Kế hoạch giao Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật, hoàn thành trong quý III/2025.',
  'Cùng ngày, Phó Chủ tịch UBND tỉnh Đào Minh Tâm ký ban hành Kế hoạch số 52/KH-UBND thực hiện Nghị quyết số 68-NQ/TW về phát triển kinh tế tư nhân. Kế hoạch giao Sở Tài chính tổng hợp, báo cáo UBND tỉnh trước ngày 10/12 hằng năm.',
  'Năm 2024, thu ngân sách nhà nước trên địa bàn tỉnh đạt 15.200 tỷ đồng, vượt 6% dự toán; giải ngân vốn đầu tư công đạt 61,5% kế hoạch vốn giao.',
  'Trước đó, Ban Thường vụ Tỉnh ủy đã ban hành Chương trình hành động số 14-CTr/TU thực hiện Nghị quyết số 66-NQ/TW.',
].join('\n');

/** A meeting that takes up several resolutions under one name, and a plan whose basis is the sentence before it. */
const PARTY_STUDY = [
  'Đảng ủy Sở Nội vụ học tập các nghị quyết Trung ương 8',
  '05/04/2025 | 08:00',
  'Sáng 4-4, Đảng ủy Sở Nội vụ tỉnh Bình Định tổ chức học tập Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII cho 120 đảng viên.',
  'Báo cáo viên Hồ Văn Sơn giới thiệu 3 nghị quyết: Nghị quyết số 41-NQ/TW về xây dựng đội ngũ doanh nhân; Nghị quyết số 42-NQ/TW về chính sách xã hội; Nghị quyết số 43-NQ/TW về đại đoàn kết toàn dân tộc.',
  'Thực hiện Chỉ thị số 23-CT/TU ngày 2/1/2025 của Ban Thường vụ Tỉnh ủy; Hướng dẫn số 07-HD/BTGTU ngày 10/1/2025 của Ban Tuyên giáo Tỉnh ủy. Ngày 15/1/2025, Đảng ủy Sở Nội vụ ban hành Kế hoạch số 12-KH/ĐU về học tập, quán triệt các nghị quyết.',
].join('\n');

/** A plenum that discussed two bodies' documents before concluding. */
const PLENUM = [
  'Tỉnh ủy Bình Định ban hành Kết luận về phát triển hạ tầng giao thông',
  '20/05/2025 | 14:00',
  'Hội nghị lần thứ 16 Ban Chấp hành Đảng bộ tỉnh (khóa XX) họp ngày 18/5/2025 đã thảo luận Tờ trình của Ban Thường vụ Tỉnh ủy, Báo cáo của Ban cán sự đảng UBND tỉnh về phát triển hạ tầng giao thông và ban hành Kết luận số 210-KL/TU.',
  'Tại hội nghị, Văn phòng UBND tỉnh trình bày báo cáo tình hình kinh tế - xã hội 5 tháng đầu năm.',
].join('\n');

/** A congress report whose term and whose overall goal are in two sentences. */
const CONGRESS = [
  'Khai mạc Đại hội Đảng bộ huyện Tuy Phước lần thứ XXV',
  '15/07/2025 | 09:00',
  'Sáng 14-7, Đại hội đại biểu Đảng bộ huyện Tuy Phước lần thứ XXV khai mạc. Đại hội đánh giá tổng thể việc thực hiện Nghị quyết nhiệm kỳ 2020-2025; xác định phương hướng, mục tiêu, nhiệm vụ cho nhiệm kỳ 2025-2030.',
  'Mục tiêu tổng quát đến năm 2035 là xây dựng huyện Tuy Phước trở thành thị xã.',
  'Đồng chí Lê Văn Tám, Bí thư Huyện ủy khóa XXIV, phát biểu khai mạc đại hội.',
].join('\n');

/** Rapporteurs given by what they are, not by name, next to a named signer. */
const STUDY_GUIDE = [
  'Tỉnh ủy Bình Định hướng dẫn học tập Nghị quyết 68',
  '10/06/2025 | 07:30',
  'Bí thư Tỉnh ủy Trần Quốc Hưng vừa ký ban hành Hướng dẫn về việc tổ chức học tập, quán triệt Nghị quyết số 68-NQ/TW trong toàn Đảng bộ tỉnh.',
  'Theo đó, Ban Tuyên giáo Tỉnh ủy chủ trì tổ chức hội nghị trực tuyến đến các điểm cầu cấp huyện. Báo cáo viên là các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy. Thời gian hoàn thành trong tháng 7/2025.',
  'Trước đó, Ban Thường vụ Tỉnh ủy đã ban hành Chương trình hành động số 31-CTr/TU thực hiện Nghị quyết số 68-NQ/TW. Chương trình đề ra 25 nhiệm vụ trọng tâm.',
].join('\n');

let dir: ReturnType<typeof tempDir>;
let app: App;
beforeAll(async () => {
  dir = tempDir('rpb-classes-');
  app = await createTestApp(path.join(dir.path, 'store'));
  await app.ingest.ingestDocuments([
    { source: 'https://laodong.vn/thoi-su/binh-dinh-trien-khai-nghi-quyet-57.ldo', format: 'text', body: LAO_DONG },
    { source: 'https://tuoitre.vn/binh-dinh-ban-ke-hoach-nghi-quyet-57.htm', format: 'text', body: TUOI_TRE },
    { source: 'https://binhdinh.gov.vn/van-ban/ke-hoach-45-kh-ubnd.htm', format: 'text', body: UBND_PLAN },
    { source: 'https://baobinhdinh.vn/hai-ke-hoach-nghi-quyet-66-68.htm', format: 'text', body: TWO_PLANS },
    { source: 'https://baobinhdinh.vn/dang-uy-so-noi-vu-hoc-tap-nghi-quyet.htm', format: 'text', body: PARTY_STUDY },
    { source: 'https://baobinhdinh.vn/ket-luan-210-ha-tang-giao-thong.htm', format: 'text', body: PLENUM },
    { source: 'https://baobinhdinh.vn/dai-hoi-tuy-phuoc-lan-thu-xxv.htm', format: 'text', body: CONGRESS },
    { source: 'https://baobinhdinh.vn/huong-dan-hoc-tap-nghi-quyet-68.htm', format: 'text', body: STUDY_GUIDE },
  ]);
});
afterAll(() => {
  app.close();
  dir.remove();
});
const ask = (question: string) => app.answers.ask(question);

describe('answers of each class of question', () => {
  it('names everyone who chaired, with their titles', async () => {
    const answer = await ask('Ai chủ trì Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ tỉnh Bình Định khóa XX?');
    for (const name of ['Trần Quốc Hưng', 'Lê Minh Khoa', 'Phạm Thu Hà']) expect(answer.text).toContain(name);
  });

  it('gives the presenter first, then the sentence it comes from, without the outlet marker', async () => {
    const answer = await ask('Ai trình bày Kế hoạch số 25-KH/TU?');
    expect(answer.text.startsWith('Nguyễn Văn Đức (Phó Chủ tịch UBND tỉnh) trình bày Kế hoạch số 25-KH/TU')).toBe(true);
    expect(answer.text).not.toContain('(LĐO)');
    expect(answer.citations[0]!.source).toContain('laodong.vn');
  });

  it('answers from the outlet the question names when two outlets disagree', async () => {
    const tuoiTre = await ask('Theo báo Tuổi Trẻ, hội nghị lần thứ 15 có bao nhiêu đại biểu dự?');
    expect(tuoiTre.text).toContain('hơn 350 đại biểu');
    expect(tuoiTre.citations.every((c) => c.source.includes('tuoitre.vn'))).toBe(true);
    const laoDong = await ask('Theo Lao Động, hội nghị lần thứ 15 có bao nhiêu đại biểu dự?');
    expect(laoDong.text).toContain('320 đại biểu');
    expect(laoDong.text).not.toContain('350');
  });

  it('gives a deadline written "ngày 30 tháng 6 năm 2025" as written', async () => {
    const answer = await ask('Kế hoạch 25-KH/TU yêu cầu các sở, ngành hoàn thành rà soát thủ tục hành chính trước ngày nào?');
    expect(answer.text).toContain('30 tháng 6 năm 2025');
  });

  it('answers an English question with the names as the source writes them', async () => {
    const answer = await ask('Which deputy chairman presented Plan 25-KH/TU on Resolution 57?');
    expect(answer.language).toBe('en');
    expect(answer.text).toContain('Nguyễn Văn Đức');
  });

  it('reads an official document: its signer at the foot, its own date, not the date of the resolution it carries out nor of a task', async () => {
    const signer = await ask('Ai ký Kế hoạch số 45/KH-UBND?');
    expect(signer.text.startsWith('Lâm Hải Giang (KT. CHỦ TỊCH, PHÓ CHỦ TỊCH)')).toBe(true);
    expect(signer.citations[0]!.source).toContain('binhdinh.gov.vn');
    expect((await ask('Who signed Plan 45/KH-UBND?')).text).toContain('Lâm Hải Giang');
    const issued = await ask('Kế hoạch triển khai Nghị quyết 57 của UBND tỉnh Bình Định được ban hành ngày nào?');
    expect(issued.text.startsWith('ngày 20 tháng 3 năm 2025')).toBe(true);
  });

  it("answers about one of two plans in an article from that plan's sentences, and declines what only the other one sets", async () => {
    expect((await ask('Kế hoạch số 52/KH-UBND yêu cầu báo cáo trước ngày nào hằng năm?')).text).toContain('10/12');
    const other = await ask('Kế hoạch số 51/KH-UBND yêu cầu báo cáo trước ngày nào hằng năm?');
    expect(other.found).toBe(false);
  });

  it('gives the figure of the year asked about, and declines when the sources give only another year', async () => {
    expect((await ask('Thu ngân sách nhà nước của tỉnh Bình Định năm 2024 đạt bao nhiêu tỷ đồng?')).text).toContain('15.200 tỷ đồng');
    expect((await ask('Thu ngân sách nhà nước của tỉnh Bình Định năm 2025 là bao nhiêu tỷ đồng?')).found).toBe(false);
  });

  it('gives a share asked "bao nhiêu phần trăm" as the source writes it, and not a share of something else', async () => {
    expect((await ask('Năm 2024, Bình Định giải ngân vốn đầu tư công được bao nhiêu phần trăm?')).text).toContain('61,5%');
    expect((await ask('Năm 2024, bao nhiêu phần trăm dự án đầu tư công của Bình Định hoàn thành đúng hạn?')).found).toBe(false);
  });

  it('reads a resolution named by its subject as the one the articles describe so', async () => {
    const answer = await ask('Ai ký kế hoạch thực hiện Nghị quyết về phát triển kinh tế tư nhân?');
    expect(answer.text).toContain('Đào Minh Tâm');
    expect(answer.text).not.toContain('Lâm Hải Giang');
  });

  it('declines who signed a programme when the sentence is about the signing of another plan', async () => {
    expect((await ask('Ai ký Kế hoạch số 52/KH-UBND?')).text).toContain('Đào Minh Tâm');
    expect((await ask('Ai ký Chương trình hành động số 14-CTr/TU của Tỉnh ủy Bình Định?')).found).toBe(false);
  });

  it('names whoever holds the title asked about, not a deputy, and declines when no one in the sources holds it', async () => {
    const chair = await ask('Chủ tịch UBND tỉnh Bình Định là ai?');
    expect(chair.text).toContain('Phạm Thu Hà');
    expect(chair.text).not.toContain('Nguyễn Văn Đức');
    expect((await ask('Giám đốc Sở Tư pháp tỉnh Bình Định là ai?')).found).toBe(false);
    // Who attended is written in too many ways to ask for the verb, but not for the title.
    expect((await ask('Giám đốc Sở Tài chính tỉnh Bình Định dự hội nghị lần thứ 15 là ai?')).found).toBe(false);
  });

  it('lists every resolution a meeting took up, though the likeliest sentence names them under one name', async () => {
    const answer = await ask('Đảng ủy Sở Nội vụ học tập những nghị quyết nào của Hội nghị Trung ương 8?');
    for (const id of ['41-NQ/TW', '42-NQ/TW', '43-NQ/TW']) expect(answer.text).toContain(id);
  });

  it('gives what a plan is based on from the sentence before the one naming it ("Thực hiện …. … ban hành Kế hoạch …")', async () => {
    const answer = await ask('Kế hoạch số 12-KH/ĐU của Đảng ủy Sở Nội vụ căn cứ những văn bản nào?');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('23-CT/TU');
    expect(answer.text).toContain('07-HD/BTGTU');
  });

  it('gives whose document a meeting discussed: the body after "Tờ trình của", in English too', async () => {
    const english = await ask('Whose submission did the 16th plenum of the Binh Dinh Party Committee discuss before issuing Conclusion 210-KL/TU?');
    expect(english.found).toBe(true);
    expect(english.text.split('\n')[0]).toContain('Ban Thường vụ Tỉnh ủy');
    const report = await ask('Hội nghị lần thứ 16 Ban Chấp hành Đảng bộ tỉnh Bình Định thảo luận báo cáo của ai?');
    expect(report.text.split('\n')[0]).toContain('Ban cán sự');
    expect(report.text.split('\n')[0]).not.toContain('Ban Thường vụ');
    // Asked which official, a body is no answer.
    expect((await ask('Phó Chủ tịch nào trình bày báo cáo tình hình kinh tế - xã hội tại Hội nghị lần thứ 16 Ban Chấp hành Đảng bộ tỉnh Bình Định?')).found).toBe(false);
  });

  it('answers each part of a two-part question from the sentence about that part', async () => {
    const answer = await ask('Đại hội Đảng bộ huyện Tuy Phước xác định phương hướng, mục tiêu, nhiệm vụ cho nhiệm kỳ nào và mục tiêu tổng quát đến năm nào?');
    const short = answer.text.split('\n')[0]!;
    expect(short).toContain('2025-2030');
    expect(short).toContain('năm 2035');
  });

  it('gives who hold a role as the sentence "<role> là …" says, when it names no one', async () => {
    const answer = await ask('Ai là báo cáo viên tại hội nghị trực tuyến học tập Nghị quyết 68 của Tỉnh ủy Bình Định?');
    const short = answer.text.split('\n')[0]!;
    expect(short).toContain('Ủy viên Ban Thường vụ Tỉnh ủy');
    expect(short).not.toContain('Trần Quốc Hưng');
  });

  it('reads the number and date of a document from its header when asked by what it carries out', async () => {
    const answer = await ask('Kế hoạch của UBND tỉnh Bình Định triển khai Nghị quyết số 57-NQ/TW có số hiệu nào, ban hành ngày nào?');
    expect(answer.text).toContain('45/KH-UBND');
    expect(answer.text).toContain('20 tháng 3 năm 2025');
  });

  it('gives what an official document carries out from its title, not from a document its body names', async () => {
    const resolution = await ask('Kế hoạch số 45/KH-UBND của UBND tỉnh Bình Định thực hiện nghị quyết nào?');
    expect(resolution.text.split('\n')[0]).toContain('57-NQ/TW');
    const plan = await ask('Kế hoạch số 45/KH-UBND của UBND tỉnh Bình Định thực hiện kế hoạch nào của Tỉnh ủy?');
    expect(plan.text.split('\n')[0]).toContain('25-KH/TU');
    expect(plan.text.split('\n')[0]).not.toContain('45/KH-UBND');
    const english = await ask("Which plan of the provincial Party Committee does Binh Dinh's Plan 45/KH-UBND cite as its basis?");
    expect(english.text.split('\n')[0]).toContain('25-KH/TU');
  });

  it('gives the number of the plan that carries out a resolution from its own header', async () => {
    const answer = await ask('UBND tỉnh Bình Định ban hành kế hoạch số mấy để triển khai Nghị quyết số 57-NQ/TW?');
    expect(answer.text.split('\n')[0]).toContain('45/KH-UBND');
  });

  it('reads "When must … be submitted …?" as a deadline, however long its subject', async () => {
    const answer = await ask("When must the Department of Science and Technology's scheme for the innovative startup ecosystem be submitted to the provincial People's Committee?");
    expect(answer.text).toContain('15 tháng 9 năm 2025');
  });

  it('declines who was elected when the report stops before the vote', async () => {
    expect((await ask('Ai được bầu làm Bí thư Huyện ủy Tuy Phước khóa XXV?')).found).toBe(false);
    expect((await ask('Who opened the congress of the Tuy Phuoc district Party Committee?')).text).toContain('Lê Văn Tám');
  });

  it('answers a document number and a count asked together, the number from the sentence naming what it carries out', async () => {
    const answer = await ask('Chương trình hành động thực hiện Nghị quyết 68-NQ/TW của Tỉnh ủy Bình Định mang số hiệu gì và đề ra bao nhiêu nhiệm vụ?');
    const short = answer.text.split('\n')[0]!;
    expect(short).toContain('31-CTr/TU');
    expect(short).toContain('25 nhiệm vụ');
  });

  it('declines what is not there: another resolution, a date the article does not give, a place it does not name', async () => {
    for (const question of [
      'Ai trình bày kế hoạch thực hiện Nghị quyết số 66-NQ/TW?',
      'Kế hoạch số 25-KH/TU được ký ban hành vào ngày nào?',
      'Who signed Plan 25-KH/TU?',
      // The articles are set in Bình Định from their first lines.
      'Ai trình bày Kế hoạch số 25-KH/TU tại hội nghị của Tỉnh ủy Phú Yên?',
    ]) {
      const answer = await ask(question);
      expect({ question, found: answer.found }).toEqual({ question, found: false });
      expect(answer.citations).toEqual([]);
    }
  });
});
