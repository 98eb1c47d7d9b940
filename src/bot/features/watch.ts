import { Composer, type Context } from 'grammy';
import { AppError, describeError } from '../../errors.js';
import { describeWatch } from '../../watch/describe.js';
import { registerWatch, removeWatch } from '../../watch/register.js';
import { adminOnly as adminOnlyFor, type BotDeps } from '../deps.js';
import { splitPlain } from '../format/html.js';

const USAGE = 'Cách dùng: /watch URL [từ khóa, từ khóa …] — một RSS/Atom hoặc sitemap; mặc định từ khóa: nghị quyết, kế hoạch, chương trình, chỉ thị, kết luận';

/** /watch, /watches, /unwatch: admins only. A new source is checked at once, then on its interval. */
export function watchFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const { store, config } = deps.app;
  const service = deps.watches;
  const adminOnly = (handler: (ctx: Context & { match: string }) => Promise<unknown>) => adminOnlyFor(deps, handler);
  const failure = (error: unknown) => (error instanceof AppError ? error.message : `Lỗi: ${describeError(error)}`);

  feature.command(
    'watch',
    adminOnly(async (ctx) => {
      const [url, ...words] = ctx.match.trim().split(/\s+/).filter(Boolean);
      if (!url) return ctx.reply(USAGE);
      try {
        const { watch, items } = await registerWatch(store, service, url, [words.join(' ')], config.watch.intervalMinutes);
        await ctx.reply(`Đã theo dõi #${watch.id}: ${watch.title ?? watch.url} (${items} mục hiện có). Từ khóa: ${watch.keywords.join(', ')}. Kiểm tra ngay, rồi mỗi ${watch.intervalMinutes} phút.`);
        void service.run().catch((error: unknown) => deps.app.logger.error({ err: describeError(error) }, 'watch run failed'));
      } catch (error) {
        await ctx.reply(`Không theo dõi được: ${failure(error)}`);
      }
    }),
  );

  feature.command(
    'watches',
    adminOnly(async (ctx) => {
      const watches = store.watches.all();
      if (watches.length === 0) return ctx.reply('Chưa theo dõi nguồn nào. Thêm bằng /watch URL');
      const text = watches.map((w) => describeWatch(w, store.watches.countPending(w.id), config.timeZone).join('\n')).join('\n\n');
      for (const part of splitPlain(text)) await ctx.reply(part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    }),
  );

  feature.command(
    'unwatch',
    adminOnly(async (ctx) => {
      const id = Number(ctx.match.trim().replace(/^#/, ''));
      if (!Number.isSafeInteger(id) || id <= 0) return ctx.reply('Cách dùng: /unwatch ID (xem ID bằng /watches)');
      try {
        removeWatch(store, id);
        await ctx.reply(`Đã thôi theo dõi #${id}. Các bài đã nạp vẫn giữ nguyên.`);
      } catch (error) {
        await ctx.reply(failure(error));
      }
    }),
  );
  return feature;
}
