import { findDocumentMentions, matchesDocumentQuery, symbolKind, type DocumentMention, type DocumentQuery } from '../../text/document-ids.js';
import { memoizedByText } from '../../text/memo.js';
import type { Candidate } from '../candidates/collect.js';
import { HEADER_SENTENCES } from '../../text/official-header.js';

const mentionsOf = memoizedByText(findDocumentMentions, 200);

/** Documents that carry others out (plans, programmes, projects, guidance), as against what they carry out. */
const PLAN_KINDS = new Set(['KH', 'CTR', 'DA', 'HD']);

function kindOf(query: DocumentQuery): string | undefined {
  return query.symbol ?? (query.canonicalId ? symbolKind(query.canonicalId) : undefined);
}

/** "Thực hiện Chỉ thị số 35 …; Kế hoạch số 81 …": a sentence naming what the document of the one after it carries out. */
const BASIS_OPENER = /^(?:thực hiện|căn cứ|triển khai|trên cơ sở|quán triệt)(?![\p{L}])/iu;

/** The sentence opens with what is carried out, and the next one, in its paragraph, names a document asked about. */
function basisOfNext(candidate: Candidate, mentions: DocumentMention[], named: (id: string) => boolean): boolean {
  if (!BASIS_OPENER.test(candidate.text.trimStart())) return false;
  const next = candidate.article.sentences[candidate.index + 1];
  if (!next || candidate.article.text.slice(candidate.end, next.start).includes('\n')) return false;
  return mentions.some((m) => m.start >= next.start && m.start < next.end && named(m.canonicalId));
}

/** "Thực hiện Chỉ thị số 35 …. Ngày 10/12, … ban hành Kế hoạch số 101 …": the sentence says what a document asked about carries out. */
export function statesBasisOf(candidate: Candidate, asked: DocumentQuery[]): boolean {
  return asked.length > 0 && basisOfNext(candidate, mentionsOf(candidate.article.text), (id) => asked.some((query) => matchesDocumentQuery(id, query)));
}

/**
 * A sentence that names none of the documents asked about ("Kế hoạch đặt mục tiêu …", "giao
 * Sở … báo cáo trước ngày 10/12") speaks of the document of that kind its article named last
 * before it. When that is another one ("Cùng ngày, … ký ban hành Kế hoạch số 8232 …"), the
 * sentence is about the other document, not the one asked about. An official document's own
 * header and signature are about that document (and, unless the question is who signed or
 * issued it, about what its header says it carries out).
 */
export function speaksOfAnotherDocument(candidate: Candidate, asked: DocumentQuery[], options: { signing?: boolean } = {}): boolean {
  const kinds = asked.map(kindOf).filter((kind): kind is string => Boolean(kind));
  if (kinds.length === 0) return false;
  const mentions = mentionsOf(candidate.article.text);
  const named = (id: string) => asked.some((query) => matchesDocumentQuery(id, query));
  const inSentence = mentions.filter((m) => m.start >= candidate.start && m.start < candidate.end);
  if (inSentence.some((m) => named(m.canonicalId)) || basisOfNext(candidate, mentions, named)) return false;
  // "… ký ban hành Kế hoạch số 203/KH-UBND …" is about that plan, not about Chương trình 12-CTr/TU asked about.
  const planAsked = kinds.some((kind) => PLAN_KINDS.has(kind));
  if (planAsked && inSentence.some((m) => PLAN_KINDS.has(symbolKind(m.canonicalId) ?? ''))) return true;
  // An official document's header and signature speak of that document, and of what its title says it carries out.
  if ((candidate.headerOf ?? []).length > 0) {
    // What it carries out is in its title, in the header ("CHƯƠNG TRÌNH HÀNH ĐỘNG / thực hiện Nghị quyết số 29-NQ/TW …");
    // but its signature signs that document alone, not what it carries out.
    const headerEnd = candidate.article.sentences[Math.min(HEADER_SENTENCES, candidate.article.sentences.length) - 1]?.end ?? 0;
    const inHeader = !options.signing && mentions.some((m) => m.start < headerEnd && named(m.canonicalId));
    return !candidate.headerOf!.some(named) && !inHeader && !mentionsOf(candidate.article.title).some((m) => named(m.canonicalId));
  }
  const before = mentions.filter((m) => m.start < candidate.end && kinds.includes(symbolKind(m.canonicalId) ?? ''));
  const last = before.at(-1);
  return last !== undefined && !named(last.canonicalId);
}
