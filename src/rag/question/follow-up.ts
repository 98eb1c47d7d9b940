import type { ConversationFocus } from '../../store/trace-repository.js';
import { foldForMatch } from '../../text/normalize.js';

/** "kế hoạch đó", "nghị quyết này", "ông ấy", "that plan", "he": words pointing back at the last answer. */
const DOCUMENT_ANAPHOR = /((?:kế hoạch|nghị quyết|văn bản|chương trình(?: hành động| công tác)?|đề án|quy định)\s+(?:đó|này|trên|ấy|kia|vừa rồi|nói trên))|(\b(?:that|this|the same) (?:plan|resolution|document|programme|program)\b)|(\bit\b)/iu;
const PERSON_ANAPHOR = /((?:ông|bà|đồng chí|người)\s+(?:đó|này|ấy|kia|trên))|(\b(?:he|she|him|her)\b)/iu;

/**
 * Rewrites a follow-up so it stands alone: "Còn hạn chót của kế hoạch đó?" after a question
 * about Kế hoạch số 04-KH/TU becomes "Còn hạn chót của kế hoạch đó (4-KH/TU)?". A question
 * that names its own document or person is left as it is.
 */
export function resolveFollowUp(question: string, previous: ConversationFocus | undefined, hasOwnDocument: boolean, hasOwnPerson: boolean): string {
  if (!previous) return question;
  let rewritten = question;
  const folded = foldForMatch(question);
  if (!hasOwnDocument && previous.documents.length > 0 && DOCUMENT_ANAPHOR.test(question)) {
    rewritten = rewritten.replace(DOCUMENT_ANAPHOR, (match) => `${match} (${previous.documents.slice(0, 3).join(', ')})`);
  } else if (!hasOwnPerson && previous.persons.length > 0 && PERSON_ANAPHOR.test(question)) {
    rewritten = rewritten.replace(PERSON_ANAPHOR, (match) => `${match} (${previous.persons[0]})`);
  } else if (!hasOwnDocument && !hasOwnPerson && /^(?:con|the con|vay con|and|what about)\b/.test(folded) && (previous.documents.length > 0 || previous.persons.length > 0)) {
    // "Còn hạn chót thì sao?": the same subject as before.
    rewritten = `${question} (${[...previous.documents.slice(0, 2), ...previous.persons.slice(0, 1)].join(', ')})`;
  }
  return rewritten;
}
