import { parseArgs } from 'node:util';
import { clockFor, ensureBundledArticles } from '../app.js';
import { buildDigest } from '../digest/build.js';
import { formatDigestHtml } from '../bot/format/facts-html.js';
import { runCommand } from './main.js';

/** Prints the digest a subscriber would receive: `npm run digest -- --now 2020-12-08 [--since 2020-12-01]`. */
await runCommand(async (app, argv) => {
  const { values } = parseArgs({ args: argv, options: { now: { type: 'string' }, since: { type: 'string' }, html: { type: 'boolean' } } });
  await ensureBundledArticles(app);
  const now = values.now ? clockFor(values.now)() : app.now();
  const digest = buildDigest(app.store, now, app.config.timeZone, values.since ? new Date(values.since).toISOString() : null);
  const messages = formatDigestHtml(digest, true);
  const text = values.html ? messages.join('\n\n') : messages.join('\n\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  console.log(text);
  return 0;
});
