import type { StoredDeadline } from '../../store/fact-repository.js';
import { specToSvg, svgToPng } from './render.js';
import { timelinePages, type TimelineOptions, type TimelinePage } from './rows.js';
import { timelineSpec } from './spec.js';

export type { TimelineOptions, TimelinePage, TimelineRow, TimelineSource } from './rows.js';
export { PICTURE_WIDTH } from './render.js';

export interface TimelinePicture {
  page: TimelinePage;
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

/**
 * Deadlines as timeline pictures (PNG, with the SVG they were drawn from): one row per
 * deadline, ranges as bars, days as points, overdue in red, today marked. No deadline → no
 * picture (the caller says so in words); past the pictures' rows → `omitted`.
 */
export async function renderTimeline(deadlines: StoredDeadline[], options: TimelineOptions): Promise<{ pictures: TimelinePicture[]; omitted: number }> {
  const { pages, omitted } = timelinePages(deadlines, options);
  const pictures: TimelinePicture[] = [];
  for (const page of pages) {
    const svg = await specToSvg(timelineSpec(page));
    pictures.push({ page, svg, ...svgToPng(svg) });
  }
  return { pictures, omitted };
}
