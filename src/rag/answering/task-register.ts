import type { StoredDeadline } from '../../store/fact-repository.js';
import type { Store } from '../../store/index.js';
import { foldedWordsOf, foldForMatch } from '../../text/normalize.js';
import { withoutDocumentWords, type AnalyzedQuestion } from '../question/analyze.js';
import { NOT_CONTENT } from '../question/words.js';
import type { Draft } from './draft.js';
import { deadlineText, evidenceOfFact, focusOfDeadlines } from './registers.js';

/** A question about the tasks a plan hands out: who is given what, and by when. */
const ASKS_TASKS = /\b(?:giao|chu tri|phu trach|nhiem vu|cong viec|lam gi)\b|(?<!\bve )\bviec gi\b|\bwhich tasks\b|\bwhat tasks\b|\btasked\b/;

/** Words of such a question that name no particular task or unit. */
const TASK_QUESTION_WORDS =
  /\b(?:giao|chu tri|phu trach|nhiem vu|cong viec|viec|lam|han(?: chot)?|thoi (?:gian|han)|hoan thanh|thuc hien|trien khai|co quan|don vi|so nganh|so|nganh|bao gio|luc nao|khi nao|ngay nao|thang nao|nam nao|nhu the nao|cu the|dau|tasks?|tasked|due|deadline)\b/g;

/**
 * "Kế hoạch 87/KH-UBND giao Sở nào, hạn khi nào?", "Sở Công Thương phải làm gì theo Kế hoạch
 * 87/KH-UBND?", "Kế hoạch … có những nhiệm vụ nào?": the rows of the named plan's tasks (its
 * deadline facts, each with the unit in charge) — all of them, or those whose task or unit has
 * every word the question adds. Null when the question is not about the plan's tasks or no row
 * fits, so the sentences answer instead.
 */
export function taskRegister(store: Store, question: AnalyzedQuestion): Draft | null {
  const folded = foldForMatch(question.text);
  const asks = question.wants.includes('deadline') || ASKS_TASKS.test(folded);
  if (question.documents.length === 0 || !asks) return null;
  const rows = question.documents.flatMap((d) => store.facts.deadlinesOfDocument(d));
  if (rows.length === 0) return null;
  // English words never appear in a Vietnamese row: an English question gets all of them.
  const words = question.language === 'en' ? [] : withoutDocumentWords(foldedWordsOf(folded.replace(TASK_QUESTION_WORDS, ' ')), question.text).filter((w) => !NOT_CONTENT.has(w));
  const fitting = rows.filter((row) => fits(row, words));
  if (fitting.length === 0) return null;
  const claims = fitting.slice(0, 20).map((row) => ({ text: deadlineText(row, question, true), evidence: [evidenceOfFact(row)] }));
  return { found: true, claims, focus: focusOfDeadlines(fitting), probability: 1, decision: [{ strategy: 'task register', probability: 1, chosen: true, first: claims[0]!.text.slice(0, 100) }] };
}

function fits(row: StoredDeadline, words: string[]): boolean {
  const haystack = new Set(foldedWordsOf(`${row.task} ${row.responsible ?? ''}`));
  return words.every((word) => haystack.has(word));
}
