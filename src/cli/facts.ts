import { parseArgs } from 'node:util';
import { ensureBundledArticles } from '../app.js';
import { AppError } from '../errors.js';
import type { StoredDeadline, StoredPresentation } from '../store/fact-repository.js';
import { formatVietnameseDate, parseUserDate } from '../text/dates.js';
import { parseDocumentQuery } from '../text/document-ids.js';
import { runCommand } from './main.js';

const USAGE = `Cách dùng: npm run facts -- [--person TÊN] [--doc MÃ] [--from NGÀY --to NGÀY] [--json]
  --person "Vũ Đức Bảo"    ai đó đã trình bày, tiếp thu, giải trình những gì (có hoặc không dấu)
  --doc "NQ 28"            các sự kiện về một văn bản hoặc nghị quyết (28-NQ/TƯ, nghị quyết 28, KH 04 …)
  --from 2020-12-01 --to 2021-01-31   các hạn chót trong khoảng ngày (ISO hoặc 1/12/2020)
  --json                   in một đối tượng JSON { presentations, deadlines }`;

function dateOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const date = parseUserDate(value);
  if (!date) throw new AppError('CONFIG_INVALID', `--${name} "${value}" không phải ngày hợp lệ (ví dụ 2020-12-01 hoặc 1/12/2020)`);
  return date;
}

await runCommand(async (app, argv) => {
  const { values } = parseArgs({
    args: argv,
    options: { person: { type: 'string' }, doc: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  await ensureBundledArticles(app);
  const { facts } = app.store;
  const from = dateOption(values.from, 'from');
  const to = dateOption(values.to, 'to');
  const documentQueries = values.doc ? parseDocumentQuery(/\d/.test(values.doc) && !/[a-z]/i.test(values.doc) ? `số ${values.doc}` : values.doc) : [];
  if (values.doc && documentQueries.length === 0) throw new AppError('CONFIG_INVALID', `--doc "${values.doc}" không chứa số văn bản (ví dụ 28-NQ/TƯ, NQ 28, KH 04)`);

  let presentations: StoredPresentation[] = facts.allPresentations();
  let deadlines: StoredDeadline[] = facts.allDeadlines();
  if (values.person) {
    presentations = facts.presentationsByPerson(values.person);
    deadlines = deadlines.filter((d) => presentations.some((p) => p.articleId === d.articleId));
  }
  if (documentQueries.length > 0) {
    const ids = new Set(documentQueries.flatMap((q) => facts.presentationsByDocument(q)).map((p) => p.id));
    presentations = presentations.filter((p) => ids.has(p.id));
    const deadlineIds = new Set(documentQueries.flatMap((q) => facts.deadlinesOfDocument(q)).map((d) => d.id));
    deadlines = deadlines.filter((d) => deadlineIds.has(d.id));
  }
  if (from || to) {
    const inRange = new Set(facts.deadlinesBetween(from ?? '0000-01-01', to ?? '9999-12-31').map((d) => d.id));
    deadlines = deadlines.filter((d) => inRange.has(d.id));
    if (!values.person && !values.doc) presentations = presentations.filter((p) => p.eventDate && p.eventDate >= (from ?? '') && p.eventDate <= (to ?? '9999'));
  }

  if (values.json) {
    console.log(
      JSON.stringify({
        presentations: presentations.map((p) => ({
          presenter: p.presenter,
          titles: p.titles,
          act: p.act,
          document: p.document,
          resolutions: p.resolutionLabels,
          date: p.eventDate,
          date_raw: p.eventDateRaw,
          date_inference: p.eventDateInference,
          source: p.source,
          quote: p.quote,
        })),
        deadlines: deadlines.map((d) => ({
          task: d.task,
          responsible: d.responsible,
          phrase: d.phrase,
          start: d.startDate,
          end: d.endDate,
          kind: d.kind,
          document: d.relatedDocument,
          source: d.source,
          quote: d.quote,
        })),
      }),
    );
    return 0;
  }
  console.log(`Trình bày / tiếp thu (${presentations.length}):`);
  for (const p of presentations) {
    console.log(`• ${p.presenter}${p.titles.length ? ` (${p.titles.join(', ')})` : ''} ${p.act}: ${p.document}`);
    console.log(`    ngày ${p.eventDate ? formatVietnameseDate(p.eventDate) : p.eventDateRaw ?? 'không rõ'}${p.eventDateInference ? ` — ${p.eventDateInference}` : ''}; nguồn: ${p.source}`);
  }
  console.log(`\nHạn chót (${deadlines.length}):`);
  for (const d of deadlines) {
    console.log(`• ${d.phrase}: ${d.task}${d.responsible ? ` — ${d.responsible}` : ''}`);
    console.log(`    ${d.startDate ? `${formatVietnameseDate(d.startDate)}–` : 'đến '}${formatVietnameseDate(d.endDate)}; nguồn: ${d.source}`);
  }
  return 0;
});
