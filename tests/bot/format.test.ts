import { describe, expect, it } from 'vitest';
import { formatAnswerHtml, formatQuotesHtml } from '../../src/bot/format/answer-html.js';
import { formatDigestHtml } from '../../src/bot/format/facts-html.js';
import { packBlocks, splitPlain } from '../../src/bot/format/html.js';
import type { Answer, Citation } from '../../src/rag/answer.js';

const citation = (n: number, extra: Partial<Citation> = {}): Citation => ({
  n,
  articleId: 'a1',
  chunkId: 1,
  source: 'https://example.vn/bai?a=1&b=2',
  title: 'Kế hoạch <số 1> & phụ lục',
  publishedDate: '2023-01-12',
  quote: 'Ông A trình bày Kế hoạch <dự thảo> & phụ lục kèm theo.',
  start: 0,
  end: 10,
  url: 'https://example.vn/bai?a=1&b=2',
  ...extra,
});

const answer = (text: string, citations: Citation[]): Answer => ({
  question: 'q',
  rewritten: 'q',
  language: 'vi',
  found: true,
  text,
  citations,
  answerer: 'offline',
  retrieved: [],
  latencyMs: 1,
});

describe('formatAnswerHtml', () => {
  it('escapes <, > and & from article text and links [n] to the source page', () => {
    const [html] = formatAnswerHtml(answer('Ông A trình bày Kế hoạch <dự thảo> & phụ lục [1].', [citation(1)]));
    expect(html).toContain('Kế hoạch &lt;dự thảo&gt; &amp; phụ lục <a href="https://example.vn/bai?a=1&amp;b=2">[1]</a>.');
    expect(html).toContain('<b>Kế hoạch &lt;số 1&gt; &amp; phụ lục</b> — 12/1/2023');
  });

  it('splits a long answer into messages under 4096 characters, between paragraphs and never inside a tag', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Việc thứ ${i + 1} của kế hoạch <A&B> phải hoàn thành trước ngày ${(i % 28) + 1}/12/2020 [${(i % 5) + 1}].`);
    const messages = formatAnswerHtml(answer(lines.join('\n'), [1, 2, 3, 4, 5].map((n) => citation(n))));
    expect(messages.length).toBeGreaterThan(1);
    for (const html of messages) {
      expect(html.length).toBeLessThanOrEqual(4096);
      expect(html.match(/<a /g)?.length ?? 0).toBe(html.match(/<\/a>/g)?.length ?? 0);
      expect(html.replace(/<\/?[a-z]+[^>]*>/g, '')).not.toMatch(/[<>]/);
    }
    expect(messages.join('\n')).toContain('Việc thứ 60');
  });

  it('splits one paragraph longer than a message on word boundaries, escaping after the cut', () => {
    const pieces = splitPlain('Nghị quyết & kế hoạch '.repeat(400));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(4096);
      expect(piece).not.toMatch(/&(?!amp;)/);
    }
  });

  it('puts quotes in expandable blockquotes', () => {
    const [html] = formatQuotesHtml([citation(1)], 'vi');
    expect(html).toContain('<blockquote expandable>Ông A trình bày Kế hoạch &lt;dự thảo&gt; &amp; phụ lục kèm theo.</blockquote>');
  });

  it('packs blocks without exceeding the limit', () => {
    expect(packBlocks(['a'.repeat(3000), 'b'.repeat(3000), 'c'])).toEqual(['a'.repeat(3000), `${'b'.repeat(3000)}\n\nc`]);
  });
});

describe('formatDigestHtml', () => {
  const deadline = (id: number, source: string, articleId: string) =>
    ({
      id,
      articleId,
      chunkId: 1,
      source,
      title: `Bài ${articleId} <mới> & cũ`,
      publishedDate: '2020-11-20',
      task: `Việc số ${id}`,
      responsible: null,
      phrase: `trước ngày ${id}/12/2020`,
      kind: 'before_date',
      startDate: null,
      endDate: `2020-12-${String(id).padStart(2, '0')}`,
      inference: null,
      relatedDocument: null,
      quote: 'q',
      start: 0,
      end: 1,
      origin: 'rules',
    }) as const;

  it('cites every line with [n] (linked for web pages) and lists each source once', () => {
    const [html] = formatDigestHtml({
      date: '2020-12-08',
      dueSoon: [deadline(10, 'https://hanoi.gov.vn/a?x=1&y=2', 'a'), deadline(12, 'b.txt', 'b')],
      overdue: [],
      laterThisMonth: [deadline(25, 'https://hanoi.gov.vn/a?x=1&y=2', 'a')],
      newArticles: [],
      empty: false,
    });
    expect(html).toContain('Việc số 10 (“trước ngày 10/12/2020”) <a href="https://hanoi.gov.vn/a?x=1&amp;y=2">[1]</a>');
    expect(html).toContain('Việc số 12 (“trước ngày 12/12/2020”) [2]');
    expect(html).toContain('Việc số 25 (“trước ngày 25/12/2020”) <a href="https://hanoi.gov.vn/a?x=1&amp;y=2">[1]</a>');
    expect(html).toContain('[1] <b>Bài a &lt;mới&gt; &amp; cũ</b> — 20/11/2020 — <a href="https://hanoi.gov.vn/a?x=1&amp;y=2">hanoi.gov.vn</a>');
    expect(html!.match(/\[2\] <b>/g)).toHaveLength(1);
  });

  it('says so in one line on a day with nothing, or sends nothing when asked for quiet', () => {
    const empty = { date: '2020-12-08', dueSoon: [], overdue: [], laterThisMonth: [], newArticles: [], empty: true };
    expect(formatDigestHtml(empty, true)).toEqual(['<b>Bản tin 8/12/2020</b>\nKhông có hạn chót hay bài mới.']);
    expect(formatDigestHtml(empty, false)).toEqual([]);
  });
});
