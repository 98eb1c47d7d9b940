/**
 * Scores the rule extractor against the gold facts of the 32 real articles
 * (../shared/dev/real/facts.json): recall and precision of people events and deadlines.
 * Shared by the test and by anyone who wants to see what fails (`printRealScore`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanArticle } from '../../src/ingest/clean.js';
import { extractFacts } from '../../src/facts/extract.js';
import type { ArticleFacts, DeadlineFact, PresentationFact } from '../../src/facts/types.js';
import { canonicalDocumentId, documentNumber, findDocumentMentions } from '../../src/text/document-ids.js';
import { foldForMatch } from '../../src/text/normalize.js';
// Not from ../helpers.js: that imports vitest, and this module also runs outside it.
const REAL = path.resolve(import.meta.dirname, '../../../shared/dev/real');

interface GoldEvent {
  id: string;
  source: string;
  presenter: string;
  action: string;
  role: string[];
  document: string;
  resolution_ids: string[];
}
interface GoldDeadline {
  id: string;
  source: string;
  what: string;
  deadline_phrase: string;
  normalized: { kind: string; value: string };
}

export const realGold = JSON.parse(readFileSync(path.join(REAL, 'facts.json'), 'utf8')) as {
  presentation_events: GoldEvent[];
  deadlines: GoldDeadline[];
};

/** Only the page text after the `---` line is an article. */
function pageText(file: string): string {
  const raw = readFileSync(path.join(REAL, 'articles', file), 'utf8');
  const at = raw.search(/^---$/mu);
  return at < 0 ? raw : raw.slice(at + 4);
}

export const realSources = readdirSync(path.join(REAL, 'articles')).filter((f) => f.endsWith('.txt')).sort();

let cache: Map<string, ArticleFacts> | undefined;
export function realFacts(): Map<string, ArticleFacts> {
  cache ??= new Map(realSources.map((source) => [source, extractFacts(cleanArticle(pageText(source)))]));
  return cache;
}

// Words that say nothing about which document or task is meant.
const STOP = new Set('va cua cac ve tai trong cho voi la de nhung nay do duoc den theo tu mot so co'.split(' '));
const words = (text: string) =>
  new Set(
    foldForMatch(text.replace(/\(.*?\)/gu, ' '))
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !STOP.has(w)),
  );

/** Two descriptions agree when they share at least `min` content words, and most of the shorter one. */
export function describeSame(a: string, b: string, min = 3, share = 0.6): boolean {
  const x = words(a);
  const y = words(b);
  const common = [...x].filter((w) => y.has(w)).length;
  return common >= min && common / Math.max(1, Math.min(x.size, y.size)) >= share;
}

const numberOf = (id: string) => documentNumber(canonicalDocumentId(id));

/** Same document: a shared resolution or plan id (a bare "79" meets "79-NQ/TW"), else the descriptions agree. */
function sameDocument(event: PresentationFact, gold: GoldEvent): boolean {
  const extractedIds = [...event.resolutions, ...event.documentIds];
  const goldIds = [...gold.resolution_ids.map(canonicalDocumentId), ...findDocumentMentions(gold.document).map((m) => m.canonicalId)];
  const shared = goldIds.some((id) => (/^\d+$/u.test(id) ? extractedIds.some((e) => numberOf(e) === id) : extractedIds.includes(id)));
  return shared || describeSame(event.document, gold.document);
}

function eventMatches(event: PresentationFact, gold: GoldEvent): boolean {
  return foldForMatch(event.presenter) === foldForMatch(gold.presenter) && gold.role.includes(event.role) && sameDocument(event, gold);
}

/** The gold deadline's range: the day it is due by, or the month/quarter it falls in, and where it starts. */
function goldRange(gold: GoldDeadline): { start: string | null; end: string; late: boolean } {
  const { kind, value } = gold.normalized;
  const quarter = value.match(/^(\d{4})-Q([1-4])$/u);
  if (quarter) {
    const [year, q] = [+quarter[1]!, +quarter[2]!];
    const last = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
    return { start: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, end: last, late: kind === 'late_quarter' };
  }
  const month = value.match(/^(\d{4})-(\d{2})$/u);
  if (month) return { start: `${value}-01`, end: new Date(Date.UTC(+month[1]!, +month[2]!, 0)).toISOString().slice(0, 10), late: kind === 'late_month' };
  return { start: null, end: value, late: false };
}

