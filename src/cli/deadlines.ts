import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureBundledArticles } from '../app.js';
import { deadlinesToIcs } from '../digest/calendar.js';
import { AppError } from '../errors.js';
import { formatVietnameseDate, parseUserDate } from '../text/dates.js';
import { runCommand } from './main.js';

/** Lists deadlines, or writes them as a calendar: `npm run deadlines -- [--from D --to D] [--ics out.ics]`. */
await runCommand(async (app, argv) => {
  const { values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, ics: { type: 'string' } } });
  await ensureBundledArticles(app);
  const date = (value: string | undefined, fallback: string) => {
    if (!value) return fallback;
    const parsed = parseUserDate(value);
    if (!parsed) throw new AppError('CONFIG_INVALID', `"${value}" không phải ngày hợp lệ (ví dụ 2020-12-01 hoặc 1/12/2020)`);
    return parsed;
  };
  const deadlines = app.store.facts.deadlinesBetween(date(values.from, '0000-01-01'), date(values.to, '9999-12-31'));
  if (values.ics) {
    writeFileSync(values.ics, deadlinesToIcs(deadlines));
    console.log(`Đã ghi ${deadlines.length} hạn chót vào ${values.ics}`);
    return 0;
  }
  for (const d of deadlines) console.log(`${formatVietnameseDate(d.endDate)}  ${d.phrase} — ${d.task}${d.responsible ? ` (${d.responsible})` : ''}  [${d.source}]`);
  return 0;
});
