import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { timelineCaptionHtml, CAPTION_LIMIT, shownLength } from '../../src/bot/format/timeline-caption.js';
import { PICTURE_WIDTH, renderTimeline } from '../../src/digest/timeline/index.js';
import { svgToPng } from '../../src/digest/timeline/render.js';
import { shorten, timelinePages } from '../../src/digest/timeline/rows.js';
import type { StoredDeadline } from '../../src/store/fact-repository.js';

let nextId = 1;
/** A stored deadline as the fact repository returns it: a day ("trước ngày") or a range. */
function deadline(task: string, end: string, extra: Partial<StoredDeadline> = {}): StoredDeadline {
  return {
    id: nextId++,
    articleId: 'a1',
    chunkId: null,
    source: 'https://baodanang.vn/ke-hoach.html',
    title: 'Đà Nẵng triển khai kế hoạch',
    publishedDate: '2020-11-20',
    task,
    responsible: 'Sở Nội vụ',
    phrase: `trước ngày ${end}`,
    kind: 'before_date',
    startDate: null,
    endDate: end,
    inference: null,
    relatedDocument: null,
    quote: task,
    start: 0,
    end: task.length,
    origin: 'rules',
    ...extra,
  };
}

const DECEMBER = { heading: 'Hạn chót tháng 12/2020', today: '2020-12-08', from: '2020-12-01', to: '2020-12-31' };

const MONTH_OF_DEADLINES = [
  deadline('Hoàn thành đề án sắp xếp đơn vị hành chính', '2020-12-03'),
  deadline('Báo cáo <kết quả> & kiến nghị', '2020-12-10', { responsible: 'Ban Tuyên giáo Thành ủy', articleId: 'a2', title: 'Bài hai', source: 'bai-hai.txt' }),
  deadline('Tổ chức các lớp bồi dưỡng đội ngũ đảng viên', '2020-12-31', { kind: 'within_month', startDate: '2020-12-01', phrase: 'trong tháng 12/2020', responsible: 'Đảng ủy Khối' }),
];

/** Pixels of a decoded PNG as "r,g,b" strings; `fromX`: only those right of it (the time axis side). */
function colours(png: PNG, fromX = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < png.data.length; i += 4) if ((i / 4) % png.width >= fromX) out.push(`${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`);
  return out;
}

const isRed = (rgb: string) => {
  const [r, g, b] = rgb.split(',').map(Number) as [number, number, number];
  return r > 180 && g < 90 && b < 90;
};

