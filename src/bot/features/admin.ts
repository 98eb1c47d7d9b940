import path from 'node:path';
import { Composer, type Context } from 'grammy';
import { reindex } from '../../app.js';
import { AppError, describeError } from '../../errors.js';
import type { IngestSummary } from '../../ingest/pipeline.js';
import { documentFromBytes, limitFor, megabytes, SUPPORTED_EXTENSIONS, SUPPORTED_LIST } from '../../ingest/sources.js';
import { adminOnly as adminOnlyFor, isAdmin, refuseNonAdmin, type BotDeps } from '../deps.js';
import { escapeHtml } from '../format/html.js';

const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

const OUTCOMES = { added: 'thêm mới', updated: 'cập nhật', unchanged: 'không đổi', reprint: 'bản đăng lại' } as const;

export function summaryHtml(summary: IngestSummary): string {
  const counts = (Object.keys(OUTCOMES) as Array<keyof typeof OUTCOMES>).map((o) => `${summary.count(o)} ${OUTCOMES[o]}`).join(', ');
  const lines = [`<b>Kết quả nạp</b>: ${counts}, ${summary.failures.length} lỗi.`];
  for (const r of summary.results) lines.push(`• ${escapeHtml(r.title)} — ${OUTCOMES[r.outcome]} (mã <code>${r.articleId}</code>)`);
  for (const f of summary.failures) lines.push(`✗ ${escapeHtml(f.message)}`);
  return lines.join('\n').slice(0, 4000);
}

/** A progress message edited as an ingest goes (at most every 1.5 s), ending with the summary. */
async function withProgress(ctx: Context, run: (onProgress: (done: number, total: number, current: string) => void) => Promise<IngestSummary>): Promise<void> {
  const message = await ctx.reply('Đang nạp…');
  let last = 0;
  const summary = await run((done, total, current) => {
    if (Date.now() - last < 1500 || done >= total) return;
    last = Date.now();
    void ctx.api.editMessageText(message.chat.id, message.message_id, `Đang nạp ${done}/${total}: ${current}`).catch(() => {});
  });
  await ctx.api.editMessageText(message.chat.id, message.message_id, summaryHtml(summary), { parse_mode: 'HTML' });
}

