import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { documentText } from '../../src/ingest/documents/index.js';
import { fromTcvn3, fromVni, toUnicode } from '../../src/ingest/documents/legacy-encodings.js';
import { documentFromBytes } from '../../src/ingest/sources.js';
import { createTestApp, PROJECT_ROOT, storeSnapshot, tempDir } from '../helpers.js';

/** Made by scripts/make-document-fixtures.ts: one official plan as a PDF, a .docx, a .doc and a TCVN3 .docx, and a scan. */
const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/documents');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const LIMITS = { maxBytes: 5 * 1024 * 1024, maxDocumentBytes: 20 * 1024 * 1024 };

describe('reading official documents', () => {
  it('reads a PDF in reading order: header columns one after the other, paragraphs whole, table rows kept, no page numbers or running header', async () => {
    const text = await documentText('ke-hoach-87-kh-ubnd.pdf', fixture('ke-hoach-87-kh-ubnd.pdf'));
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH HÀ NAM',
      'Số: 87/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nam, ngày 04 tháng 9 năm 2024',
      'KẾ HOẠCH',
    ]);
    // The subject, wrapped over four centred lines, is one line again; so is every paragraph.
    expect(lines[7]).toMatch(/^Triển khai thực hiện Nghị quyết số 29-NQ\/TW .* tầm nhìn đến năm 2045$/u);
    expect(lines).toContain('1 | Xây dựng Đề án phát triển công nghiệp hỗ trợ giai đoạn 2025-2030 | Sở Công Thương | Quý II/2025');
    expect(lines).toContain('2 | Rà soát quy hoạch các khu, cụm công nghiệp | Sở Kế hoạch và Đầu tư | Năm 2025');
    expect(lines.slice(-4)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '(Đã ký)', 'Trần Xuân Lộc']);
    expect(text).not.toMatch(/^Trang \d+$/mu);
    expect(text).not.toMatch(/^Kế hoạch số 87\/KH-UBND$/mu);
    expect(lines.find((l) => l.startsWith('12. Các sở'))).toMatch(/báo cáo kết quả theo quy định\.$/u);
  });

  it('reads the same plan from .docx, from .doc, and from a .docx typed in TCVN3 (ABC) fonts, to the same text', async () => {
    const docx = await documentText('ke-hoach-87-kh-ubnd.docx', fixture('ke-hoach-87-kh-ubnd.docx'));
    expect(docx).toContain('1 | Xây dựng Đề án phát triển công nghiệp hỗ trợ giai đoạn 2025-2030 | Sở Công Thương | Quý II/2025');
    expect(await documentText('ke-hoach-tcvn3.docx', fixture('ke-hoach-tcvn3.docx'))).toBe(docx);
    const doc = await documentText('ke-hoach-87-kh-ubnd.doc', fixture('ke-hoach-87-kh-ubnd.doc'));
    expect(doc).toContain('Số: 87/KH-UBND');
    expect(doc).toContain('Sở Công Thương | Quý II/2025');
    expect(doc).toContain('Trần Xuân Lộc');
  });

  it('refuses a scan, a damaged file and a file whose content is not what its name says, naming the file', async () => {
    await expect(documentText('ban-quet.pdf', fixture('ban-quet.pdf'))).rejects.toThrow('ban-quet.pdf: tệp PDF là ảnh quét, chưa có lớp chữ');
    await expect(documentText('hong.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj <<'))).rejects.toThrow('hong.pdf: tệp PDF hỏng hoặc không đọc được');
    await expect(documentText('ke-hoach.docx', fixture('ke-hoach-87-kh-ubnd.pdf'))).rejects.toThrow('ke-hoach.docx: không phải tệp DOCX hợp lệ');
    await expect(documentText('rong.pdf', new Uint8Array())).rejects.toThrow('rong.pdf: tệp rỗng');
  });
});

describe('legacy Vietnamese encodings', () => {
  it('converts TCVN3 and VNI text as their fonts show it', () => {
    expect(fromTcvn3('KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 28-NQ/TW; Ch­¬ng tr×nh hµnh ®éng')).toBe('Kế hoạch thực hiện Nghị quyết số 28-NQ/TW; Chương trình hành động');
    expect(fromVni('Keá hoaïch thöïc hieän Nghò quyeát soá 28 cuûa Thaønh phoá Hoà Chí Minh, Ñaø Naüng, tröôøng')).toBe(
      'Kế hoạch thực hiện Nghị quyết số 28 của Thành phố Hồ Chí Minh, Đà Nẵng, trường',
    );
  });

  it('leaves Unicode text alone, and refuses legacy-looking text it cannot read rather than store mojibake', () => {
    const unicode = 'Kế hoạch thực hiện Nghị quyết số 28 của Ban Chấp hành Đảng bộ tỉnh, giao các sở chủ trì.';
    expect(toUnicode(unicode, 'a.txt')).toBe(unicode);
    expect(() => toUnicode('¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ ÄÅÆÇ Ë ÎÏÐÑ', 'la.docx')).toThrow('la.docx: văn bản dùng bảng mã tiếng Việt cũ không nhận ra được');
  });

  it('reads a text file saved in TCVN3 bytes', async () => {
    const text = 'Kế hoạch số 12/KH-UBND về thực hiện Nghị quyết số 57-NQ/TW của Ban Chấp hành; các sở hoàn thành trước ngày 30/6/2025.';
    const bytes = iconv.encode(text, 'tcvn');
    expect((await documentFromBytes('cu.txt', bytes, LIMITS)).body).toBe(text);
  });
});

