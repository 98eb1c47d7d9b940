import { personNamesIn } from '../../text/person-names.js';
import { findDocumentMentions } from '../../text/document-ids.js';
import { foldForMatch } from '../../text/normalize.js';
import type { Claim, Evidence } from '../answer.js';

/** Folded, single-spaced, dates without leading zeros, TƯ as TW: the form claims and passages are compared in. */
export function comparable(text: string): string {
  return foldForMatch(text.replace(/\/TƯ/g, '/TW'))
    .replace(/\s+/g, ' ')
    .replace(/(?<!\d)0+(\d)(?=[/.-]\d)/g, '$1')
    .replace(/([/.-])0+(\d)/g, '$1$2');
}

const DATE = /(?<!\d)\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?(?!\d)/g;
const NUMBER = /(?<![\d/.-])\d+(?:[.,]\d+)?%?(?![\d/.-])/g;

/** The checkable facts of a claim: names, document numbers, dates and numbers it states. */
export function claimFacts(text: string): string[] {
  const facts = new Set<string>();
  for (const name of personNamesIn(text)) facts.add(name);
  for (const mention of findDocumentMentions(text)) facts.add(mention.label);
  for (const date of text.match(DATE) ?? []) facts.add(date);
  const withoutOthers = text.replace(DATE, ' ').replace(/\d{1,5}(?:[-/][\p{L}\d]+)+/gu, ' ');
  for (const number of withoutOthers.match(NUMBER) ?? []) if (number.length >= 2) facts.add(number);
  return [...facts];
}


/**
 * Keeps the claims whose names, numbers and dates all stand in their evidence taken together,
 * and of their evidence the pieces that support at least one of those facts; a claim that
 * is not supported is dropped. `contextOf` gives the text a piece of evidence may be checked
 * against (its quote, and the chunk it is in).
 */
export function keepSupportedClaims(claims: Claim[], contextOf: (evidence: Evidence) => string = (e) => e.quote): Claim[] {
  return claims.flatMap((claim) => {
    const contexts = claim.evidence.map((evidence) => comparable(contextOf(evidence)));
    const facts = claimFacts(claim.text).map(comparable);
    if (!facts.every((fact) => contexts.some((context) => context.includes(fact)))) return [];
    const useful = claim.evidence.filter((_, i) => facts.length === 0 || facts.some((fact) => contexts[i]!.includes(fact)));
    return [{ ...claim, evidence: useful.length > 0 ? useful : claim.evidence }];
  });
}
