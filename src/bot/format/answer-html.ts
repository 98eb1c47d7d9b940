import type { Answer, Citation } from '../../rag/answer.js';
import { formatVietnameseDate } from '../../text/dates.js';
import { escapeAttribute, escapeHtml, packBlocks, splitPlain } from './html.js';

const LABELS = {
  vi: { sources: 'Nguồn', noDate: 'không rõ ngày' },
  en: { sources: 'Sources', noDate: 'date unknown' },
} as const;

/** "[2]" markers become links to the cited page when it is a web page. */
function linkMarkers(escapedText: string, citations: Citation[]): string {
  return escapedText.replace(/\[(\d+)\]/g, (marker, n: string) => {
    const url = citations.find((c) => c.n === Number(n))?.url;
    return url ? `<a href="${escapeAttribute(url)}">${marker}</a>` : marker;
  });
}

function sourceLine(citation: Citation, language: Answer['language']): string {
  const date = citation.publishedDate ? formatVietnameseDate(citation.publishedDate) : LABELS[language].noDate;
  const title = escapeHtml(citation.title);
  const where = citation.url ? `<a href="${escapeAttribute(citation.url)}">${escapeHtml(new URL(citation.url).hostname)}</a>` : escapeHtml(citation.source);
  return `[${citation.n}] <b>${title}</b> — ${date} — ${where}`;
}

/**
 * An answer as Telegram HTML messages: the text with [n] markers (links when the source is a
 * web page) and a numbered source list (title, date, where). The quoted passages are sent on
 * demand by the "Nguồn" button (`formatQuotesHtml`). Every message is under 4096 characters.
 */
export function formatAnswerHtml(answer: Answer): string[] {
  const blocks: string[] = [];
  for (const paragraph of answer.text.split('\n').filter(Boolean)) {
    for (const piece of splitPlain(paragraph)) blocks.push(linkMarkers(piece, answer.citations));
  }
  if (answer.citations.length > 0) {
    // The source list, in blocks of whole lines so a long list still splits between sources.
    let list = `<b>${LABELS[answer.language].sources}:</b>`;
    for (const line of answer.citations.map((c) => sourceLine(c, answer.language))) {
      if (list.length + line.length + 1 > 3500) {
        blocks.push(list);
        list = line;
      } else list += `\n${line}`;
    }
    blocks.push(list);
  }
  return packBlocks(blocks);
}

/** The quoted passages of an answer's citations, each in an expandable blockquote. */
export function formatQuotesHtml(citations: Citation[], language: Answer['language']): string[] {
  if (citations.length === 0) return [language === 'en' ? 'This answer cites no source.' : 'Câu trả lời này không trích nguồn nào.'];
  const blocks = citations.flatMap((c) => [sourceLine(c, language), ...splitPlain(c.quote, (q) => `<blockquote expandable>${q}</blockquote>`, 4000)]);
  return packBlocks(blocks);
}

/** Streaming drafts are sent as plain text (no parse mode): nothing to escape, nothing to break. */
export function plainDraft(text: string): string {
  return text.length > 4000 ? `${text.slice(0, 3990)}…` : text || '…';
}
