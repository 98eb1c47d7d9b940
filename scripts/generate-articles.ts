/** Writes a generated corpus to a folder: `tsx scripts/generate-articles.ts <folder> [count] [seed]`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from './corpus.js';

const [folder, count = '1000', seed = '42'] = process.argv.slice(2);
if (!folder) {
  console.error('Cách dùng: tsx scripts/generate-articles.ts <thư mục> [số bài] [seed]');
  process.exit(2);
}
mkdirSync(folder, { recursive: true });
for (const article of generateCorpus(Number(count), Number(seed))) writeFileSync(path.join(folder, article.fileName), article.text);
console.log(`${count} bài trong ${folder}`);
