import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean.js';
import { extractFacts } from '../../src/facts/extract.js';
import { roleOfAct } from '../../src/facts/roles.js';
import type { ArticleFacts } from '../../src/facts/types.js';
import { canonicalDocumentId } from '../../src/text/document-ids.js';
import { foldForMatch } from '../../src/text/normalize.js';
import { BUNDLED_ARTICLES, PROJECT_ROOT } from '../helpers.js';

interface GoldEvent {
  source: string;
  presenter: string;
  action: string;
  document: string;
  resolution_ids: string[];
}
interface GoldDeadline {
  source: string;
  deadline_phrase: string;
  normalized: { kind: string; value: string };
}
const gold = JSON.parse(readFileSync(path.join(PROJECT_ROOT, '../shared/dev/seed_facts.json'), 'utf8')) as {
  presentation_events: GoldEvent[];
  deadlines: GoldDeadline[];
};

const extracted = new Map<string, ArticleFacts>();
for (const source of new Set([...gold.presentation_events, ...gold.deadlines].map((f) => f.source).concat(['000_858032534c20a8a8.txt']))) {
  extracted.set(source, extractFacts(cleanArticle(readFileSync(path.join(BUNDLED_ARTICLES, source), 'utf8'))));
}
const allSources = ['000_858032534c20a8a8.txt', '001_a336b1d5b261da7d.txt', '002_cb67e36fc604a1f7.txt', '003_b463fc8586e5a2ca.txt', '004_cc5a3be2236aad9d.txt'];
for (const source of allSources) {
  if (!extracted.has(source)) extracted.set(source, extractFacts(cleanArticle(readFileSync(path.join(BUNDLED_ARTICLES, source), 'utf8'))));
}

/** The seed gold predates roles and records who presented, reported or answered, not who chaired: chairs are scored on the real set. */
const annotated = (facts: ArticleFacts) => facts.presentations.filter((p) => p.role !== 'chair');

const words = (text: string) => new Set(foldForMatch(text.replace(/\(.*?\)/g, ' ')).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
/** Share of the shorter description's words that the other one has too. */
function overlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  const common = [...x].filter((w) => y.has(w)).length;
  return common / Math.max(1, Math.min(x.size, y.size));
}

function matchesEvent(goldEvent: GoldEvent) {
  return (extracted.get(goldEvent.source)?.presentations ?? []).find(
    (p) =>
      p.presenter === goldEvent.presenter &&
      p.role === roleOfAct(goldEvent.action) &&
      (goldEvent.resolution_ids.length > 0
        ? goldEvent.resolution_ids.some((id) => p.resolutions.includes(canonicalDocumentId(id)))
        : overlap(p.document, goldEvent.document) >= 0.6),
  );
}

/** The extracted deadline for a gold one: same normalised date, the phrase as written (exact first, then containing). */
function matchesDeadline(goldDeadline: GoldDeadline) {
  const { kind, value } = goldDeadline.normalized;
  const sameDate = (extracted.get(goldDeadline.source)?.deadlines ?? []).filter((d) =>
    kind === 'before_date' ? d.endDate === value : d.endDate?.startsWith(value) && (kind !== 'late_month' || d.kind === 'late_month'),
  );
  const phrase = foldForMatch(goldDeadline.deadline_phrase);
  return (
    sameDate.find((d) => foldForMatch(d.phrase) === phrase) ??
    sameDate.find((d) => phrase.includes(foldForMatch(d.phrase)) || foldForMatch(d.phrase).includes(phrase))
  );
}

describe('extraction scored against the gold facts of the bundled articles', () => {
  it('finds every presenter → document pair', () => {
    const missed = gold.presentation_events.filter((event) => !matchesEvent(event)).map((e) => `${e.presenter}: ${e.document.slice(0, 60)}`);
    expect(missed).toEqual([]);
  });

  it('invents no presenter', () => {
    const invented = [...extracted.entries()].flatMap(([source, facts]) =>
      annotated(facts)
        .filter((p) => !gold.presentation_events.some((g) => g.source === source && g.presenter === p.presenter))
        .map((p) => `${source}: ${p.presenter}`),
    );
    expect(invented).toEqual([]);
  });

  it('finds every deadline with its normalised date', () => {
    const missed = gold.deadlines.filter((deadline) => !matchesDeadline(deadline)).map((d) => `${d.source}: ${d.deadline_phrase}`);
    expect(missed).toEqual([]);
  });

  it('reports precision and recall', () => {
    const presentations = [...extracted.values()].flatMap(annotated);
    const deadlines = [...extracted.values()].flatMap((f) => f.deadlines);
    const matchedEvents = gold.presentation_events.filter((e) => matchesEvent(e)).length;
    const correctPresentations = presentations.filter((p) => gold.presentation_events.some((g) => g.presenter === p.presenter && matchesEvent(g) === p)).length;
    const matchedDeadlines = gold.deadlines.filter((d) => matchesDeadline(d)).length;
    const correctDeadlines = deadlines.filter((d) => gold.deadlines.some((g) => matchesDeadline(g) === d)).length;
    const report = {
      presentations: { recall: matchedEvents / gold.presentation_events.length, precision: correctPresentations / presentations.length, extracted: presentations.length },
      deadlines: { recall: matchedDeadlines / gold.deadlines.length, precision: correctDeadlines / deadlines.length, extracted: deadlines.length },
    };
    console.log('facts vs gold:', JSON.stringify(report));
    expect(report.presentations.recall).toBe(1);
    expect(report.deadlines.recall).toBe(1);
    expect(report.presentations.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.deadlines.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('infers the year of "Chiều 6/12" from the resolutions the article cites, and of "Chiều 11-1" from the page date', () => {
    const e01 = extracted.get('000_858032534c20a8a8.txt')!.presentations.find((p) => p.role === 'present')!;
    expect(e01).toMatchObject({ eventDate: '2022-12-06', eventDateRaw: 'Chiều 6/12' });
    expect(e01.eventDateInference).toContain('2022-11-17');
    const e05 = extracted.get('001_a336b1d5b261da7d.txt')!.presentations.find((p) => p.presenter === 'Lê Hồng Sơn')!;
    expect(e05).toMatchObject({ eventDate: '2023-01-11', eventDateRaw: 'Chiều 11-1' });
    expect(e05.eventDateInference).toContain('ngày đăng bài');
  });

  it('separates the name from the chain of titles before it', () => {
    const e01 = extracted.get('000_858032534c20a8a8.txt')!.presentations.find((p) => p.role === 'present')!;
    expect(e01.presenter).toBe('Vũ Đức Bảo');
    expect(e01.titles).toEqual(['Ủy viên Ban Thường vụ Thành ủy', 'Trưởng ban Tổ chức Thành ủy']);
  });

  it('ties every fact to the exact sentence it came from', () => {
    for (const source of allSources) {
      const text = cleanArticle(readFileSync(path.join(BUNDLED_ARTICLES, source), 'utf8')).text;
      const facts = extracted.get(source)!;
      for (const fact of [...facts.presentations, ...facts.deadlines, ...facts.documents]) expect(text.slice(fact.start, fact.end)).toBe(fact.quote);
      for (const p of facts.presentations) expect(p.quote).toContain(p.presenter);
      for (const d of facts.deadlines) expect(d.quote).toContain(d.phrase);
    }
  });
});
