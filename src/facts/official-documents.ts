import { findDeadlinePhrases } from '../text/deadline-phrases.js';
import { findDocumentMentions, symbolKind } from '../text/document-ids.js';
import { foldForMatch } from '../text/normalize.js';
import { personNamesIn } from '../text/person-names.js';
import type { Span } from '../text/sentences.js';
import { isSignatureLine } from '../text/titles.js';
import type { DatedReference } from '../text/year-inference.js';
import type { EventDate } from './presentations.js';
import type { DeadlineFact, PresentationFact } from './types.js';

/**
 * Facts an official document states by its layout rather than in sentences: who signed it
 * (the signature at its foot) and the deadlines of its task table (a row's task, the body in
 * charge and the time column).
 */

/** "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Trần Xuân Lộc": the signer of the document itself. */
export function signerFacts(text: string, sentences: Span[], own: { ids: string[]; title: string; issued: EventDate }): PresentationFact[] {
  if (own.ids.length === 0) return [];
  const resolutions = findDocumentMentions(own.title).filter((m) => symbolKind(m.canonicalId) === 'NQ');
  return sentences.flatMap((span): PresentationFact[] => {
    const line = text.slice(span.start, span.end);
    const presenter = isSignatureLine(line) ? personNamesIn(line).at(-1) : undefined;
    if (!presenter || !line.endsWith(presenter)) return [];
    return [
      {
        presenter,
        titles: line.slice(0, line.length - presenter.length).split(/\s*,\s*/u).map((t) => t.trim()).filter(Boolean),
        act: 'ký',
        role: 'sign',
        document: own.title,
        documentIds: own.ids,
        resolutions: resolutions.map((m) => m.canonicalId),
        resolutionLabels: resolutions.map((m) => m.label),
        eventDate: own.issued.date,
        eventDateRaw: own.issued.raw,
        eventDateInference: null,
        namedIn: null,
        quote: line,
        start: span.start,
        end: span.end,
        origin: 'rules',
      },
    ];
  });
}

const cellsOf = (line: string) => line.split(/\s+\|\s+/u).map((cell) => cell.trim());

/** Which column of a task table's header says what: the task, the body in charge, the time. */
function columnsOf(header: string[]): { task: number; responsible: number; time: number } | null {
  const folded = header.map((cell) => foldForMatch(cell));
  const task = folded.findIndex((c) => /\b(?:nhiem vu|noi dung|cong viec|ten de an|nhiem vu, giai phap)\b/.test(c));
  const responsible = folded.findIndex((c) => /\b(?:chu tri|co quan|don vi|phu trach|thuc hien)\b/.test(c) && !/\bthoi gian\b/.test(c));
  const time = folded.findIndex((c) => /\b(?:thoi gian|thoi han|tien do|han hoan thanh)\b/.test(c));
  return task >= 0 && time >= 0 ? { task, responsible, time } : null;
}

/** A time cell as the phrase the deadline reader knows: under "Thời gian hoàn thành", "Năm 2025" is "hoàn thành trong năm 2025". */
function timePhrase(cell: string): string {
  if (/^(?:trước|chậm nhất|hoàn thành|trong|đến|từ|cuối|đầu|giữa)(?![\p{L}])/iu.test(cell)) return cell;
  return `hoàn thành trong ${cell.charAt(0).toLowerCase()}${cell.slice(1)}`;
}

/** The deadlines of an official document's task tables, one a row with a date in its time column. */
export function tableDeadlines(text: string, ownIds: string[], reference: DatedReference | null): DeadlineFact[] {
  const facts: DeadlineFact[] = [];
  let columns: ReturnType<typeof columnsOf> = null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const cells = / \| /.test(line) ? cellsOf(line) : null;
    if (!cells || cells.length < 3) {
      columns = null;
      continue;
    }
    const header = columnsOf(cells);
    if (header) {
      columns = header;
      continue;
    }
    if (!columns) continue;
    const time = cells[columns.time];
    const task = cells[columns.task];
    if (!time || !task) continue;
    const found = findDeadlinePhrases(timePhrase(time), reference)[0];
    if (!found) continue; // "Thường xuyên", "Hằng năm": no date to be due by
    facts.push({
      task,
      responsible: columns.responsible >= 0 ? cells[columns.responsible] || null : null,
      phrase: time,
      kind: found.kind,
      startDate: found.start,
      endDate: found.end,
      inference: found.inference,
      relatedDocument: ownIds[0] ?? null,
      quote: line,
      start,
      end: start + line.length,
      origin: 'rules',
    });
  }
  return facts;
}
