import { foldForMatch } from '../../text/normalize.js';
import { outletMarkerLength } from '../../text/outlets.js';
import type { Claim, Evidence } from '../answer.js';
import { keepSupportedClaims } from './claim-check.js';
import type { ShortAnswer } from './short-answer.js';
import { evidenceOf, type Candidate } from '../candidates/collect.js';
import type { AnalyzedQuestion } from '../question/analyze.js';

/** Past this length a sentence is quoted from its first to its last clause holding a word of the question. */
const LONG_SENTENCE = 500;

/** The sentence as evidence, without the outlet marker it opens with ("(HNMO) - "). */
function sentenceEvidence(candidate: Candidate, matched: Set<string>): Evidence {
  const marker = outletMarkerLength(candidate.text);
  let start = candidate.start + marker;
  let end = candidate.end;
  if (end - start > LONG_SENTENCE && matched.size > 0) {
    const text = candidate.article.text;
    const clauses = [...text.slice(start, end).matchAll(/[^;]+;?/gu)].map((m) => ({ start: start + m.index!, end: start + m.index! + m[0].length }));
    const holding = clauses.filter((c) => [...text.slice(c.start, c.end).matchAll(/[\p{L}\p{N}]+/gu)].some((w) => matched.has(foldForMatch(w[0]))));
    if (holding.length > 0 && holding.length < clauses.length) {
      start = holding[0]!.start;
      end = holding.at(-1)!.end;
    }
  }
  const raw = candidate.article.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim().replace(/[;,]$/u, '');
  return evidenceOf(candidate, start + lead, start + lead + trimmed.length);
}

/** Share of a text's words another text holds. */
function wordShare(text: string, other: string): number {
  const words = foldForMatch(text).match(/[a-z0-9]+/g) ?? [];
  const have = new Set(foldForMatch(other).match(/[a-z0-9]+/g) ?? []);
  return words.length === 0 ? 1 : words.filter((w) => have.has(w)).length / words.length;
}

/**
 * The answer's claims: the short answer first (the name, date or figure as the source writes
 * it), then each chosen sentence, every one cited to the passage it is.
 */
export function composeClaims(question: AnalyzedQuestion, chosen: Candidate[], short: ShortAnswer | null, matched: (text: string) => Set<string>): Claim[] {
  // The sentences the short answer was read from first, then the others in the order chosen.
  const ordered = short ? [...short.sources, ...chosen.filter((c) => !short.sources.includes(c))] : chosen;
  const sentences = ordered.map((candidate) => sentenceEvidence(candidate, matched(candidate.text)));
  const claims: Claim[] = [];
  if (short) {
    // A person the sentence gives only by title ("Tổng Bí thư dự và phát biểu chỉ đạo") is named elsewhere in the article: cite that too.
    const naming = short.sources.flatMap((c) => c.presentations.filter((f) => f.namedIn && short.text.includes(f.presenter)).map((f) => evidenceOf(c, f.namedIn!.start, f.namedIn!.end)));
    claims.push({ text: short.text, evidence: [...sentences.slice(0, short.sources.length), ...naming] });
  }
  // A short answer that already says most of its one sentence, and holds up against it, stands alone.
  const saysItAll = short !== null && short.sources.length === 1 && wordShare(sentences[0]!.quote, short.text) >= 0.7 && keepSupportedClaims([claims[0]!]).length === 1;
  for (const evidence of saysItAll ? sentences.slice(1) : sentences) {
    claims.push({ text: question.language === 'en' ? `The source says: “${evidence.quote}”` : evidence.quote, evidence: [evidence] });
  }
  return claims;
}
