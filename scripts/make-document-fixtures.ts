/**
 * Writes the document fixtures of tests/fixtures/documents: an official plan as a text PDF
 * (two pages, a two-column header, a task table, a signature block, a running header and page
 * numbers), the same plan as a .docx, a .docx typed in the legacy TCVN3 (ABC) encoding, and a
 * scanned PDF (an image, no text layer). `--pages N` also writes a long PDF for measuring.
 *
 *   npx tsx scripts/make-document-fixtures.ts [--pages 30 --out /tmp/long.pdf]
 *
 * Needs the DejaVu fonts (Debian's fonts-dejavu-core); the committed fixtures do not. The .doc
 * fixture was made once from the .docx by LibreOffice (`soffice --headless --convert-to
 * doc:"MS Word 97" ke-hoach-87-kh-ubnd.docx`, Debian's libreoffice-writer-nogui).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const OUT = path.resolve('tests/fixtures/documents');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';
const BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf';

export const PLAN = {
  issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH HÀ NAM'],
  nation: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  number: 'Số: 87/KH-UBND',
  placeDate: 'Hà Nam, ngày 04 tháng 9 năm 2024',
  kind: 'KẾ HOẠCH',
  subject: 'Triển khai thực hiện Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045',
  intro:
    'Thực hiện Chương trình hành động số 25-CTr/TU ngày 10/3/2023 của Ban Chấp hành Đảng bộ tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện Nghị quyết số 29-NQ/TW với các nội dung sau:',
  purpose:
    'Cụ thể hóa các mục tiêu, nhiệm vụ của Nghị quyết số 29-NQ/TW phù hợp với điều kiện của tỉnh; xác định rõ trách nhiệm của các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố trong tổ chức thực hiện.',
  table: [
    ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
    ['1', 'Xây dựng Đề án phát triển công nghiệp hỗ trợ giai đoạn 2025-2030', 'Sở Công Thương', 'Quý II/2025'],
    ['2', 'Rà soát quy hoạch các khu, cụm công nghiệp', 'Sở Kế hoạch và Đầu tư', 'Năm 2025'],
    ['3', 'Tuyên truyền, phổ biến Nghị quyết số 29-NQ/TW', 'Sở Thông tin và Truyền thông', 'Thường xuyên'],
  ],
  report: 'Các sở, ngành báo cáo kết quả thực hiện về Sở Kế hoạch và Đầu tư trước ngày 15 tháng 12 hằng năm để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.',
  recipients: ['Nơi nhận:', '- Như trên;', '- Lưu: VT.'],
  signature: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '(Đã ký)', 'Trần Xuân Lộc'],
};

/** Words of `text` in lines no wider than `width` at `size`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

class Writer {
  page!: PDFPage;
  y = 0;
  pages = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  newPage(): void {
    this.page = this.pdf.addPage([595, 842]);
    this.pages++;
    this.y = 790;
    if (this.pages > 1) this.page.drawText(`Kế hoạch số 87/KH-UBND`, { x: 60, y: 812, size: 8, font: this.font });
    this.page.drawText(`Trang ${this.pages}`, { x: 280, y: 30, size: 8, font: this.font });
  }
  need(height: number): void {
    if (this.y - height < 60) this.newPage();
  }
  text(text: string, options: { x?: number; size?: number; bold?: boolean; center?: boolean } = {}): void {
    const size = options.size ?? 12;
    const font = options.bold ? this.bold : this.font;
    this.need(size + 4);
    const x = options.center ? (595 - font.widthOfTextAtSize(text, size)) / 2 : options.x ?? 60;
    this.page.drawText(text, { x, y: this.y, size, font });
    this.y -= size + 4;
  }
  paragraph(text: string): void {
    for (const line of wrap(text, this.font, 12, 475)) this.text(line);
    this.y -= 4;
  }
  columns(left: string[], right: string[], size = 11): void {
    const rows = Math.max(left.length, right.length);
    this.need(rows * (size + 4));
    for (let i = 0; i < rows; i++) {
      if (left[i]) this.page.drawText(left[i]!, { x: 60, y: this.y, size, font: this.bold });
      if (right[i]) this.page.drawText(right[i]!, { x: 320, y: this.y, size, font: this.bold });
      this.y -= size + 4;
    }
  }
  table(rows: string[][]): void {
    const xs = [60, 90, 330, 450];
    const widths = [25, 230, 115, 90];
    for (const row of rows) {
      const cells = row.map((cell, i) => wrap(cell, this.font, 10, widths[i]!));
      const height = Math.max(...cells.map((c) => c.length)) * 13;
      this.need(height + 6);
      cells.forEach((lines, i) => lines.forEach((line, k) => this.page.drawText(line, { x: xs[i]!, y: this.y - k * 13, size: 10, font: this.font })));
      this.page.drawLine({ start: { x: 58, y: this.y - height + 8 }, end: { x: 540, y: this.y - height + 8 }, thickness: 0.5, color: rgb(0, 0, 0) });
      this.y -= height + 6;
    }
  }
}

/** The official plan as a text PDF; `extraPages` adds numbered sections of body text. */
export async function planPdf(extraPages = 0): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(FONT), { subset: true });
  const bold = await pdf.embedFont(readFileSync(BOLD), { subset: true });
  const w = new Writer(pdf, font, bold);
  w.columns([PLAN.issuer[0]!, PLAN.issuer[1]!, PLAN.number], [PLAN.nation[0]!, PLAN.nation[1]!, PLAN.placeDate]);
  w.y -= 10;
  w.text(PLAN.kind, { bold: true, center: true, size: 14 });
  for (const line of wrap(PLAN.subject, bold, 12, 430)) w.text(line, { bold: true, center: true });
  w.y -= 8;
  w.paragraph(PLAN.intro);
  w.text('I. MỤC ĐÍCH, YÊU CẦU', { bold: true });
  w.paragraph(PLAN.purpose);
  for (let i = 0; i < extraPages * 12; i++) {
    w.paragraph(`${i + 1}. Các sở, ban, ngành tiếp tục quán triệt, cụ thể hóa nhiệm vụ số ${i + 1} của Nghị quyết vào chương trình công tác của cơ quan, đơn vị; phân công rõ người, rõ việc, rõ thời gian hoàn thành, thường xuyên kiểm tra, đôn đốc và báo cáo kết quả theo quy định.`);
  }
  w.text('II. NHIỆM VỤ CỤ THỂ', { bold: true });
  w.table(PLAN.table);
  w.text('III. TỔ CHỨC THỰC HIỆN', { bold: true });
  w.paragraph(PLAN.report);
  w.y -= 10;
  w.columns(PLAN.recipients, PLAN.signature);
  return pdf.save();
}

