import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { AppError } from '../../errors.js';

type Element = { tagName: string; textContent: string | null; children: ArrayLike<Element> };

const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A table's rows as lines, cells joined by " | "; other blocks a line each. */
function linesOf(element: Element, into: string[]): void {
  for (const child of Array.from(element.children)) {
    const tag = child.tagName.toLowerCase();
    if (tag === 'table') {
      for (const row of Array.from((child as unknown as { querySelectorAll(s: string): ArrayLike<Element> }).querySelectorAll('tr'))) {
        const cells = Array.from(row.children).map(textOf);
        if (cells.some(Boolean)) into.push(cells.join(' | '));
      }
    } else if (tag === 'ul' || tag === 'ol') {
      for (const item of Array.from(child.children)) if (textOf(item)) into.push(`- ${textOf(item)}`);
    } else if (/^(?:p|h[1-6])$/.test(tag)) {
      if (textOf(child)) into.push(textOf(child));
    } else linesOf(child, into);
  }
}

/** A .docx (mammoth): paragraphs a line each, table rows kept whole. */
export async function docxText(name: string, bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (cause) {
    throw new AppError('DOCUMENT_INVALID', `${name}: tệp Word (.docx) hỏng hoặc không đọc được`, { cause });
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: string[] = [];
  linesOf(document.body as unknown as Element, lines);
  return lines.join('\n');
}

/** A legacy .doc (word-extractor): its body text, table cells separated by tabs turned into " | ". */
export async function docText(name: string, bytes: Uint8Array): Promise<string> {
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes));
    return document
      .getBody()
      .split(/\r?\n/)
      .map((line) => line.split('\t').map((cell) => cell.trim()).filter(Boolean).join(' | '))
      .join('\n');
  } catch (cause) {
    throw new AppError('DOCUMENT_INVALID', `${name}: tệp Word (.doc) hỏng hoặc không đọc được`, { cause });
  }
}
