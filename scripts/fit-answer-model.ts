/**
 * Fits the offline answer model (logistic regression over candidate-sentence features, and
 * its decline threshold) on the dev QA sets, reports the cross-validated score (by article:
 * every item answered by weights fitted without its article), and writes the weights to
 * src/rag/answering/fitted-weights.ts.
 *
 *   npm run fit                 # cross-validate, then fit on everything and write the weights
 *   npm run fit -- --cv-only    # only report the cross-validated score
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { crossValidate, fitModel } from '../src/evaluation/cross-validation.js';
import { openEvalSet } from '../src/evaluation/eval-store.js';
import { scoreItem } from '../src/evaluation/scoring.js';
import { summarize } from '../src/evaluation/summary.js';
import { FEATURES } from '../src/rag/candidates/features.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared/dev');
const args = process.argv.slice(2);
const l2 = Number(args[args.indexOf('--l2') + 1]) || 1;
const folds = Number(args[args.indexOf('--folds') + 1]) || 8;

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', ARTICLES_DIR: path.join(ROOT, 'data/articles') });
const opened = [await openEvalSet(config, path.join(SHARED, 'seed_qa.jsonl'), null), await openEvalSet(config, path.join(SHARED, 'real/qa.jsonl'))];
const sets = opened.map((o) => o.set);
try {
  const cv = await crossValidate(sets, folds, l2);
  for (const set of sets) {
    const results = cv.filter((r) => r.set === set.name).map((r) => ({ item: r.item, answer: r.answer, score: scoreItem(r.item, r.answer), retrieved: r.answer.retrieved.slice(0, 5).map((x) => x.source) }));
    const summary = summarize(results);
    const line = (name: string, t: { total: number; passed: number; wrong: number; refused: number }) => `${name.padEnd(18)} ${`${t.passed}/${t.total}`.padStart(7)}  sai ${t.wrong}  từ chối nhầm ${t.refused}`;
    console.log(`\n${set.name}: cross-validated (${folds} folds by article) ${(summary.accuracy * 100).toFixed(1)}% · unanswerable declined ${(summary.unanswerable_declined * 100).toFixed(0)}%`);
    for (const [name, t] of [...Object.entries(summary.by_type), ...Object.entries(summary.by_variant)]) console.log(`  ${line(name, t)}`);
  }
  if (!args.includes('--cv-only')) {
    const model = await fitModel(sets, l2);
    const { fitted } = model;
    const weights = FEATURES.map((name) => `    ${name}: ${(fitted.weights[name] ?? 0).toFixed(4)},`).join('\n');
    writeFileSync(
      path.join(ROOT, 'src/rag/answering/fitted-weights.ts'),
      `import type { AnswerWeights } from './model.js';\n\n/** Written by \`npm run fit\` (scripts/fit-answer-model.ts); do not edit by hand. */\nexport const FITTED: AnswerWeights = {\n  bias: ${fitted.bias.toFixed(4)},\n  weights: {\n${weights}\n  },\n  threshold: ${fitted.threshold.toFixed(4)},\n  fittedOn: '${fitted.fittedOn}, l2 ${l2}',\n};\n`,
    );
    console.log(`\nweights written (threshold ${fitted.threshold.toFixed(3)}):`);
    for (const name of FEATURES) console.log(`  ${name.padEnd(16)} ${(fitted.weights[name] ?? 0).toFixed(3)}`);
  }
} finally {
  for (const o of opened) o.close();
}