function deadlineMatches(deadline: DeadlineFact, gold: GoldDeadline): boolean {
  const range = goldRange(gold);
  const sameValue =
    gold.normalized.kind === 'from_quarter'
      ? deadline.kind === 'from_quarter' && deadline.startDate === range.start
      : deadline.endDate === range.end && (!range.late || /^late_/u.test(deadline.kind));
  return sameValue && describeSame(deadline.task, gold.what, 2, 0.5);
}

export interface Score {
  recall: number;
  precision: number;
  gold: number;
  extracted: number;
  missed: string[];
  invented: string[];
}

/** One extracted fact pairs with at most one gold fact per role (a gold event may have two roles), and the other way round. */
function pair<E, G>(extracted: E[], gold: G[], slots: (g: G) => number, matches: (e: E, g: G) => boolean) {
  const used = new Map<G, number>();
  const unmatched: E[] = [];
  for (const e of extracted) {
    const g = gold.find((candidate) => matches(e, candidate) && (used.get(candidate) ?? 0) < slots(candidate));
    if (g) used.set(g, (used.get(g) ?? 0) + 1);
    else unmatched.push(e);
  }
  return { found: gold.filter((g) => used.has(g)), unmatched };
}

function score<E, G>(extracted: E[], gold: G[], slots: (g: G) => number, matches: (e: E, g: G) => boolean, showE: (e: E) => string, showG: (g: G) => string): Score {
  const { found, unmatched } = pair(extracted, gold, slots, matches);
  return {
    recall: found.length / Math.max(1, gold.length),
    precision: extracted.length === 0 ? 1 : (extracted.length - unmatched.length) / extracted.length,
    gold: gold.length,
    extracted: extracted.length,
    missed: gold.filter((g) => !found.includes(g)).map(showG),
    invented: unmatched.map(showE),
  };
}

/** Events and deadlines of the chosen articles (all 32 by default) scored against their gold. */
export function scoreReal(keep: (source: string) => boolean = () => true): { events: Score; deadlines: Score } {
  const sources = realSources.filter(keep);
  const facts = realFacts();
  const withSource = <T>(pick: (f: ArticleFacts) => T[]) => sources.flatMap((source) => pick(facts.get(source)!).map((fact) => ({ source, fact })));
  const events = withSource((f) => f.presentations);
  const deadlines = withSource((f) => f.deadlines);
  const goldEvents = realGold.presentation_events.filter((g) => sources.includes(g.source));
  const goldDeadlines = realGold.deadlines.filter((g) => sources.includes(g.source));
  const at = (source: string) => source.slice(0, 2);
  return {
    events: score(
      events,
      goldEvents,
      (g) => g.role.length,
      (e, g) => e.source === g.source && eventMatches(e.fact, g),
      (e) => `${at(e.source)} ${e.fact.presenter} [${e.fact.role}] ${e.fact.act}: ${e.fact.document.slice(0, 90)}`,
      (g) => `${g.id} ${at(g.source)} ${g.presenter} [${g.role.join(',')}] ${g.action}: ${g.document.slice(0, 90)}`,
    ),
    deadlines: score(
      deadlines,
      goldDeadlines,
      () => 1,
      (e, g) => e.source === g.source && deadlineMatches(e.fact, g),
      (e) => `${at(e.source)} ${e.fact.phrase} [${e.fact.kind} ${e.fact.startDate}..${e.fact.endDate}]: ${e.fact.task.slice(0, 90)}`,
      (g) => `${g.id} ${at(g.source)} ${g.deadline_phrase} [${g.normalized.kind} ${g.normalized.value}]: ${g.what.slice(0, 90)}`,
    ),
  };
}

export const isOddArticle = (source: string) => Number(source.slice(0, 2)) % 2 === 1;

const round = (x: number) => Math.round(x * 1000) / 1000;
export function summary(s: Score): string {
  return `recall ${round(s.recall)} (${s.gold - s.missed.length}/${s.gold}), precision ${round(s.precision)} (${s.extracted - s.invented.length}/${s.extracted})`;
}
