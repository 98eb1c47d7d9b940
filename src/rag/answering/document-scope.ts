import { findDocumentMentions, matchesDocumentQuery, symbolKind, type DocumentQuery } from '../../text/document-ids.js';
import { memoizedByText } from '../../text/memo.js';
import type { Candidate } from '../candidates/collect.js';

const mentionsOf = memoizedByText(findDocumentMentions, 200);

/** Documents that carry others out (plans, programmes, projects, guidance), as against what they carry out. */
const PLAN_KINDS = new Set(['KH', 'CTR', 'DA', 'HD']);

function kindOf(query: DocumentQuery): string | undefined {
  return query.symbol ?? (query.canonicalId ? symbolKind(query.canonicalId) : undefined);
}

/**
 * A sentence that names none of the documents asked about ("Kế hoạch đặt mục tiêu …", "giao
 * Sở … báo cáo trước ngày 10/12") speaks of the document of that kind its article named last
 * before it. When that is another one ("Cùng ngày, … ký ban hành Kế hoạch số 8232 …"), the
 * sentence is about the other document, not the one asked about. An official document's own
 * header and signature are about that document.
 */
export function speaksOfAnotherDocument(candidate: Candidate, asked: DocumentQuery[]): boolean {
  const kinds = asked.map(kindOf).filter((kind): kind is string => Boolean(kind));
  if (kinds.length === 0) return false;
  const mentions = mentionsOf(candidate.article.text);
  const named = (id: string) => asked.some((query) => matchesDocumentQuery(id, query));
  const inSentence = mentions.filter((m) => m.start >= candidate.start && m.start < candidate.end);
  if (inSentence.some((m) => named(m.canonicalId))) return false;
  // "… ký ban hành Kế hoạch số 203/KH-UBND …" is about that plan, not about Chương trình 12-CTr/TU asked about.
  const planAsked = kinds.some((kind) => PLAN_KINDS.has(kind));
  if (planAsked && inSentence.some((m) => PLAN_KINDS.has(symbolKind(m.canonicalId) ?? ''))) return true;
  // An official document's header and signature speak of that document, and of what its title says it carries out.
  if ((candidate.headerOf ?? []).length > 0) {
    return !candidate.headerOf!.some(named) && !mentionsOf(candidate.article.title).some((m) => named(m.canonicalId));
  }
  const before = mentions.filter((m) => m.start < candidate.end && kinds.includes(symbolKind(m.canonicalId) ?? ''));
  const last = before.at(-1);
  return last !== undefined && !named(last.canonicalId);
}
