import { createWatchService } from '../watch/index.js';
import { describeCheck, describeWatch } from '../watch/describe.js';
import { registerWatch, removeWatch } from '../watch/register.js';
import { runCommand } from './main.js';

const USAGE = `Cách dùng:
  npm run watch -- add URL [từ khóa, từ khóa …] [--every PHÚT]   theo dõi một RSS/Atom hoặc sitemap
  npm run watch -- list                                           các nguồn đang theo dõi
  npm run watch -- remove ID                                      thôi theo dõi
  npm run watch -- run [--due] [--max N]                          kiểm tra ngay (mặc định: mọi nguồn)`;

/** `--every 30` out of the arguments: [value, the other arguments]. */
function option(args: string[], name: string): [string | undefined, string[]] {
  const at = args.indexOf(name);
  if (at < 0) return [undefined, args];
  return [args[at + 1], [...args.slice(0, at), ...args.slice(at + 2)]];
}

await runCommand(async (app, [command, ...rest]) => {
  const service = createWatchService(app);
  const { store, config } = app;
  if (command === 'add' && rest[0]) {
    const [every, words] = option(rest.slice(1), '--every');
    const { watch, items } = await registerWatch(store, service, rest[0], [words.join(' ')], every ? Number(every) : config.watch.intervalMinutes);
    console.log(`Đã theo dõi #${watch.id} ${watch.url} (${items} mục hiện có; từ khóa: ${watch.keywords.join(', ')}). Chạy "npm run watch -- run" để nạp ngay.`);
    return 0;
  }
  if (command === 'list' || command === undefined) {
    const watches = store.watches.all();
    if (watches.length === 0) console.log('Chưa theo dõi nguồn nào.');
    for (const watch of watches) console.log(describeWatch(watch, store.watches.countPending(watch.id), config.timeZone).join('\n'));
    return 0;
  }
  if (command === 'remove' && rest[0]) {
    removeWatch(store, Number(rest[0]));
    console.log(`Đã thôi theo dõi #${rest[0]}.`);
    return 0;
  }
  if (command === 'run') {
    const [max, others] = option(rest, '--max');
    const started = performance.now();
    const checks = await service.run({ all: !others.includes('--due'), maxItems: max ? Number(max) : undefined });
    if (checks.length === 0) console.log('Không có nguồn nào cần kiểm tra.');
    for (const check of checks) console.log(describeCheck(check));
    console.log(`Xong trong ${((performance.now() - started) / 1000).toFixed(2)} giây.`);
    return checks.some((c) => c.status === 'failed') ? 1 : 0;
  }
  console.error(USAGE);
  return 2;
});
