import type { StoredDeadline, StoredDocumentMention, StoredPresentation } from '../../store/fact-repository.js';
import type { Store } from '../../store/index.js';
import type { ConversationFocus } from '../../store/trace-repository.js';
import type { Evidence } from '../answer.js';
import { matchesDocumentQuery } from '../../text/document-ids.js';
import { showsAct } from '../question/acts.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import { declined, type Draft } from './draft.js';

const MAX_LIST = 20;

export const evidenceOfFact = (fact: StoredPresentation | StoredDeadline | StoredDocumentMention): Evidence => ({
  articleId: fact.articleId,
  chunkId: fact.chunkId,
  source: fact.source,
  title: fact.title,
  publishedDate: fact.publishedDate,
  quote: fact.quote,
  start: fact.start,
  end: fact.end,
});

export function deadlineText(deadline: StoredDeadline, question: AnalyzedQuestion, withResponsible: boolean): string {
  const who = withResponsible && deadline.responsible && !deadline.task.includes(deadline.responsible) ? deadline.responsible : null;
  if (question.language === 'en') return `${deadline.task} — due: ${deadline.phrase}${who ? ` (responsible: ${who})` : ''}`;
  return `${deadline.task}: ${deadline.phrase}${who ? ` (chủ trì/thực hiện: ${who})` : ''}`;
}

export function focusOfDeadlines(deadlines: StoredDeadline[]): ConversationFocus {
  return { documents: [...new Set(deadlines.flatMap((d) => (d.relatedDocument ? [d.relatedDocument] : [])))], persons: [] };
}

/**
 * "Ông Lê Hồng Sơn đã làm gì …?", "What did X present?": every presentation fact of the
 * person the question names (of the documents it names, when it names some), each cited.
 */
export function personRegister(store: Store, question: AnalyzedQuestion, describe: (fact: StoredPresentation) => string): Draft | null {
  // Only "what did they do / present": any other kind of answer asked for is not in the person's acts.
  const asksOther = question.wants.some((w) => w !== 'document' && w !== 'description' && w !== 'kind');
  if (question.persons.length === 0 || asksOther) return null;
  if (!question.asksAct && question.acts.length === 0 && !question.wants.includes('document')) return null;
  let facts = question.persons.flatMap((person) => store.facts.presentationsByPerson(person));
  if (question.documents.length > 0) {
    facts = facts.filter((f) => [...f.documentIds, ...f.resolutions].some((id) => question.documents.some((d) => matchesDocumentQuery(id, d))));
  }
  if (question.acts.length > 0 && !question.asksAct) {
    const acting = facts.filter((f) => showsAct(question.acts, f.act));
    if (acting.length > 0) facts = acting;
  }
  const unique = [...new Map(facts.map((f) => [f.id, f])).values()];
  if (unique.length === 0) return null;
  const claims = unique.slice(0, MAX_LIST).map((f) => ({ text: describe(f), evidence: [evidenceOfFact(f)] }));
  return {
    found: true,
    claims,
    focus: { documents: [...new Set(unique.flatMap((f) => [...f.documentIds, ...f.resolutions]))], persons: [unique[0]!.presenter] },
    probability: 1,
    decision: [{ strategy: 'person register', probability: 1, chosen: true, first: claims[0]!.text.slice(0, 100) }],
  };
}

/**
 * "Những ai đã trình bày hoặc tiếp thu tại hội nghị chiều 11-1?": every person with the acts
 * asked about at the meeting the question describes (the articles of the best passages whose
 * meeting is on the day it names, if it names one), in the order each article tells them.
 */
