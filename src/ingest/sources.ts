import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';
import { declaredHtmlCharset, decodeText } from './decode.js';

/** A document read from somewhere, decoded to text, not yet cleaned. */
export interface LoadedDocument {
  /** File name (relative to the folder it was found in, or as given) or URL: what the user sees as the source. */
  source: string;
  format: 'text' | 'html';
  body: string;
}

export interface LoadLimits {
  maxBytes: number;
  fetchTimeoutMs: number;
}

export const SUPPORTED_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);

export function isUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function formatOf(name: string): LoadedDocument['format'] {
  return /\.html?$/i.test(name) ? 'html' : 'text';
}

/** Decodes an uploaded or read file's bytes, honouring an HTML page's declared charset. */
export function documentFromBytes(source: string, bytes: Uint8Array, limits: Pick<LoadLimits, 'maxBytes'>): LoadedDocument {
  if (bytes.length > limits.maxBytes) {
    throw new AppError('INPUT_TOO_LARGE', `${source}: quá lớn (${megabytes(bytes.length)}, giới hạn ${megabytes(limits.maxBytes)})`);
  }
  const format = formatOf(source);
  const charset = format === 'html' ? declaredHtmlCharset(bytes) : undefined;
  return { source, format, body: decodeText(bytes, source, charset) };
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
        error: new AppError('INPUT_UNSUPPORTED_TYPE', `${input}: định dạng không hỗ trợ (chỉ nhận .txt, .md, .html)`),
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

export function loadFile(item: ExpandedInput, limits: LoadLimits): LoadedDocument {
  let size: number;
  try {
    size = statSync(item.location).size;
  } catch (cause) {
    throw new AppError('INPUT_NOT_FOUND', `${item.input}: không tìm thấy tệp`, { cause });
  }
  if (size > limits.maxBytes) {
    throw new AppError('INPUT_TOO_LARGE', `${item.source}: quá lớn (${megabytes(size)}, giới hạn ${megabytes(limits.maxBytes)})`);
  }
  return documentFromBytes(item.source, readFileSync(item.location), limits);
}
