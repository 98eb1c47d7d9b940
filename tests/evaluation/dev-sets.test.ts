import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openEvalSet } from '../../src/evaluation/eval-store.js';
import { scoreItem } from '../../src/evaluation/scoring.js';
import { summarize, type ItemResult } from '../../src/evaluation/summary.js';
import { BUNDLED_ARTICLES, PROJECT_ROOT } from '../helpers.js';

const DEV = path.join(PROJECT_ROOT, '../shared/dev');
const config = loadConfig({ LOG_LEVEL: 'silent', ARTICLES_DIR: BUNDLED_ARTICLES, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' });

/** Every item of a QA set answered by the offline default on a fresh store of its articles, scored by the shared rules. */
async function evaluate(file: string, articles: string | null | undefined) {
  const opened = await openEvalSet(config, file, articles);
  try {
    const results: ItemResult[] = [];
    for (const item of opened.set.items) {
      const answer = await opened.app.answers.ask(item.question);
      results.push({ item, answer, score: scoreItem(item, answer), retrieved: answer.retrieved.slice(0, 5).map((r) => r.source) });
    }
    return summarize(results);
  } finally {
    opened.close();
  }
}

describe('the offline answerer on the dev sets (fresh stores, shared scoring rules)', () => {
  let real: Awaited<ReturnType<typeof evaluate>>;
  let seed: Awaited<ReturnType<typeof evaluate>>;
  beforeAll(async () => {
    real = await evaluate(path.join(DEV, 'real/qa.jsonl'), undefined);
    seed = await evaluate(path.join(DEV, 'seed_qa.jsonl'), null);
  }, 240_000);
  afterAll(() => {
    const line = (name: string, s: typeof real) =>
      `${name}: ${(s.accuracy * 100).toFixed(1)}% (${s.passed}/${s.total}), wrong ${s.wrong}, refused ${s.refused}, unanswerable declined ${(s.unanswerable_declined * 100).toFixed(0)}%`;
    if (real && seed) console.log(`${line('dev/real', real)}\n${line('dev/seed', seed)}`);
  });

  it('answers ≥ 90% of the real-article questions and declines ≥ 90% of their unanswerable ones', () => {
    expect(real.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(real.unanswerable_declined).toBeGreaterThanOrEqual(0.9);
  });

  it('passes ≥ 75% in every type and variant of question, English included', () => {
    for (const tallies of [real.by_type, real.by_variant]) {
      for (const [name, t] of Object.entries(tallies)) expect({ name, share: t.passed / t.total }).toEqual({ name, share: expect.toSatisfy((x: number) => x >= 0.75) });
    }
  });

  it('keeps the seed set at ≥ 95%, every answer citing the article it comes from', () => {
    expect(seed.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(seed.answers_with_valid_citation).toBe(1);
    expect(seed.citation_accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
