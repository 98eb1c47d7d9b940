import { describe, expect, it } from 'vitest';
import { isOddArticle, scoreReal, summary } from './real-scoring.js';

/**
 * The rule extractor on 32 real articles from other outlets and provinces, scored against
 * ../shared/dev/real/facts.json. An event counts when source, person, role and document agree; a
 * deadline when source, normalised date and task agree. Every extracted fact that matches no
 * gold one counts against precision. The odd-numbered articles were built on, the even ones kept
 * aside and checked after; both halves are reported.
 */
describe('facts of the real articles scored against their gold', () => {
  const halves = { odd: scoreReal(isOddArticle), even: scoreReal((s) => !isOddArticle(s)), all: scoreReal() };
  for (const [half, score] of Object.entries(halves)) {
    console.log(`real facts (${half}): events ${summary(score.events)}; deadlines ${summary(score.deadlines)}`);
    if (score.events.missed.length + score.events.invented.length > 0) console.log(`  events missed: ${score.events.missed.join(' | ')}\n  events invented: ${score.events.invented.join(' | ')}`);
    if (score.deadlines.missed.length + score.deadlines.invented.length > 0) console.log(`  deadlines missed: ${score.deadlines.missed.join(' | ')}\n  deadlines invented: ${score.deadlines.invented.join(' | ')}`);
  }
  const { events, deadlines } = halves.all;

  it(`finds the people events: ${summary(events)}`, () => {
    expect(events.recall).toBeGreaterThanOrEqual(0.85);
    expect(events.precision).toBeGreaterThanOrEqual(0.9);
  });

  it(`finds the deadlines: ${summary(deadlines)}`, () => {
    expect(deadlines.recall).toBeGreaterThanOrEqual(0.85);
    expect(deadlines.precision).toBeGreaterThanOrEqual(0.9);
  });
});
