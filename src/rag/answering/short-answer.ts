import { foldForMatch } from '../../text/normalize.js';
import type { Candidate } from '../candidates/collect.js';
import { spansAnswering, type TypedSpan } from '../candidates/typed-spans.js';
import { ACT_FORMS } from '../question/acts.js';
import type { AnalyzedQuestion, Wanted } from '../question/analyze.js';

/** Words a title chain starts with: "Ủy viên Bộ Chính trị, Bí thư Thành ủy", "Phó Chủ tịch UBND TP", "GS, TS." */
const TITLE_HEAD =
  /^(?:Ủy viên|Uỷ viên|Phó|Bí thư|Chủ tịch|Trưởng|Giám đốc|Chánh|Tổng|Thứ trưởng|Bộ trưởng|Chủ nhiệm|Thành ủy viên|Tỉnh ủy viên|Đại biểu|Viện trưởng|Vụ trưởng|Cục trưởng|Hiệu trưởng|Thủ trưởng|Thủ tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tướng|Đại tá|Thượng tá|Trung tá|Người phát ngôn|Quyền|Chính ủy|Chính trị viên|Tư lệnh|Chuyên viên|GS|PGS|TS|ThS|Nguyên|Trưởng đoàn|Chỉ huy trưởng)(?![\p{L}])/u;

/** The titles written right before a name ("Chủ tịch UBND thành phố Trần Sỹ Thanh"), back over commas while each part is a title. */
function titlesBefore(sentence: string, start: number): string {
  const before = sentence.slice(0, start).replace(/\s+$/u, '');
  const parts = before.split(/\s*[,;:]\s*|\s+[-–]\s+/u);
  const titles: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!.replace(/^.*?(?<![\p{L}])(?:đồng chí|ông|bà|Đồng chí|Ông|Bà)\s+/u, '');
    const words = part.split(/\s+/);
    const at = words.findIndex((_, j) => TITLE_HEAD.test(words.slice(j).join(' ')));
    if (at < 0) break;
    titles.unshift(words.slice(at).join(' '));
    if (at > 0 || part !== parts[i]) break; // the chain started inside this part
  }
  return titles.join(', ');
}

/** The titles written right after a name (", Phó Bí thư Tỉnh ủy", " - Thành ủy viên, Bí thư Quận ủy"), up to the next person or verb. */
function titlesAfter(sentence: string, end: number): string {
  const after = sentence.slice(end).match(/^\s*(?:,|[-–])\s*([^;:]*)/u)?.[1] ?? '';
  const parts = after.split(/\s*,\s*/u);
  const titles: string[] = [];
  for (const part of parts) {
    if (!TITLE_HEAD.test(part)) break;
    // A title ends where the act begins: "Phó Bí thư Tỉnh ủy trình bày dự thảo …".
    const verb = part.search(new RegExp(`\\s(?:${Object.values(ACT_FORMS).flat().join('|')}|đã|cho biết|nhấn mạnh|khẳng định|thay mặt)(?![\\p{L}])`, 'u'));
    titles.push((verb > 0 ? part.slice(0, verb) : part).trim());
    if (verb > 0) break;
  }
  return titles.join(', ');
}

/** "Trần Sỹ Thanh (Chủ tịch UBND thành phố)": a person with the titles the sentence gives them. */
export function personWithTitles(sentence: string, span: TypedSpan): string {
  const titles = titlesBefore(sentence, span.start) || titlesAfter(sentence, span.end);
  return titles ? `${span.text} (${titles})` : span.text;
}

/** Words between two offsets of a text. */
const wordsBetween = (text: string, from: number, to: number) => (text.slice(Math.min(from, to), Math.max(from, to)).match(/\s+/g) ?? []).length;

/** Where the question's act or rarer words stand in the sentence: the answer is the span nearest them. */
function anchorsOf(question: AnalyzedQuestion, sentence: string): number[] {
  const lower = sentence.toLowerCase();
  const acts = question.acts.flatMap((act) => ACT_FORMS[act]).flatMap((form) => [...lower.matchAll(new RegExp(`(?<![\\p{L}])${form}(?![\\p{L}])`, 'gu'))].map((m) => m.index!));
  if (acts.length > 0) return acts;
  const terms = new Set(question.terms);
  return [...sentence.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => terms.has(foldForMatch(m[0]))).map((m) => m.index!);
}

function nearest(spans: TypedSpan[], anchors: number[], sentence: string): TypedSpan | undefined {
  if (anchors.length === 0) return spans[0];
  const distance = (span: TypedSpan) => Math.min(...anchors.map((a) => (a >= span.end ? wordsBetween(sentence, span.end, a) : a < span.start ? wordsBetween(sentence, a, span.start) : 0)));
  return [...spans].sort((a, b) => distance(a) - distance(b) || a.start - b.start)[0];
}

/** Spans that do not overlap one kept before them. */
function disjoint(spans: TypedSpan[]): TypedSpan[] {
  const kept: TypedSpan[] = [];
  for (const span of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** What a count question counts, each of them: "bao nhiêu điểm cầu, bao nhiêu đại biểu" → ["diem cau", "dai bieu"]. */
function countNouns(question: AnalyzedQuestion): string[] {
  const folded = foldForMatch(question.text);
  const nouns = [...folded.matchAll(/\b(?:bao nhieu|may)\s+([a-z]+(?:\s+[a-z]+)?)/g)].map((m) => m[1]!);
  return nouns.length > 0 ? nouns : question.countNoun ? [question.countNoun] : [];
}

/** Preferred span types for a kind of answer, best first. */
const PREFERRED: Partial<Record<Wanted, Array<TypedSpan['type']>>> = {
  date: ['day', 'date', 'period', 'deadline'],
  deadline: ['deadline', 'day', 'date', 'period'],
  period: ['period', 'date', 'deadline'],
};

/**
 * The short answer a sentence gives to the question, in the source's words: the person with
 * their titles, the figure with what it counts, the date as written, the document, the place.
 * Null when the question wants a description (the sentence itself is the answer).
 */
export function shortAnswer(question: AnalyzedQuestion, candidate: Candidate): string | null {
  const sentence = candidate.text;
  const anchors = anchorsOf(question, sentence);
  const parts: string[] = [];
  for (const wanted of question.wants) {
    if (wanted === 'description' || wanted === 'result') continue;
    let spans = spansAnswering(wanted, candidate.spans, sentence);
    if (spans.length === 0) continue;
    const order = PREFERRED[wanted];
    if (order) spans = spans.filter((s) => s.type === order.find((type) => spans.some((x) => x.type === type)));
    if (wanted === 'person') {
      const listed = question.isList || question.acts.some((act) => act === 'chair' || act === 'attend');
      const people = listed ? disjoint(spans) : [nearest(spans, anchors, sentence)!];
      parts.push(people.map((span) => personWithTitles(sentence, span)).join('; '));
    } else if (wanted === 'number') {
      const nouns = countNouns(question);
      const counted = disjoint(spans).filter((span) => nouns.some((noun) => span.noun?.startsWith(noun.split(' ')[0]!)));
      parts.push((counted.length > 0 ? counted : [nearest(spans, anchors, sentence)!]).map((span) => span.text).join('; '));
    } else if (wanted === 'place' && question.isList) {
      parts.push(disjoint(spans).map((span) => span.text).join('; '));
    } else {
      parts.push(nearest(disjoint(spans), anchors, sentence)!.text);
    }
  }
  const short = [...new Set(parts)].join(' — ');
  return short && short.length < sentence.length * 0.8 ? short : null;
}