export function meetingRegister(store: Store, question: AnalyzedQuestion, articleIds: string[], describe: (fact: StoredPresentation) => string): Draft | null {
  if (!question.isList || !question.wants.includes('person') || question.acts.length === 0) return null;
  const onDay = (f: StoredPresentation) =>
    question.dates.length === 0 || question.dates.some((d) => (f.eventDate ? Number(f.eventDate.slice(8, 10)) === d.day && Number(f.eventDate.slice(5, 7)) === d.month : false));
  const facts = articleIds.flatMap((id) => store.facts.presentationsOfArticle(id)).filter((f) => showsAct(question.acts, f.act) && onDay(f));
  const unique = [...new Map(facts.map((f) => [`${f.presenter}|${f.act}|${f.document}`, f])).values()];
  if (unique.length < 2) return null; // one person is what the sentence answer already gives
  const claims = unique.slice(0, MAX_LIST).map((f) => ({ text: describe(f), evidence: [evidenceOfFact(f)] }));
  return {
    found: true,
    claims,
    focus: { documents: [...new Set(unique.flatMap((f) => [...f.documentIds, ...f.resolutions]))], persons: unique.map((f) => f.presenter).slice(0, 3) },
    probability: 1,
    decision: [{ strategy: 'meeting register', probability: 1, chosen: true, first: claims[0]!.text.slice(0, 100) }],
  };
}

/**
 * "Những kế hoạch, chương trình nào thực hiện Nghị quyết 28?": every plan or programme the
 * facts tie to the resolution the question names, across articles, each with who presented it.
 */
export function implementingRegister(store: Store, question: AnalyzedQuestion, describe: (fact: StoredPresentation) => string): Draft | null {
  if (!question.isList || !question.wants.includes('document') || question.documents.length === 0) return null;
  // Plans and programmes only: a speech or a resolution taken up at the meeting implements nothing.
  const plan = /(?<![\p{L}])(?:kế hoạch|chương trình|đề án|dự thảo|hướng dẫn)(?![\p{L}])/iu;
  const facts = question.documents
    .flatMap((q) => store.facts.presentationsByDocument(q))
    .filter((f) => f.resolutions.some((id) => question.documents.some((q) => matchesDocumentQuery(id, q))) && plan.test(f.document.slice(0, 60)));
  const unique = [...new Map(facts.map((f) => [f.document.slice(0, 120).toLowerCase(), f])).values()];
  if (unique.length === 0) return null;
  const claims = unique.slice(0, MAX_LIST).map((f) => ({ text: describe(f), evidence: [evidenceOfFact(f)] }));
  return {
    found: true,
    claims,
    focus: { documents: [...new Set(unique.flatMap((f) => [...f.documentIds, ...f.resolutions]))], persons: [] },
    probability: 1,
    decision: [{ strategy: 'implementing register', probability: 1, chosen: true, first: claims[0]!.text.slice(0, 100) }],
  };
}

/**
 * Register questions answered by lookup over the deadline facts, each item cited: every
 * deadline in a range ("Những việc nào phải hoàn thành trước tháng 2/2021?", "What is due in
 * December 2020?"), or of a plan when the question names no particular task ("Hạn chót của
 * Kế hoạch 04-KH/TU?"). Null when the question is not one.
 */
export function deadlineRegister(store: Store, question: AnalyzedQuestion): Draft | null {
  const ofPlan = question.wants.includes('deadline') && question.documents.length > 0 && question.deadlineSubject.length === 0;
  const inRange = (question.isList || question.wants.includes('deadline')) && (question.dueBy !== null || question.dueWithin !== null);
  if (!ofPlan && !inRange) return null;
  const deadlines = ofPlan
    ? question.documents.flatMap((q) => store.facts.deadlinesOfDocument(q))
    : question.dueBy
      ? store.facts.deadlinesDueBy(question.dueBy)
      : store.facts.deadlinesBetween(question.dueWithin!.from, question.dueWithin!.to);
  if (ofPlan && deadlines.length === 0) return null;
  if (deadlines.length === 0) return declined('no deadline in the range');
  const claims = deadlines.slice(0, MAX_LIST).map((d) => ({ text: deadlineText(d, question, true), evidence: [evidenceOfFact(d)] }));
  return { found: true, claims, focus: focusOfDeadlines(deadlines), probability: 1, decision: [{ strategy: 'deadline register', probability: 1, chosen: true, first: claims[0]!.text.slice(0, 100) }] };
}