/** A scan: one page holding a picture of text, and no text layer. */
async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const image = await pdf.embedPng(stripesPng(400, 560));
  page.drawImage(image, { x: 97, y: 141, width: 400, height: 560 });
  return pdf.save();
}

/** A grey-and-white striped PNG, like a page of scanned lines. */
function stripesPng(width: number, height: number): Uint8Array {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = y % 14 < 3 && x % 90 < 80 ? 60 : 250;
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal .docx: paragraphs and one table, each run in `font`. */
async function docx(paragraphs: Array<string | string[][]>, font: string): Promise<Uint8Array> {
  const run = (text: string) => `<w:r><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  const body = paragraphs
    .map((p) =>
      typeof p === 'string'
        ? `<w:p>${run(p)}</w:p>`
        : `<w:tbl>${p.map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:p>${run(cell)}</w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`,
    )
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', date: new Date('2024-09-04T00:00:00Z') } as JSZip.JSZipGeneratorOptions<'uint8array'>);
}

function planParagraphs(): Array<string | string[][]> {
  return [
    ...PLAN.issuer,
    PLAN.number,
    ...PLAN.nation,
    PLAN.placeDate,
    PLAN.kind,
    PLAN.subject,
    PLAN.intro,
    'I. MỤC ĐÍCH, YÊU CẦU',
    PLAN.purpose,
    'II. NHIỆM VỤ CỤ THỂ',
    PLAN.table,
    'III. TỔ CHỨC THỰC HIỆN',
    PLAN.report,
    ...PLAN.recipients,
    ...PLAN.signature,
  ];
}

/**
 * The text as an ABC (TCVN3) font shows it: each character stored as the byte TCVN3 gives it,
 * read back as Windows-1252. Capitals with marks have no TCVN3 code: headings set in capitals
 * use the lower-case codes in a capitals font (.VnTimeH), as typists did.
 */
function asTcvn3(text: string): string {
  return [...text.normalize('NFC')]
    .map((ch) => {
      const code = iconv.encode(ch, 'tcvn');
      const byte = code.length === 1 && code[0]! >= 0x20 ? code : iconv.encode(ch.toLowerCase(), 'tcvn');
      // Bytes Windows-1252 leaves undefined come back as the C1 control of that number.
      const shown = iconv.decode(byte, 'windows-1252');
      return shown === '\ufffd' ? String.fromCharCode(byte[0]!) : shown;
    })
    .join('');
}

async function main(): Promise<void> {
  const pages = process.argv.indexOf('--pages');
  if (pages > 0) {
    const out = process.argv[process.argv.indexOf('--out') + 1] ?? '/tmp/long.pdf';
    writeFileSync(out, await planPdf(Number(process.argv[pages + 1])));
    console.log(`wrote ${out}`);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'ke-hoach-87-kh-ubnd.pdf'), await planPdf(2));
  writeFileSync(path.join(OUT, 'ke-hoach-87-kh-ubnd.docx'), await docx(planParagraphs(), 'Times New Roman'));
  const legacy = planParagraphs().map((p) => (typeof p === 'string' ? asTcvn3(p) : p.map((row) => row.map(asTcvn3))));
  writeFileSync(path.join(OUT, 'ke-hoach-tcvn3.docx'), await docx(legacy, '.VnTime'));
  writeFileSync(path.join(OUT, 'ban-quet.pdf'), await scannedPdf());
  console.log(`wrote the fixtures to ${OUT}`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
