import type { DocumentMention } from '../text/document-ids.js';
import { symbolKind } from '../text/document-ids.js';
import type { Span } from '../text/sentences.js';
import { findDeadlinePhrases } from '../text/deadline-phrases.js';
import type { DeadlineFact } from './types.js';
import type { DatedReference } from '../text/year-inference.js';

const LEADING_CONNECTIVES =
  /^(?:(?:Theo (?:kế hoạch|dự thảo|chương trình|đó|quy định|hướng dẫn|yêu cầu)|Đồng thời|Trong đó|Ngoài ra|Trước mắt|Cụ thể|Bên cạnh đó)\s*,?\s*)+/iu;

/** "do X tổ chức", "giao X chủ trì": who the text makes responsible. */
const ASSIGNED =
  /(?<![\p{L}])(?:do|giao(?:\s+cho)?)\s+(.+?)\s+(?:tổ chức|chủ trì|thực hiện|triển khai|hoàn thành|khẩn trương|tham mưu|theo dõi|phối hợp|xây dựng|trình|báo cáo)(?![\p{L}])/u;

/** A sentence subject followed by its verb: "Các sở, ban, ngành … báo cáo", "Ban Thường vụ Thành ủy đã thống nhất". */
const SUBJECT =
  /^(.{3,200}?)\s+(?:sẽ|đã|phải|cần|có trách nhiệm|được giao|báo cáo|trình|gửi|hoàn thành|tổ chức|thống nhất|nộp|tổng hợp|xây dựng|rà soát|hoàn thiện|chủ trì|tham mưu|triển khai|thực hiện|ban hành|kiểm tra)(?![\p{L}])/u;

/** What a responsible party looks like: a body, its head, or a group of cadres. */
const PARTY_HEAD =
  /^(?:Các|các|Ban|Sở|Bộ|UBND|HĐND|Ủy ban|Văn phòng|Thành ủy|Tỉnh ủy|Huyện ủy|Quận ủy|Đảng ủy|Đảng đoàn|Cơ quan|Mặt trận|Thành đoàn|Tỉnh đoàn|Công an|Cán bộ|cán bộ|Giám đốc|Thủ trưởng|Chủ tịch|Trưởng|Thường trực|Hội đồng|Trung tâm|Viện|\d+\s+nội dung)(?![\p{L}])/u;

/** "giao X chủ trì" in the previous sentence carries over ("UBND TP giao Sở X chủ trì … Dự thảo trình trước ngày …"). */
const ASSIGNED_BY_GIAO = /(?<![\p{L}])giao(?:\s+cho)?\s+(.+?)\s+(?:chủ trì|thực hiện|khẩn trương|tham mưu|theo dõi|phối hợp|xây dựng)(?![\p{L}])/u;

function responsibleIn(clause: string, sentence: string, previous: string | null): string | null {
  const assigned = clause.match(ASSIGNED) ?? sentence.match(ASSIGNED);
  if (assigned && assigned[1]!.split(/\s+/).length <= 16) return assigned[1]!.trim();
  const subject = clause.replace(LEADING_CONNECTIVES, '').match(SUBJECT);
  const words = subject?.[1]!.trim();
  if (words && words.split(/\s+/).length <= 24 && PARTY_HEAD.test(words) && !/^các hội nghị/iu.test(words)) {
    // "Ban Chỉ đạo yêu cầu các địa phương hoàn thành …": those asked are the ones responsible.
    const asked = words.match(/(?<![\p{L}])(?:yêu cầu|đề nghị)\s+(.+)$/u);
    const owner = words.match(/(?<![\p{L}])của\s+(.+)$/u);
    return (asked ? asked[1]! : owner ? owner[1]! : words).trim();
  }
  const carried = previous?.match(ASSIGNED_BY_GIAO);
  return carried && carried[1]!.split(/\s+/).length <= 16 ? carried[1]!.trim() : null;
}

function taskOf(clause: string, phrase: string): string {
  const task = (phrase ? clause.replace(phrase, ' ') : clause)
    .replace(/^[\s,;:.\-–]+/u, '')
    .replace(LEADING_CONNECTIVES, '')
    .replace(/^[\s,;:.\-–]+/u, '')
    .replace(/\s+,/g, ',')
    .replace(/\s{2,}/g, ' ')
    .replace(/(?:[\s,.;:…/]|\svà)+$/u, '')
    .trim();
  return task.charAt(0).toUpperCase() + task.slice(1);
}

/**
 * "Trong quý I/2024, toàn tỉnh đã kết nạp 500 đảng viên": a period whose results are reported,
 * not a deadline. A completion verb or a word looking ahead keeps it a deadline.
 */
const PERIOD_KINDS = new Set(['within_month', 'early_month', 'mid_month', 'late_month', 'quarter', 'late_quarter', 'year']);
const LOOKS_AHEAD = /(?<![\p{L}])(?:sẽ|phải|cần|dự kiến|kế hoạch|yêu cầu|đề nghị|giao|bảo đảm|đảm bảo|hoàn thành|xong|hoàn tất|chậm nhất|trước)(?![\p{L}])/iu;
const reportsResults = (clause: string, kind: string) =>
  PERIOD_KINDS.has(kind) && /(?<![\p{L}])đã(?![\p{L}])/u.test(clause) && !LOOKS_AHEAD.test(clause);