describe('ingesting documents', () => {
  let dir: ReturnType<typeof tempDir>;
  let app: App;
  beforeAll(async () => {
    dir = tempDir('rpb-docs-');
    app = await createTestApp(path.join(dir.path, 'store'));
  });
  afterAll(() => {
    app.close();
    dir.remove();
  });

  it('ingests a folder of PDF and Word files, and answers who signed the plan, its number, its date and a row of its table, cited to the file', async () => {
    const folder = path.join(dir.path, 'in');
    mkdirSync(folder);
    copyFileSync(path.join(FIXTURES, 'ke-hoach-87-kh-ubnd.pdf'), path.join(folder, 'ke-hoach-87-kh-ubnd.pdf'));
    const summary = await app.ingest.ingestInputs([folder]);
    expect(summary.failures).toEqual([]);
    expect(summary.count('added')).toBe(1);

    const signer = await app.answers.ask('Ai ký Kế hoạch số 87/KH-UBND?');
    expect(signer.text.startsWith('Trần Xuân Lộc (KT. CHỦ TỊCH, PHÓ CHỦ TỊCH)')).toBe(true);
    expect(signer.citations[0]!.source).toBe('ke-hoach-87-kh-ubnd.pdf');
    const date = await app.answers.ask('Kế hoạch triển khai Nghị quyết 29 của UBND tỉnh Hà Nam ban hành ngày nào?');
    expect(date.text).toContain('ngày 04 tháng 9 năm 2024');
    const row = await app.answers.ask('Kế hoạch 87/KH-UBND giao Sở nào xây dựng Đề án phát triển công nghiệp hỗ trợ, hạn khi nào?');
    expect(row.text).toContain('Sở Công Thương');
    expect(row.text).toContain('Quý II/2025');
    expect(row.citations[0]!.source).toBe('ke-hoach-87-kh-ubnd.pdf');
    // The plan's tasks: all its dated rows, or the rows of the unit asked about.
    const tasks = await app.answers.ask('Kế hoạch 87/KH-UBND giao những sở nào, hạn khi nào?');
    expect(tasks.text).toMatch(/Sở Công Thương[^\n]*\[1\][\s\S]*Sở Kế hoạch và Đầu tư[^\n]*\[2\]/);
    const ofUnit = await app.answers.ask('Sở Kế hoạch và Đầu tư phải làm gì theo Kế hoạch 87/KH-UBND?');
    expect(ofUnit.text).toContain('Rà soát quy hoạch các khu, cụm công nghiệp: Năm 2025');
    expect(ofUnit.text).not.toContain('Sở Công Thương');

    // The facts know them too: the digest, /deadlines and the registers read them.
    expect(app.store.facts.documentMentions({ canonicalId: '87/KH-UBND', number: '87', symbol: 'KH' })[0]).toMatchObject({
      kind: 'Kế hoạch',
      issuedDate: '2024-09-04',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      quote: 'Số: 87/KH-UBND, Hà Nam, ngày 04 tháng 9 năm 2024',
    });
    expect(app.store.facts.presentationsByRole('sign')).toEqual([expect.objectContaining({ presenter: 'Trần Xuân Lộc', documentIds: ['87/KH-UBND'] })]);
    expect(app.store.facts.deadlinesOfDocument({ canonicalId: '87/KH-UBND', number: '87', symbol: 'KH' }).map((d) => [d.phrase, d.responsible])).toEqual(
      expect.arrayContaining([
        ['Quý II/2025', 'Sở Công Thương'],
        ['Năm 2025', 'Sở Kế hoạch và Đầu tư'],
      ]),
    );
  });

  it('refuses a scanned PDF with a message and stores nothing', async () => {
    const before = storeSnapshot(app);
    const scan = path.join(dir.path, 'ban-quet.pdf');
    copyFileSync(path.join(FIXTURES, 'ban-quet.pdf'), scan);
    const result = await app.ingest.ingestInputs([scan]);
    expect(result.failures).toEqual([expect.objectContaining({ code: 'DOCUMENT_SCANNED', message: expect.stringContaining('ban-quet.pdf: tệp PDF là ảnh quét, chưa có lớp chữ') })]);
    expect(storeSnapshot(app)).toEqual(before);
  });
});
