import type { Answer } from '../rag/answer.js';
import { formatVietnameseDate } from '../text/dates.js';

/** An answer for the terminal: the text, then the numbered sources with their quotes. */
export function formatAnswerForTerminal(answer: Answer): string {
  const lines = [answer.text];
  if (answer.citations.length > 0) {
    lines.push('', answer.language === 'en' ? 'Sources:' : 'Nguồn:');
    for (const c of answer.citations) {
      const date = c.publishedDate ? `, ${formatVietnameseDate(c.publishedDate)}` : '';
      lines.push(`[${c.n}] ${c.title}${date} — ${c.url ?? c.source}`);
      lines.push(`    “${c.quote}”`);
    }
  }
  return lines.join('\n');
}
