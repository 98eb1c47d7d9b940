import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAnswerHtml, formatQuotesHtml } from '../../src/bot/format/answer-html.js';
import { chunkText } from '../../src/ingest/chunk.js';
import { cleanArticle } from '../../src/ingest/clean.js';
import { findDeadlinePhrases } from '../../src/text/deadline-phrases.js';
import { extractFacts } from '../../src/facts/extract.js';
import type { Answer, Citation } from '../../src/rag/answer.js';
import { parsePublicationStamp } from '../../src/text/dates.js';
import { canonicalDocumentId, findDocumentMentions, parseDocumentQuery } from '../../src/text/document-ids.js';

/** Text that looks like a scraped Vietnamese page: words, numbers, dates, ids, markup and noise. */
const pieces = fc.constantFrom(
  'Nghị quyết số 28-NQ/TƯ', 'ngày 17/11/2022', 'Kế hoạch số 04-KH/TU', 'trước ngày 15/1/2021', 'trong tháng 12/2020', 'Quý III/2023',
  'Phó Chủ tịch UBND TP Hà Minh Hải trình bày', 'Vũ Đức Bảo', 'Có thể bạn quan tâm', 'Tin khác', '![]() |', '|', '12/01/2023 | 08:26',
  '<script>', '&amp;', '"', '\u00a0', '\u200b', '\r\n', '\n\n', '. ', '; ', ', ', '…', 'đ', 'Đ', '🙂', '99/99/9999', '31/02/2023', 'tháng 13/2020',
);
const pageText = fc.array(fc.oneof(pieces, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 80 }).map((parts) => parts.join(' '));

const settings = { numRuns: 200, interruptAfterTimeLimit: 20_000 };

describe('the cleaner', () => {
  it('never throws, returns NFC text without the page furniture it knows', () => {
    fc.assert(
      fc.property(pageText, (raw) => {
        const article = cleanArticle(raw);
        expect(article.text.normalize('NFC')).toBe(article.text);
        expect(article.text).not.toMatch(/\n{3,}/);
        expect(article.text.split('\n')).not.toContain('Phiên bản di động');
        if (article.publishedDate) expect(article.publishedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      settings,
    );
  });
});

describe('the chunker', () => {
  it('covers the text with exact slices no longer than the limit', () => {
    fc.assert(
      fc.property(pageText, fc.integer({ min: 50, max: 1200 }), (raw, maxChars) => {
        const text = cleanArticle(raw).text;
        const chunks = chunkText(text, { maxChars, overlapChars: Math.floor(maxChars / 3) });
        for (const chunk of chunks) {
          expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
          expect(chunk.text.length).toBeLessThanOrEqual(maxChars);
          expect(chunk.end).toBeGreaterThan(chunk.start);
        }
        for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBeGreaterThan(chunks[i - 1]!.start);
      }),
      settings,
    );
  });
});

describe('dates and document ids', () => {
  it('only ever return real calendar dates', () => {
    fc.assert(
      fc.property(pageText, (raw) => {
        for (const line of raw.split('\n')) {
          const date = parsePublicationStamp(line);
          if (date) expect(Number.isNaN(Date.parse(date))).toBe(false);
        }
        for (const phrase of findDeadlinePhrases(raw, { date: '2022-01-01', why: 'test', direction: 'after' })) {
          for (const d of [phrase.start, phrase.end]) if (d) expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
          if (phrase.start && phrase.end) expect(phrase.start <= phrase.end).toBe(true);
        }
      }),
      settings,
    );
  });

  it('canonical ids are stable under re-canonicalisation and ignore case and TƯ/TW', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('NQ', 'nq', 'KH', 'CTr', 'QĐ'), fc.constantFrom('TƯ', 'TW', 'tw', 'TU'), (n, kind, issuer) => {
        const id = canonicalDocumentId(`${String(n).padStart(2, '0')}-${kind}/${issuer}`);
        expect(canonicalDocumentId(id)).toBe(id);
        expect(id).toBe(id.toUpperCase());
        expect(findDocumentMentions(`Theo văn bản ${n}-${kind}/${issuer} ngày 1/1/2020`).map((m) => m.canonicalId)).toEqual([id]);
      }),
      settings,
    );
  });

  it('question parsing and fact extraction never throw on any text', () => {
    fc.assert(
      fc.property(pageText, (raw) => {
        parseDocumentQuery(raw);
        const facts = extractFacts({ title: 'T', text: `T\n${cleanArticle(raw).text}`, publishedDate: null });
        for (const fact of [...facts.presentations, ...facts.deadlines]) expect(fact.quote.length).toBeGreaterThan(0);
      }),
      settings,
    );
  });
});

describe('the Telegram HTML formatter', () => {
  const citation = fc.record({
    n: fc.integer({ min: 1, max: 9 }),
    title: fc.string({ maxLength: 200 }),
    quote: fc.string({ maxLength: 3000 }),
    source: fc.constantFrom('a.txt', 'https://example.vn/a?x=1&y=<2>', 'b&c.html'),
  });
  it('always produces valid Telegram HTML under 4096 characters per message', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 1500 }), { maxLength: 12 }), fc.array(citation, { maxLength: 8 }), (lines, raw) => {
        const citations: Citation[] = raw.map((c, i) => ({
          ...c,
          n: i + 1,
          articleId: 'a',
          chunkId: 1,
          publishedDate: null,
          start: 0,
          end: 1,
          url: c.source.startsWith('http') ? c.source : null,
        }));
        const answer: Answer = { question: 'q', rewritten: 'q', language: 'vi', found: true, text: lines.join('\n'), citations, answerer: 'offline', retrieved: [], latencyMs: 1 };
        for (const html of [...formatAnswerHtml(answer), ...formatQuotesHtml(citations, 'vi')]) {
          expect(html.length).toBeLessThanOrEqual(4096);
          const stack: string[] = [];
          for (const tag of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
            if (tag[1]) expect(stack.pop()).toBe(tag[2]);
            else stack.push(tag[2]!);
          }
          expect(stack).toEqual([]);
          expect(html.replace(/<\/?[a-z]+(?: [^>]*)?>/g, '')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;)/);
        }
      }),
      { numRuns: 150, interruptAfterTimeLimit: 20_000 },
    );
  });
});
