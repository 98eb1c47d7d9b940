import { memoizedByText } from '../../text/memo.js';
import { foldForMatch } from '../../text/normalize.js';
import type { TypedSpan } from './typed-spans.js';

/** Words that end the role a question asks about and start its setting ("… báo cáo viên tại hội nghị …"). */
const SETTING = '(?:tai|o|cua|trong|cho|khi|ve|theo|nam|ngay|dot)';

/** "Ai là báo cáo viên tại …?", "Báo cáo viên là ai?": the role asked about (folded), or null. */
const roleAskedOf = memoizedByText((question: string): string | null => {
  const folded = foldForMatch(question).replace(/[?!.\s]+$/u, '');
  const after = folded.match(new RegExp(`\\bai la ([a-z0-9]+(?: [a-z0-9]+){0,3}?)(?= ${SETTING}\\b|[,;:]|$)`));
  const before = folded.match(/^([a-z0-9]+(?: [a-z0-9]+){0,3}) la ai\b/);
  return (after ?? before)?.[1] ?? null;
}, 200);

/** "<role> là …" as a sentence writes it (folded): one expression a role, made once. */
const ROLE_SENTENCES = new Map<string, RegExp>();
function roleSentence(role: string): RegExp {
  let pattern = ROLE_SENTENCES.get(role);
  if (ROLE_SENTENCES.size > 500) ROLE_SENTENCES.clear(); // roles come from questions: keep it bounded
  if (!pattern) ROLE_SENTENCES.set(role, (pattern = new RegExp(`(?:^|[,;:.] )${role} la (?!ai\\b)([^.;]{3,200})`)));
  return pattern;
}

/**
 * "Báo cáo viên là các ủy viên Bộ Chính trị, ủy viên Ban Bí thư khóa XIII": who hold the role
 * the question asks about, as the sentence describes them when it names no one.
 */
export function holdersOfAskedRole(sentence: string, question: string): TypedSpan[] {
  const role = roleAskedOf(question);
  if (!role) return [];
  const folded = foldForMatch(sentence);
  if (folded.length !== sentence.length) return []; // offsets of the folded text would not be the sentence's
  const match = roleSentence(role).exec(folded);
  if (!match) return [];
  const start = match.index + match[0].length - match[1]!.length;
  const text = sentence.slice(start, start + match[1]!.length).trimEnd();
  return [{ type: 'person', text, start, end: start + text.length }];
}
