import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureBundledArticles } from '../app.js';
import { deadlinesToIcs } from '../digest/calendar.js';
import { renderTimeline } from '../digest/timeline/index.js';
import { AppError } from '../errors.js';
import { localDate } from '../text/clock.js';
import { formatVietnameseDate, parseUserDate } from '../text/dates.js';
import { runCommand } from './main.js';

/** Lists deadlines, or writes them as a calendar or a picture: `npm run deadlines -- [--from D --to D] [--ics out.ics] [--png out.png]`. */
await runCommand(async (app, argv) => {
  const { values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, ics: { type: 'string' }, png: { type: 'string' } } });
  await ensureBundledArticles(app);
  const date = (value: string | undefined, fallback: string) => {
    if (!value) return fallback;
    const parsed = parseUserDate(value);
    if (!parsed) throw new AppError('CONFIG_INVALID', `"${value}" không phải ngày hợp lệ (ví dụ 2020-12-01 hoặc 1/12/2020)`);
    return parsed;
  };
  const from = date(values.from, '0000-01-01');
  const to = date(values.to, '9999-12-31');
  const deadlines = app.store.facts.deadlinesBetween(from, to);
  if (values.ics) {
    writeFileSync(values.ics, deadlinesToIcs(deadlines));
    console.log(`Đã ghi ${deadlines.length} hạn chót vào ${values.ics}`);
    return 0;
  }
  if (values.png) {
    const heading = values.from || values.to ? `Hạn chót ${values.from ? formatVietnameseDate(from) : '…'}–${values.to ? formatVietnameseDate(to) : '…'}` : 'Hạn chót';
    const { pictures, omitted } = await renderTimeline(deadlines, { heading, today: localDate(app.now(), app.config.timeZone), from, to });
    if (pictures.length === 0) {
      console.log('Không có hạn chót nào trong khoảng này: không ghi ảnh.');
      return 0;
    }
    // out.png, then out-2.png … when the rows need several pictures.
    const names = pictures.map((_, i) => (i === 0 ? values.png! : values.png!.replace(/(\.png)?$/i, `-${i + 1}.png`)));
    pictures.forEach((picture, i) => writeFileSync(names[i]!, picture.png));
    console.log(`Đã vẽ ${deadlines.length - omitted} hạn chót vào ${names.join(', ')} (${pictures.map((p) => `${p.width}×${p.height}`).join(', ')})${omitted ? `; ${omitted} hạn khác không vẽ` : ''}`);
    return 0;
  }
  for (const d of deadlines) console.log(`${formatVietnameseDate(d.endDate)}  ${d.phrase} — ${d.task}${d.responsible ? ` (${d.responsible})` : ''}  [${d.source}]`);
  return 0;
});
