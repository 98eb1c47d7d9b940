import { createEvents, type EventAttributes } from 'ics';
import type { StoredDeadline } from '../store/fact-repository.js';
import { addDays } from '../text/clock.js';

const parts = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];

/**
 * Deadlines as an iCalendar file: one all-day event per deadline (its last day, or its whole
 * range), the task as title, the phrase, who is responsible and the quote in the description,
 * the source link as URL when it is a web page.
 */
export function deadlinesToIcs(deadlines: StoredDeadline[]): string {
  const events: EventAttributes[] = deadlines
    .filter((d) => d.endDate)
    .map((d) => {
      const first = d.kind === 'before_date' || !d.startDate ? d.endDate! : d.startDate;
      const url = /^https?:\/\//i.test(d.source) ? d.source : undefined;
      return {
        uid: `deadline-${d.id}-${d.articleId}@resolution-plans-bot`,
        title: `Hạn: ${d.task}`.slice(0, 250),
        description: [`${d.phrase}`, d.responsible ? `Thực hiện: ${d.responsible}` : '', `Nguồn: ${d.title} (${d.source})`, `“${d.quote}”`].filter(Boolean).join('\n'),
        start: parts(first),
        end: parts(addDays(d.endDate!, 1)),
        ...(url ? { url } : {}),
        categories: ['hạn chót'],
        productId: 'resolution-plans-bot',
      };
    });
  if (events.length === 0) return 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:resolution-plans-bot\r\nEND:VCALENDAR\r\n';
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('could not write the calendar');
  return value;
}