/** The clause of a sentence holding the phrase: clauses are separated by ";". */
function clauseAround(sentence: string, index: number): { text: string; start: number } {
  const before = sentence.lastIndexOf(';', index);
  const after = sentence.indexOf(';', index);
  const start = before < 0 ? 0 : before + 1;
  const end = after < 0 ? sentence.length : after;
  const raw = sentence.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), start: start + lead };
}

/** "Đến ngày 10/8/2025, có 68/68 đảng bộ … đã hoàn thành", "Tính đến …": where things stand, not what is due. */
const STATUS_LEAD = /^(?:[Tt]ính\s+)?[Đđ]ến\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\s*,\s*/u;
const isStatus = (clause: string) => STATUS_LEAD.test(clause.replace(LEADING_CONNECTIVES, '')) && /(?<![\p{L}])đã(?![\p{L}])/u.test(clause);

/** What is left of "Thời gian hoàn thành trong tháng 3.2021" or "hoàn thành trước ngày 30 tháng 7" says when, not what. */
const TIME_ONLY = /^(?:thời gian|thời hạn|hạn|trước thời gian|sớm hơn|chậm nhất|dự kiến)(?![\p{L}])/iu;
const isTaskless = (task: string) => task.split(/\s+/).length < 3 || TIME_ONLY.test(task);

/**
 * The task a time-only clause belongs to: the clauses before it in the sentence ("… gồm các lớp:
 * …; hoàn thành trước ngày 30 tháng 7"), else the sentences before it in the paragraph
 * ("Ban Bí thư chủ trì tổ chức Hội nghị … Thời gian hoàn thành trong tháng 3.2021").
 */
function taskBefore(text: string, sentences: Span[], i: number, clauseStart: number): string | null {
  const sentence = text.slice(sentences[i]!.start, sentences[i]!.end);
  const earlier = sentence.slice(0, clauseStart).replace(/[\s;,]+$/u, '');
  if (earlier) return earlier.replace(STATUS_LEAD, '');
  const paragraph: string[] = [];
  for (let j = i - 1; j >= 0 && !text.slice(sentences[j]!.end, sentences[j + 1]!.start).includes('\n'); j--) {
    const previous = text.slice(sentences[j]!.start, sentences[j]!.end);
    if (paragraph.length > 0 && paragraph.join(' ').length + previous.length > 300) break;
    paragraph.unshift(previous);
  }
  return paragraph.length ? paragraph.join(' ') : null;
}

/**
 * Deadlines of an article: every phrase such as "hoàn thành trước ngày 15/1/2021", "trong
 * tháng 12/2020", "vào cuối tháng 12/2023", "Quý III/2023", with the task it applies to, who is
 * responsible when the text says, and the plan it belongs to (the last numbered plan named before it).
 */
export function extractDeadlines(text: string, sentences: Span[], mentions: DocumentMention[], reference: DatedReference | null, titleEnd: number): DeadlineFact[] {
  const facts: DeadlineFact[] = [];
  const plans = mentions.filter((m) => symbolKind(m.canonicalId) !== 'NQ' && !/^Nghị quyết/i.test(m.raw));
  // A plan the article itself reports (dated, or "ban hành …") owns the deadlines after it, over plans merely cited.
  const issued = plans.filter((m) => m.issuedDate || /ban hành\s*$/u.test(text.slice(Math.max(0, m.start - 12), m.start)));
  sentences.forEach((span, i) => {
    const sentence = text.slice(span.start, span.end);
    const previousSpan = sentences[i - 1];
    const previous = previousSpan && !text.slice(previousSpan.end, span.start).includes('\n') ? text.slice(previousSpan.start, previousSpan.end) : null;
    for (const found of findDeadlinePhrases(sentence, reference)) {
      if (/tính(?:\s+đến)?\s*$/iu.test(sentence.slice(0, found.index))) continue; // "Tính đến ngày …" reports status, sets no deadline
      const clause = clauseAround(sentence, found.index);
      if (isStatus(clause.text) || reportsResults(clause.text, found.kind)) continue;
      let task = taskOf(clause.text, found.phrase);
      let taskClause = clause.text;
      if (isTaskless(task)) {
        const before = taskBefore(text, sentences, i, clause.start);
        if (before) {
          task = taskOf(before, '');
          taskClause = before;
        }
      }
      if (task.split(/\s+/).length < 2) continue;
      const at = span.start + found.index;
      const related = issued.filter((plan) => plan.start < at).at(-1) ?? plans.filter((plan) => plan.start < at).at(-1);
      facts.push({
        task,
        responsible: responsibleIn(taskClause, sentence, previous),
        phrase: found.phrase,
        kind: found.kind,
        startDate: found.start,
        endDate: found.end,
        inference: found.inference,
        relatedDocument: related?.canonicalId ?? null,
        quote: sentence,
        start: span.start,
        end: span.end,
        origin: 'rules',
      });
    }
  });
  // A headline's deadline counts (it may be the only place it is written), once: the body's sentence wins.
  const inBody = (d: DeadlineFact) => d.start >= titleEnd;
  return facts.filter((d) => inBody(d) || !facts.some((other) => inBody(other) && other.kind === d.kind && other.startDate === d.startDate && other.endDate === d.endDate));
}
