import path from 'node:path';
import { AppError } from '../../errors.js';
import { toUnicode } from './legacy-encodings.js';
import { pdfText } from './pdf.js';
import { docText, docxText } from './word.js';

/** Official documents as staff receive them. */
export const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.docx', '.doc']);

export function isDocumentFile(name: string): boolean {
  return DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** What the bytes are, by their first bytes: a name's extension can lie. */
function kindOf(bytes: Uint8Array): 'pdf' | 'zip' | 'ole' | null {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b) return 'zip';
  if (head.toString('hex') === 'd0cf11e0a1b11ae1') return 'ole';
  return null;
}

/**
 * A PDF, .docx or .doc file's text, one block a line, table rows kept whole, in Unicode
 * (legacy TCVN3 and VNI converted). Bad files are refused with a message naming them.
 */
export async function documentText(name: string, bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new AppError('INPUT_EMPTY', `${name}: tệp rỗng, không có nội dung để nạp`);
  const extension = path.extname(name).toLowerCase();
  const kind = kindOf(bytes);
  const expected = extension === '.pdf' ? 'pdf' : extension === '.docx' ? 'zip' : 'ole';
  if (kind !== expected) {
    throw new AppError('DOCUMENT_INVALID', `${name}: không phải tệp ${extension.slice(1).toUpperCase()} hợp lệ (nội dung không khớp đuôi tệp)`);
  }
  const text = kind === 'pdf' ? await pdfText(name, bytes) : kind === 'zip' ? await docxText(name, bytes) : await docText(name, bytes);
  if (!text.trim()) throw new AppError('INPUT_EMPTY', `${name}: tệp không có chữ để nạp`);
  return toUnicode(text, name).normalize('NFC');
}