describe('the deadline timeline picture', () => {
  it('is a PNG as wide as a phone screen and as tall as its rows, under 1 MB', async () => {
    const { pictures } = await renderTimeline(MONTH_OF_DEADLINES, DECEMBER);
    expect(pictures).toHaveLength(1);
    const png = PNG.sync.read(pictures[0]!.png);
    expect(png.width).toBe(PICTURE_WIDTH);
    expect(png.height).toBe(pictures[0]!.height);
    expect(png.height).toBeGreaterThan(3 * 34);
    expect(png.height).toBeLessThan(3 * 34 + 260);
    expect(pictures[0]!.png.length).toBeLessThan(1024 * 1024);
  });

  it('is not blank: many colours, a fair share of ink, and the overdue deadline in red', async () => {
    const { pictures } = await renderTimeline(MONTH_OF_DEADLINES, DECEMBER);
    const pixels = colours(PNG.sync.read(pictures[0]!.png));
    expect(new Set(pixels).size).toBeGreaterThan(20);
    expect(pixels.filter((p) => p !== '255,255,255').length / pixels.length).toBeGreaterThan(0.1);
    // The overdue point on the axis side, beside the label column (whose dates are red too).
    expect(colours(PNG.sync.read(pictures[0]!.png), PICTURE_WIDTH / 2).filter(isRed).length).toBeGreaterThan(50);
  });

  it('has no red when nothing is overdue yet', async () => {
    const { pictures } = await renderTimeline(MONTH_OF_DEADLINES, { ...DECEMBER, today: '2020-12-01' });
    expect(colours(PNG.sync.read(pictures[0]!.png)).filter(isRed)).toHaveLength(0);
  });

  it('labels every row with its task, dates and body, escaped in the SVG', async () => {
    const { pictures } = await renderTimeline(MONTH_OF_DEADLINES, DECEMBER);
    const svg = pictures[0]!.svg;
    expect(svg).toContain('[1] Hoàn thành đề án sắp xếp đơn vị hành chính');
    expect(svg).toContain('[2] Báo cáo &lt;kết quả&gt; &amp; kiến nghị');
    expect(svg).not.toContain('<kết quả>');
    expect(svg).toContain('[1] Tổ chức các lớp bồi dưỡng đội ngũ đảng viên');
    expect(svg).toContain('3/12/2020 · Sở Nội vụ');
    expect(svg).toContain('10/12/2020 · Ban Tuyên giáo Thành ủy');
    expect(svg).toContain('1/12/2020–31/12/2020 · Đảng ủy Khối');
  });

  it('has a time axis in Vietnamese dates (weeks from Monday) and today marked', async () => {
    const { pictures } = await renderTimeline(MONTH_OF_DEADLINES, DECEMBER);
    const svg = pictures[0]!.svg;
    for (const tick of ['7/12', '14/12', '21/12', '28/12']) expect(svg).toContain(`>${tick}<`);
    expect(svg).not.toMatch(/Dec|Mon|Tue/);
    expect(svg).toContain('Hôm nay 8/12/2020');
    const past = await renderTimeline(MONTH_OF_DEADLINES, { ...DECEMBER, today: '2021-02-01' });
    expect(past.pictures[0]!.svg).not.toContain('Hôm nay');
  });

  it('draws a range as a bar and a day as a point', async () => {
    const [page] = timelinePages(MONTH_OF_DEADLINES, DECEMBER).pages;
    expect(page!.rows.map((r) => r.point)).toEqual([true, true, false]);
    const { pictures } = await renderTimeline(MONTH_OF_DEADLINES, DECEMBER);
    expect(pictures[0]!.svg).toMatch(/class="mark-rect role-mark[^"]*"/);
    expect(pictures[0]!.svg).toMatch(/class="mark-symbol role-mark[^"]*"/);
  });

  it('puts at most 40 rows in a picture and counts what does not fit', async () => {
    const many = Array.from({ length: 100 }, (_, i) => deadline(`Việc số ${i + 1}`, `2020-12-${String((i % 28) + 1).padStart(2, '0')}`));
    const { pages, omitted } = timelinePages(many, DECEMBER);
    expect(pages.map((p) => p.rows.length)).toEqual([40, 40]);
    expect(pages.map((p) => p.heading)).toEqual(['Hạn chót tháng 12/2020 (ảnh 1/2)', 'Hạn chót tháng 12/2020 (ảnh 2/2)']);
    expect(omitted).toBe(20);
    expect(timelinePages(many.slice(0, 45), DECEMBER).pages.map((p) => p.rows.length)).toEqual([40, 5]);
  });

  it('draws nothing for no deadlines', async () => {
    expect(await renderTimeline([], DECEMBER)).toEqual({ pictures: [], omitted: 0 });
  });

  it('shortens a long task at a word, marked with …', () => {
    expect(shorten('Rà soát, đánh giá đội ngũ cán bộ chủ chốt của các sở, ban, ngành', 30)).toBe('Rà soát, đánh giá đội ngũ cán…');
    expect(shorten('Báo cáo', 30)).toBe('Báo cáo');
  });

  it('writes Vietnamese letters with the bundled font (no system fonts are loaded)', () => {
    const ink = (text: string) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" font-family="DejaVu Sans" font-size="30">${text}</text></svg>`;
      return colours(PNG.sync.read(svgToPng(svg, 200).png)).filter((p) => p !== '255,255,255').length;
    };
    expect(ink('đ ạ ữ ề')).toBeGreaterThan(100);
    expect(ink('')).toBe(0);
  });
});

describe('the picture caption', () => {
  it('lists the sources numbered as in the labels', () => {
    const [page] = timelinePages(MONTH_OF_DEADLINES, DECEMBER).pages;
    const { caption, rest } = timelineCaptionHtml(page!, 0);
    expect(caption).toContain('<b>Hạn chót tháng 12/2020</b> (3)');
    expect(caption).toContain('[1] <b>Đà Nẵng triển khai kế hoạch</b> — 20/11/2020 — <a href="https://baodanang.vn/ke-hoach.html">baodanang.vn</a>');
    expect(caption).toContain('[2] <b>Bài hai</b> — 20/11/2020 — bai-hai.txt');
    expect(rest).toEqual([]);
  });

  it('says how many were left out, and sends sources that overflow a caption as a message', () => {
    const many = Array.from({ length: 30 }, (_, i) => deadline(`Việc ${i}`, '2020-12-20', { articleId: `a${i}`, title: `Một bài viết có tiêu đề khá dài về kế hoạch số ${i}` }));
    const [page] = timelinePages(many, DECEMBER).pages;
    const { caption, rest } = timelineCaptionHtml(page!, 12);
    expect(caption).toContain('và 12 hạn khác');
    expect(shownLength(caption)).toBeLessThanOrEqual(CAPTION_LIMIT);
    expect(rest.join('\n')).toContain('[30] <b>Một bài viết có tiêu đề khá dài về kế hoạch số 29</b>');
  });
});
