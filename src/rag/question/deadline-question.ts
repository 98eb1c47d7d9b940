import { isoDate } from '../../text/dates.js';
import { foldForMatch, foldedWordsOf } from '../../text/normalize.js';

/**
 * Deadline questions: "trước tháng 2/2021" (due by), "trong tháng 12/2023" (due within), and
 * what must be done ("Các hội nghị do đảng ủy cơ sở tổ chức … phải hoàn thành khi nào?").
 */

/** "trước tháng 2/2021" → due by 2021-01-31; "trước ngày 15/1/2021" → 2021-01-15. */
export function dueByOf(folded: string): string | null {
  const month = folded.match(/truoc thang (\d{1,2})\s*[/-]\s*(\d{4})/);
  if (month) return isoDate(Number(month[2]), Number(month[1]), 1) && new Date(Date.UTC(Number(month[2]), Number(month[1]) - 1, 0)).toISOString().slice(0, 10);
  const day = folded.match(/(?:truoc|den|before|by) (?:ngay )?(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})/);
  return day ? isoDate(Number(day[3]), Number(day[2]), Number(day[1])) : null;
}

/** "trong tháng 12/2023", "tháng 12/2023" → the month's range. */
export function dueWithinOf(folded: string): { from: string; to: string } | null {
  const month = folded.match(/(?<!truoc )thang (\d{1,2})\s*[/-]\s*(\d{4})/);
  if (!month) return null;
  const year = Number(month[2]);
  const m = Number(month[1]);
  const from = isoDate(year, m, 1);
  return from ? { from, to: new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10) } : null;
}

const DEADLINE_PREDICATE =
  /(?:\b(?:phai|can|se|duoc)\s+)?(?:\b(?:hoan thanh|xong|trinh|gui|nop|bao cao|to chuc)\b[^,;?]*?)?\b(?:truoc ngay nao|khi nao|vao thoi gian nao|thoi gian nao|bao gio|ngay nao|han chot|thoi han)\b/;

/** Drops a purpose clause ("… tổ chức để quán triệt Nghị quyết … phải hoàn thành") that every task of a plan shares; needs the marks of "để". */
export function purposeCut(question: string): string {
  const lower = question.normalize('NFC').toLowerCase();
  const purpose = lower.search(/(?<![\p{L}])để(?![\p{L}])/u);
  if (purpose < 0) return foldForMatch(question);
  const predicate = foldForMatch(lower.slice(purpose)).match(DEADLINE_PREDICATE);
  return predicate ? `${foldForMatch(lower.slice(0, purpose))} ${foldForMatch(lower.slice(purpose)).slice(predicate.index)}` : foldForMatch(question);
}

/** "Các hội nghị do đảng ủy cơ sở tổ chức … phải hoàn thành khi nào?" → the words of "các hội nghị do đảng ủy cơ sở tổ chức". */
export function deadlineSubjectOf(folded: string, notContent: ReadonlySet<string>): string[] {
  const predicate = folded.match(DEADLINE_PREDICATE);
  if (!predicate) return [];
  const before = folded.slice(0, predicate.index);
  const clause = before.split(/,\s*va\s+|;|\?/).at(-1) ?? before;
  return foldedWordsOf(clause.replace(/^\s*theo [^,]{3,60},\s*/, '')).filter((word) => !notContent.has(word));
}
