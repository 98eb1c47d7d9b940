import { extractTextItems, getDocumentProxy } from 'unpdf';
import { AppError } from '../../errors.js';
import { layoutPages } from './pdf-layout.js';

/** Fewer letters than this a page, on average, is a scan without a text layer. */
const MIN_LETTERS_PER_PAGE = 40;

/**
 * A PDF's text layer as lines in reading order (pdf.js through unpdf). A scan (pages of
 * pictures), an encrypted or a damaged file is refused with a message naming it.
 */
export async function pdfText(name: string, bytes: Uint8Array): Promise<string> {
  let pages: Awaited<ReturnType<typeof extractTextItems>>['items'];
  try {
    // pdf.js takes the buffer over: give it a copy, the caller's bytes stay whole.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pages = (await extractTextItems(pdf)).items;
    } finally {
      await pdf.destroy();
    }
  } catch (cause) {
    if ((cause as Error).name === 'PasswordException') {
      throw new AppError('DOCUMENT_ENCRYPTED', `${name}: tệp PDF có mật khẩu, không đọc được`, { cause });
    }
    throw new AppError('DOCUMENT_INVALID', `${name}: tệp PDF hỏng hoặc không đọc được`, { cause });
  }
  const lines = layoutPages(pages);
  const letters = lines.join('').match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, pages.length)) {
    throw new AppError('DOCUMENT_SCANNED', `${name}: tệp PDF là ảnh quét, chưa có lớp chữ (cần bản PDF có chữ hoặc bản Word)`);
  }
  return lines.join('\n');
}