/** Downloads a Telegram file through the Bot API server the bot talks to. */
async function downloadFile(ctx: Context, deps: BotDeps, fileId: string): Promise<Uint8Array> {
  const file = await ctx.api.getFile(fileId);
  if (!file.file_path) throw new Error('Telegram không trả về đường dẫn tệp');
  const root = deps.app.config.telegram.apiRoot ?? 'https://api.telegram.org';
  const response = await fetch(`${root}/file/bot${ctx.api.token}/${file.file_path}`, { signal: AbortSignal.timeout(deps.app.config.fetchTimeoutMs) });
  if (!response.ok) throw new Error(`tải tệp lỗi HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The model's state: off, answering, or set aside after failures (answers offline until the next try). */
function llmStatusLine(deps: BotDeps): string {
  const { config, answers } = deps.app;
  if (!config.llmEnabled) return 'LLM: tắt (trả lời offline)';
  const status = answers.llmBreaker.status();
  if (status.state === 'closed') return `LLM: đang dùng (${escapeHtml(config.openai.chatModel)})`;
  const at = (d: Date) => d.toLocaleTimeString('vi-VN', { timeZone: config.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `LLM: tạm ngắt sau ${status.failures} lỗi liền (từ ${at(status.since)}), trả lời offline; thử lại lúc ${at(status.retryAt)}`;
}

/** /ingest, uploads, /delete, /reindex, /stats: admins only; anyone else is refused and nothing changes. */
export function adminFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const { store, ingest, config } = deps.app;
  const adminOnly = (handler: (ctx: Context & { match: string }) => Promise<unknown>) => adminOnlyFor(deps, handler);

  feature.command(
    'ingest',
    adminOnly(async (ctx) => {
      const urls = ctx.match.split(/\s+/).filter(Boolean);
      if (urls.length === 0) {
        await ctx.reply('Cách dùng: /ingest https://… [https://…]');
        return;
      }
      await withProgress(ctx, (onProgress) => ingest.ingestInputs(urls, { onProgress: (p) => onProgress(p.done, p.total, p.current) }));
    }),
  );

  feature.on('message:document', async (ctx) => {
    if (!isAdmin(deps, ctx.from?.id)) {
      if (ctx.chat.type === 'private') await refuseNonAdmin(ctx);
      return;
    }
    const document = ctx.message.document;
    const name = document.file_name ?? 'tep-khong-ten';
    if (!SUPPORTED_EXTENSIONS.has(path.extname(name).toLowerCase())) {
      await ctx.reply(`${name}: định dạng không hỗ trợ (chỉ nhận ${SUPPORTED_LIST}).`);
      return;
    }
    const limits = { maxBytes: config.maxInputBytes, maxDocumentBytes: config.maxDocumentBytes };
    // The Bot API lets a bot download files of up to 20 MB.
    const limit = Math.min(limitFor(name, limits), TELEGRAM_DOWNLOAD_LIMIT);
    if ((document.file_size ?? 0) > limit) {
      await ctx.reply(`${name}: tệp quá lớn (giới hạn ${megabytes(limit)}).`);
      return;
    }
    await withProgress(ctx, async () => {
      try {
        const bytes = await downloadFile(ctx, deps, document.file_id);
        return await ingest.ingestDocuments([await documentFromBytes(name, bytes, limits)]);
      } catch (error) {
        // The file's own errors name it already ("ban-quet.pdf: tệp PDF là ảnh quét …").
        const message = error instanceof AppError ? error.message : `${name}: ${describeError(error)}`;
        return { results: [], failures: [{ input: name, code: error instanceof AppError ? error.code : 'UPLOAD', message }], count: () => 0 };
      }
    });
  });

  feature.command(
    'delete',
    adminOnly(async (ctx) => {
      const target = ctx.match.trim();
      if (!target) {
        await ctx.reply('Cách dùng: /delete <mã bài | tên tệp | URL> (xem mã bằng /sources)');
        return;
      }
      try {
        const result = ingest.deleteArticle(target);
        await ctx.reply(result.articleDeleted ? `Đã xóa bài ${result.articleId}.` : `Đã xóa nguồn ${target}; bài ${result.articleId} vẫn còn nguồn khác.`);
      } catch (error) {
        await ctx.reply(describeError(error));
      }
    }),
  );

  feature.command(
    'reindex',
    adminOnly(async (ctx) => {
      const result = reindex(deps.app);
      await ctx.reply(`Đã dựng lại chỉ mục: ${result.vectors} vector, ${result.articles} bài được trích lại dữ kiện (${result.seconds.toFixed(1)} giây).`);
    }),
  );

  feature.command(
    'stats',
    adminOnly(async (ctx) => {
      const counts = store.articles.counts();
      const facts = store.facts.counts();
      const answers = store.traces.stats();
      const votes = store.feedback.counts();
      const down = store.feedback.latestDown();
      const last = store.articles.listArticles().reduce((max, a) => (a.updatedAt > max ? a.updatedAt : max), '');
      const lines = [
        '<b>Thống kê</b>',
        `Bài viết: ${counts.articles} (${counts.sources} nguồn) · đoạn: ${counts.chunks}`,
        `Dữ kiện: ${facts.presentations} lượt trình bày, ${facts.deadlines} hạn chót, ${facts.documents} văn bản`,
        `Chỉ mục vector: ${store.vectors.index.size} vector, ${(store.vectors.index.fileBytes() / 1024 / 1024).toFixed(1)} MB`,
        `Lần nạp gần nhất: ${last || 'chưa có'}`,
        `Câu trả lời: ${answers.answers} · từ chối ${(answers.refusalRate * 100).toFixed(0)}% · p50 ${answers.p50Ms} ms · p95 ${answers.p95Ms} ms`,
        `Góp ý: 👍 ${votes.up} · 👎 ${votes.down}`,
        llmStatusLine(deps),
      ];
      if (down) lines.push(`👎 gần nhất: “${escapeHtml(down.question)}” (${escapeHtml(down.reason ?? 'chưa nêu lý do')}, trace #${down.traceId})`);
      await ctx.reply(lines.join('\n'), { parse_mode: 'HTML' });
    }),
  );
  return feature;
}
