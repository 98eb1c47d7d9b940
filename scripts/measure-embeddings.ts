/**
 * Measures the local embeddings' retrieval quality for a few designs, to justify the default:
 * recall@5 of a passage holding the answer, vectors alone and fused with full-text, on
 * (a) the dev QA set over the bundled articles and (b) questions over a generated corpus,
 * asked without diacritics. Usage: tsx scripts/measure-embeddings.ts
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import { LocalHashEmbeddings, type LocalHashEmbeddingsOptions } from '../src/embeddings/local-hash-embeddings.js';
import { foldForMatch } from '../src/text/normalize.js';
import { generateCorpus } from './corpus.js';

interface Question {
  question: string;
  mustInclude: string[];
  source: string;
}

const normalize = (text: string) => foldForMatch(text).replace(/\s+/g, ' ');

function devQuestions(): Question[] {
  const file = path.resolve('../shared/dev/seed_qa.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((item) => item.type !== 'unanswerable')
    .map((item) => ({ question: item.question, mustInclude: item.must_include, source: item.source }));
}

const corpus = generateCorpus(300, 99);
function generatedQuestions(): Question[] {
  return corpus.slice(0, 150).map((article, i) => {
    const fact = article.facts[i % article.facts.length]!;
    const question =
      i % 2 === 0
        ? `ai trinh bay ${foldForMatch(fact.document)} cua ${foldForMatch(fact.committee)}`
        : `${foldForMatch(fact.presenter)} trinh bay ke hoach nao tai ${foldForMatch(fact.committee)}`;
    return { question, mustInclude: i % 2 === 0 ? [fact.presenter] : [fact.document], source: article.fileName };
  });
}

const DESIGNS: Record<string, LocalHashEmbeddingsOptions> = {
  'default (768 dims)': {},
  '384 dims': { dimensions: 384 },
  '1024 dims': { dimensions: 1024 },
  'folded syllables only': { weights: { markedSyllable: 0, bigram: 0, documentId: 0 } },
  'no bigrams': { weights: { bigram: 0 } },
  'no marked syllables': { weights: { markedSyllable: 0 } },
  'no down-weighting': { weights: { light: 1 } },
  'no document ids': { weights: { documentId: 0 } },
};

async function measure(design: LocalHashEmbeddingsOptions, inputs: { articles?: string; documents?: typeof corpus }, questions: Question[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'measure-'));
  const embeddings = new LocalHashEmbeddings(design);
  const app = await createApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), {
    embeddingModel: { embeddings, modelId: embeddings.modelId, dimensions: embeddings.dimensions },
  });
  try {
    if (inputs.articles) await app.ingest.ingestInputs([inputs.articles]);
    if (inputs.documents) await app.ingest.ingestDocuments(inputs.documents.map((a) => ({ source: a.fileName, format: 'text', body: a.text })));
    let vectorHits = 0;
    let fusedHits = 0;
    for (const q of questions) {
      const holds = (text: string, source: string) => source === q.source && q.mustInclude.every((s) => normalize(text).includes(normalize(s)));
      const vector = await app.store.vectors.similaritySearch(q.question, 5);
      if (vector.some((d) => holds(d.pageContent, String(d.metadata.source)))) vectorHits++;
      const fused = await app.retriever.invoke(q.question);
      if (fused.some((d) => holds(d.pageContent, String(d.metadata.source)))) fusedHits++;
    }
    return { vector: vectorHits / questions.length, fused: fusedHits / questions.length };
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const dev = devQuestions();
const generated = generatedQuestions();
console.log(`dev set: ${dev.length} answerable questions; generated: ${generated.length} diacritic-free questions over ${corpus.length} articles`);
console.log('design                 | dev vec@5 | dev fused@5 | gen vec@5 | gen fused@5');
for (const [name, design] of Object.entries(DESIGNS)) {
  const a = await measure(design, { articles: path.resolve('data/articles') }, dev);
  const b = await measure(design, { documents: corpus }, generated);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(9);
  console.log(`${name.padEnd(22)} | ${pct(a.vector)} | ${pct(a.fused).padStart(11)} | ${pct(b.vector)} | ${pct(b.fused).padStart(11)}`);
}
