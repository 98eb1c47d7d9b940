import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../errors.js';
import { declaredHtmlCharset, decodeText } from './decode.js';
import { DOCUMENT_EXTENSIONS, documentText, isDocumentFile } from './documents/index.js';
import { toUnicode } from './documents/legacy-encodings.js';

/** A document read from somewhere, decoded to text, not yet cleaned. */
export interface LoadedDocument {
  /** File name (relative to the folder it was found in, or as given) or URL: what the user sees as the source. */
  source: string;
  format: 'text' | 'html';
  body: string;
}

export interface LoadLimits {
  maxBytes: number;
  /** PDF and Word files may be larger (fonts, pictures). */
  maxDocumentBytes: number;
  fetchTimeoutMs: number;
  /** Pages on loopback or private addresses may be fetched (tests, a trusted intranet). */
  allowPrivateUrls?: boolean;
}

export const SUPPORTED_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', ...DOCUMENT_EXTENSIONS]);

/** What the refusal of an unsupported file says it takes. */
export const SUPPORTED_LIST = '.txt, .md, .html, .pdf, .docx, .doc';

export function isUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function formatOf(name: string): LoadedDocument['format'] {
  return /\.html?$/i.test(name) ? 'html' : 'text';
}

/** The size limit of a file of this name. */
export function limitFor(name: string, limits: Pick<LoadLimits, 'maxBytes' | 'maxDocumentBytes'>): number {
  return isDocumentFile(name) ? limits.maxDocumentBytes : limits.maxBytes;
}

/**
 * A read or uploaded file's bytes as text: PDF and Word files through their parsers, text
 * in its declared charset (an HTML page's `<meta>`), legacy TCVN3 and VNI turned into Unicode.
 */
export async function documentFromBytes(source: string, bytes: Uint8Array, limits: Pick<LoadLimits, 'maxBytes' | 'maxDocumentBytes'>): Promise<LoadedDocument> {
  const limit = limitFor(source, limits);
  if (bytes.length > limit) {
    throw new AppError('INPUT_TOO_LARGE', `${source}: quá lớn (${megabytes(bytes.length)}, giới hạn ${megabytes(limit)})`);
  }
  if (isDocumentFile(source)) return { source, format: 'text', body: await documentText(source, bytes) };
  const format = formatOf(source);
  if (format === 'html') return { source, format, body: decodeText(bytes, source, declaredHtmlCharset(bytes)) };
  return { source, format, body: toUnicode(decodeLegacyOrUtf8(bytes, source), source) };
}

/** UTF-8, or else the Windows-1252 reading a TCVN3 or VNI text file needs before it is converted. */
function decodeLegacyOrUtf8(bytes: Uint8Array, source: string): string {
  try {
    return decodeText(bytes, source);
  } catch (error) {
    if (!isAppError(error, 'INPUT_ENCODING')) throw error;
    const legacy = decodeText(bytes, source, 'windows-1252');
    const converted = (() => {
      try {
        return toUnicode(legacy, source);
      } catch {
        return null;
      }
    })();
    if (converted === null || converted === legacy) throw error;
    return converted;
  }
}

/** One input the user named: a file, or every supported file below a folder. */
export interface ExpandedInput {
  /** What the user typed, for error messages. */
  input: string;
  /** Absolute path or URL to read. */
  location: string;
  /** Stable source name stored with the article. */
  source: string;
}

/**
 * Expands the inputs: folders (recursively) into their supported files, in name order.
 * Missing paths and unsupported files come back as errors, one per input.
 */
export function expandInputs(inputs: string[]): { items: ExpandedInput[]; errors: Array<{ input: string; error: AppError }> } {
  const items: ExpandedInput[] = [];
  const errors: Array<{ input: string; error: AppError }> = [];
  for (const input of inputs) {
    if (isUrl(input)) {
      items.push({ input, location: input, source: input });
      continue;
    }
    let stats;
    try {
      stats = statSync(input);
    } catch {
      errors.push({ input, error: new AppError('INPUT_NOT_FOUND', `${input}: không tìm thấy tệp hoặc thư mục`) });
      continue;
    }
    if (stats.isDirectory()) {
      for (const file of listFolder(input)) items.push({ input, location: file, source: path.basename(file) });
    } else if (SUPPORTED_EXTENSIONS.has(path.extname(input).toLowerCase())) {
      items.push({ input, location: path.resolve(input), source: path.basename(input) });
    } else {
      errors.push({
        input,
        error: new AppError('INPUT_UNSUPPORTED_TYPE', `${input}: định dạng không hỗ trợ (chỉ nhận ${SUPPORTED_LIST})`),
      });
    }
  }
  return { items, errors };
}

function listFolder(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SUPPORTED_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(path.resolve(full));
    }
  };
  walk(folder);
  return files;
}

export async function loadFile(item: ExpandedInput, limits: LoadLimits): Promise<LoadedDocument> {
  let size: number;
  try {
    size = statSync(item.location).size;
  } catch (cause) {
    throw new AppError('INPUT_NOT_FOUND', `${item.input}: không tìm thấy tệp`, { cause });
  }
  const limit = limitFor(item.source, limits);
  if (size > limit) {
    throw new AppError('INPUT_TOO_LARGE', `${item.source}: quá lớn (${megabytes(size)}, giới hạn ${megabytes(limit)})`);
  }
  return documentFromBytes(item.source, readFileSync(item.location), limits);
}
