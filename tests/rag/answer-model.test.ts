import { describe, expect, it } from 'vitest';
import { chooseThreshold, foldsOf } from '../../src/evaluation/fitting.js';
import { fitLogistic, predict } from '../../src/rag/answering/logistic.js';

describe('the answer model', () => {
  it('fits a logistic regression that ranks what it was shown, with soft targets and weighted rows', () => {
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => ({ x: [1, (i % 5) / 5], y: 1, weight: 1 })),
      ...Array.from({ length: 40 }, (_, i) => ({ x: [0, (i % 5) / 5], y: 0, weight: 1 })),
      { x: [0.5, 0.5], y: 0.5, weight: 2 },
    ];
    const model = fitLogistic(rows, 2, { l2: 0.1 });
    expect(predict(model, [1, 0.5])).toBeGreaterThan(0.9);
    expect(predict(model, [0, 0.5])).toBeLessThan(0.1);
    expect(Math.abs(model.coefficients[1]!)).toBeLessThan(1); // a feature that says nothing gets little weight
  });

  it('chooses the decline threshold that passes the most cases', () => {
    const threshold = chooseThreshold([
      { probability: 0.9, passesIfAnswered: true, unanswerable: false },
      { probability: 0.7, passesIfAnswered: true, unanswerable: false },
      { probability: 0.4, passesIfAnswered: false, unanswerable: false },
      { probability: 0.3, passesIfAnswered: false, unanswerable: true },
      { probability: 0.2, passesIfAnswered: false, unanswerable: true },
    ]);
    expect(threshold).toBeGreaterThan(0.4);
    expect(threshold).toBeLessThan(0.7);
  });

  it('keeps every article in one fold, the same way every run', () => {
    const folds = foldsOf(['b.txt', 'a.txt', 'c.txt', 'a.txt'], 2);
    expect(folds).toEqual(new Map([['a.txt', 0], ['b.txt', 1], ['c.txt', 0]]));
  });
});
