import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';
import type { LoadedDocument } from '../ingest/sources.js';
import type { QaItem } from './scoring.js';

/** One QA item a line (the format of ../shared/dev/README.md); blank lines are skipped. */
export function readQaFile(file: string): QaItem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('INPUT_NOT_FOUND', `${file}: không đọc được tệp QA (${(cause as Error).message})`, { cause });
  }
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line)
    .map(({ line, index }) => {
      try {
        return JSON.parse(line) as QaItem;
      } catch (cause) {
        throw new AppError('INPUT_INVALID', `${file}:${index + 1}: dòng không phải JSON hợp lệ`, { cause });
      }
    });
}

/**
 * The articles of a dev set: every `.txt` of a folder, keeping only the page text after a
 * `---` line when the file has one (the lines above it describe the excerpt, they are not
 * part of the page).
 */
export function readArticleFolder(dir: string): LoadedDocument[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new AppError('INPUT_NOT_FOUND', `${dir}: không có thư mục bài viết này`);
  return readdirSync(dir)
    .filter((name) => /\.(txt|md)$/i.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const marker = text.match(/^---[ \t]*$/m);
      const body = marker ? text.slice(marker.index! + marker[0].length).replace(/^\r?\n/, '') : text;
      return { source: name, format: 'text' as const, body };
    });
}

/** The `articles/` folder beside a QA file (the layout of ../shared/dev/real), when there is one. */
export function articlesBeside(qaFile: string): string | null {
  const dir = path.join(path.dirname(qaFile), 'articles');
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? dir : null;
}
