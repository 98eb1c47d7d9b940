/**
 * Held-out QA over a generated corpus, in the shared QA format: questions whose answers the
 * generator knows, asked with and without diacritics and in English, plus unanswerable ones.
 * Usage: tsx scripts/generate-qa.ts <articles-folder> <qa.jsonl> [articles] [seed]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { foldDiacritics } from '../src/text/normalize.js';
import { generateCorpus, seededRandom, type GeneratedArticle } from './corpus.js';

export interface GeneratedQa {
  id: string;
  question: string;
  must_include: string[];
  source: string;
  type: string;
  variant: string;
}

export function generateQa(corpus: GeneratedArticle[], count: number, seed = 7): GeneratedQa[] {
  const random = seededRandom(seed);
  const items: GeneratedQa[] = [];
  for (let i = 0; items.length < count; i++) {
    const article = corpus[Math.floor(random() * corpus.length)]!;
    const fact = article.facts[Math.floor(random() * article.facts.length)]!;
    const kind = i % 6;
    const id = `gen-${String(items.length + 1).padStart(3, '0')}`;
    const base = { id, source: article.fileName };
    if (kind === 0) items.push({ ...base, question: `Ai trình bày ${fact.document} của ${fact.committee}?`, must_include: [fact.presenter], type: 'presenter', variant: 'vi' });
    if (kind === 1) items.push({ ...base, question: foldDiacritics(`${fact.presenter} trình bày kế hoạch nào tại ${fact.committee}?`).toLowerCase(), must_include: [fact.document.replace('Kế hoạch số ', '')], type: 'plan', variant: 'vi_no_diacritics' });
    if (kind === 2) items.push({ ...base, question: `${fact.document} của ${fact.committee} thực hiện nghị quyết nào?`, must_include: [fact.resolution.split('/')[0]!], type: 'resolution', variant: 'vi' });
    if (kind === 3) items.push({ ...base, question: `Theo ${fact.document} của ${fact.committee}, ${fact.task} phải hoàn thành trước ngày nào?`, must_include: [fact.deadline], type: 'deadline', variant: 'vi' });
    if (kind === 4) items.push({ ...base, question: `Who presented ${fact.document.replace('Kế hoạch số ', 'plan ')} of the ${foldDiacritics(fact.committee)}?`, must_include: [fact.presenter], type: 'presenter', variant: 'en' });
    if (kind === 5) items.push({ ...base, question: `Ai trình bày Kế hoạch số ${9000 + items.length}-KH/TU của ${fact.committee}?`, must_include: [], type: 'unanswerable', variant: 'vi' });
  }
  return items;
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const [folder, qaFile, count = '300', seed = '42'] = process.argv.slice(2);
  if (!folder || !qaFile) {
    console.error('Cách dùng: tsx scripts/generate-qa.ts <thư mục bài> <qa.jsonl> [số bài] [seed]');
    process.exit(2);
  }
  const corpus = generateCorpus(Number(count), Number(seed));
  mkdirSync(folder, { recursive: true });
  for (const article of corpus) writeFileSync(path.join(folder, article.fileName), article.text);
  writeFileSync(qaFile, generateQa(corpus, 60).map((item) => JSON.stringify(item)).join('\n') + '\n');
  console.log(`${corpus.length} bài trong ${folder}; 60 câu hỏi trong ${qaFile}`);
}
