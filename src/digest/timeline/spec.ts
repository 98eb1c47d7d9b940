import type { TopLevelSpec } from 'vega-lite';
import type { TimelinePage } from './rows.js';

export const FONT_FAMILY = 'DejaVu Sans';
/** Label column + time axis ≈ 900 px with padding: a phone screen's width. */
const LABEL_WIDTH = 400;
const AXIS_WIDTH = 440;
const ROW_HEIGHT = 34;
const DAY = 86_400_000;
const COLOURS = { 'Còn hạn': '#1e6fd9', 'Quá hạn': '#d32f2f' };
const TODAY_COLOUR = '#f57c00';

/** Vietnamese names, so no axis or tooltip format can fall back to English months. */
const VI_TIME_LOCALE = {
  dateTime: '%A, %-d/%-m/%Y, %X',
  date: '%-d/%-m/%Y',
  time: '%H:%M:%S',
  periods: ['SA', 'CH'],
  days: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  shortDays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  months: Array.from({ length: 12 }, (_, i) => `tháng ${i + 1}`),
  shortMonths: Array.from({ length: 12 }, (_, i) => `Th${i + 1}`),
};

/**
 * Tick dates chosen here, not by Vega: Mondays for a month or two (weeks start on Monday in
 * Vietnam, Vega's weeks on Sunday), first days of months up to a few years, else years.
 */
export function axisTicks([from, to]: [number, number]): { values: number[]; format: string } {
  const span = (to - from) / DAY;
  const values: number[] = [];
  const date = new Date(from);
  if (span <= 70) {
    date.setUTCDate(date.getUTCDate() + ((8 - date.getUTCDay()) % 7));
    for (; date.getTime() <= to; date.setUTCDate(date.getUTCDate() + 7)) values.push(date.getTime());
    return { values, format: '%-d/%-m' };
  }
  const months = span <= 400 ? 1 : span <= 1100 ? 3 : 12;
  date.setUTCDate(1);
  if (months === 12) date.setUTCMonth(0);
  for (; date.getTime() <= to; date.setUTCMonth(date.getUTCMonth() + months)) if (date.getTime() >= from) values.push(date.getTime());
  return { values, format: months === 12 ? '%Y' : '%-m/%Y' };
}

/** The picture as Vega-Lite: the labels on the left, the rows on a time axis on the right. */
export function timelineSpec(page: TimelinePage): TopLevelSpec {
  const height = page.rows.length * ROW_HEIGHT;
  const values = page.rows.map((row, i) => ({ ...row, stripe: i % 2 === 0, at: row.point ? row.start + DAY / 2 : row.start }));
  const y = { field: 'key', type: 'ordinal' as const, axis: null, scale: { domain: page.rows.map((r) => r.key), paddingInner: 0, paddingOuter: 0 } };
  const stripes = { transform: [{ filter: 'datum.stripe' }], mark: { type: 'rect' as const, color: '#f3f5f8' }, encoding: { y, x: { value: 0 }, x2: { value: 'width' as const } } };
  const ticks = axisTicks(page.domain);
  const x = {
    field: 'at',
    type: 'temporal' as const,
    title: null,
    scale: { type: 'utc' as const, domain: page.domain },
    axis: { orient: 'top' as const, values: ticks.values, format: ticks.format, grid: true, gridColor: '#d0d4da', labelOverlap: true, labelFontSize: 11 },
  };
  // The legend names only what the picture shows: no red swatch when nothing is overdue.
  const statuses = (Object.keys(COLOURS) as Array<keyof typeof COLOURS>).filter((status) => page.rows.some((r) => r.status === status));
  const color = { field: 'status', type: 'nominal' as const, title: null, scale: { domain: statuses, range: statuses.map((s) => COLOURS[s]) }, legend: { orient: 'top' as const, direction: 'horizontal' as const } };
  const todayLayers = page.today === null
    ? []
    : [
        { data: { values: [{ at: page.today }] }, mark: { type: 'rule' as const, color: TODAY_COLOUR, strokeWidth: 2, strokeDash: [5, 3] }, encoding: { x } },
        {
          data: { values: [{ at: page.today, text: `Hôm nay ${page.todayLabel}` }] },
          mark: { type: 'text' as const, color: TODAY_COLOUR, fontWeight: 'bold' as const, fontSize: 11, baseline: 'top' as const, dy: 4, y: height },
          encoding: { x, text: { field: 'text' } },
        },
      ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: page.heading, subtitle: `${page.rows.length} hạn chót · hôm nay ${page.todayLabel}`, anchor: 'start', fontSize: 17, subtitleFontSize: 12, subtitleColor: '#555' },
    background: 'white',
    padding: 12,
    // Lay the views out by their sizes: estimated text widths (no canvas here) must not push the axis right.
    bounds: 'flush',
    config: { font: FONT_FAMILY, view: { stroke: null }, locale: { time: VI_TIME_LOCALE } },
    data: { values },
    spacing: 16,
    hconcat: [
      {
        width: LABEL_WIDTH,
        height,
        layer: [
          stripes,
          { mark: { type: 'text', align: 'left', baseline: 'middle', dy: -7, x: 6, fontSize: 12, fontWeight: 'bold', color: '#1d2330' }, encoding: { y, text: { field: 'label' } } },
          {
            mark: { type: 'text', align: 'left', baseline: 'middle', dy: 8, x: 6, fontSize: 11 },
            encoding: { y, text: { field: 'detail' }, color: { condition: { test: "datum.status === 'Quá hạn'", value: COLOURS['Quá hạn'] }, value: '#555b66' } },
          },
        ],
      },
      {
        width: AXIS_WIDTH,
        height,
        layer: [
          stripes,
          { transform: [{ filter: '!datum.point' }], mark: { type: 'bar', height: ROW_HEIGHT * 0.42, cornerRadius: 3, clip: true }, encoding: { y, x, x2: { field: 'end' }, color } },
          { transform: [{ filter: 'datum.point' }], mark: { type: 'point', shape: 'diamond', filled: true, size: 150, opacity: 1, clip: true }, encoding: { y, x, color } },
          ...todayLayers,
        ],
      },
    ],
  } as TopLevelSpec;
}
