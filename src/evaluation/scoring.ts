import type { Answer } from '../rag/answer.js';

/** One item of the QA format in ../shared/dev/README.md. */
export interface QaItem {
  id: string;
  question: string;
  answer?: string;
  must_include: string[];
  source: string;
  also_sources?: string[];
  type: string;
  variant?: string;
}

/**
 * The comparison form of the shared scoring rules: NFC, lower case, white space runs → one
 * space, "tư" after "/" → "tw", leading zeros dropped from day and month numbers.
 */
export function normalizeForScoring(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\/tư/g, '/tw')
    .replace(/(?<!\d)0(\d)(?=\/)/g, '$1')
    .replace(/\/0(\d)(?=\/)/g, '/$1');
}

export interface ItemScore {
  passed: boolean;
  /** The answer cites at least one passage from the gold source (or an allowed other). */
  citedSource: boolean;
  missing: string[];
}

/** Scores one answer by the shared rules. */
export function scoreItem(item: QaItem, answer: Answer): ItemScore {
  const sources = new Set([item.source, ...(item.also_sources ?? [])]);
  const citedSource = answer.citations.some((c) => sources.has(c.source));
  if (item.type === 'unanswerable') return { passed: !answer.found && answer.citations.length === 0, citedSource, missing: [] };
  const text = normalizeForScoring(answer.text);
  const missing = item.must_include.filter((needle) => !text.includes(normalizeForScoring(needle)));
  return { passed: answer.found && missing.length === 0 && citedSource, citedSource, missing };
}

export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
