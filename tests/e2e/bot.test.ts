import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ADMIN_ID, repliesIn, startHarness, TOKEN, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: { timeFrameMs: 60_000, limit: 12 } });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

let nextChat = 1000;
/** A user in their own private chat (or a group), as the emulator's client. */
function user(options: { userId?: number; type?: 'private' | 'group'; chatId?: number } = {}) {
  const chatId = options.chatId ?? nextChat++;
  const userId = options.userId ?? chatId;
  const client = h.server.getClient(TOKEN, { chatId, userId, type: options.type ?? 'private', firstName: 'Lan', userName: `user${userId}`, chatTitle: 'Nhóm cán bộ' });
  return {
    chatId,
    client,
    say: (text: string, extra: Record<string, unknown> = {}) => client.sendMessage(client.makeMessage(text, extra as never)),
    command: (text: string) => client.sendCommand(client.makeCommand(text)),
    replies: (count = 1, since = 0) => repliesIn(h.server, chatId, count, 15_000, since),
  };
}

/** Telegram HTML that parses: only its tags, balanced, entities escaped. */
function expectValidTelegramHtml(html: string): void {
  expect(html.length).toBeLessThanOrEqual(4096);
  const stack: string[] = [];
  for (const tag of html.matchAll(/<(\/?)([a-z]+)([^>]*)>/g)) {
    expect(['b', 'i', 'a', 'code', 'pre', 'blockquote', 'u', 's']).toContain(tag[2]);
    if (tag[1]) expect(stack.pop()).toBe(tag[2]);
    else stack.push(tag[2]!);
  }
  expect(stack).toEqual([]);
  expect(html.replace(/<\/?[a-z]+[^>]*>/g, '')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;)/);
}

describe('asking in a private chat', () => {
  it('answers with citations, a source list and the Nguồn / 👍 / 👎 buttons', async () => {
    const lan = user();
    await lan.say('Ai trình bày kế hoạch thực hiện Nghị quyết 28?');
    const [reply] = await lan.replies();
    expect(reply).toBeDefined();
    expect(reply!.parse_mode).toBe('HTML');
    expect(reply!.text).toContain('Vũ Đức Bảo');
    expect(reply!.text).toMatch(/\[1\]/);
    expect(reply!.text).toContain('<b>Nguồn:</b>');
    expectValidTelegramHtml(reply!.text);
    const buttons = (reply!.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['Nguồn', '👍', '👎']);
  });

  it('shows the quoted passages when "Nguồn" is pressed', async () => {
    const lan = user();
    await lan.say('Kế hoạch số 186-KH/TU ban hành ngày nào?');
    const [answer] = await lan.replies();
    const sources = (answer!.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard[0]![0]!.callback_data;
    await lan.client.sendCallback(lan.client.makeCallbackQuery(sources, { message: { message_id: answer!.message_id, chat: { id: lan.chatId, type: 'private', first_name: 'Lan' } } } as never));
    const [, quotes] = await lan.replies(2);
    expect(quotes!.text).toContain('<blockquote expandable>');
    expect(quotes!.text).toContain('Kế hoạch số 186-KH/TU ngày 25/10/2023');
    expectValidTelegramHtml(quotes!.text);
  });

  it('records 👎 with its reason for the admins', async () => {
    const lan = user();
    await lan.say('Ai trình bày kế hoạch thực hiện Nghị quyết 29?');
    const [answer] = await lan.replies();
    const down = (answer!.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard.flat().find((b) => b.callback_data.startsWith('fb:down'))!;
    const message = { message_id: answer!.message_id, chat: { id: lan.chatId, type: 'private', first_name: 'Lan' } };
    await lan.client.sendCallback(lan.client.makeCallbackQuery(down.callback_data, { message } as never));
    const [, ask] = await lan.replies(2);
    const reason = (ask!.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat().find((b) => b.text === 'Sai hạn')!;
    await lan.client.sendCallback(lan.client.makeCallbackQuery(reason.callback_data, { message } as never));
    await expect.poll(() => h.app.store.feedback.latestDown()?.reason, { timeout: 5000 }).toBe('deadline');
  });

  it('lists the sources with no buttons when they fit one page', async () => {
    const lan = user();
    await lan.command('/sources');
    const [reply] = await lan.replies();
    expect(reply!.text).toMatch(/^<b>Bài viết<\/b> \(\d\) — trang 1\/1/);
    expect(reply!.reply_markup).toBeUndefined();
  });

  it('skips a backlog of old messages after a restart', async () => {
    const lan = user();
    await lan.say('Ai trình bày kế hoạch thực hiện Nghị quyết 27?', { date: Math.floor(Date.now() / 1000) - 3600 });
    await lan.command('/help');
    const replies = await lan.replies(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await lan.replies(1)).length).toBe(1);
    expect(replies[0]!.text).toContain('Cách hỏi');
  });
});

describe('asking in a group', () => {
  it('stays quiet unless mentioned, replied to, or asked with /ask', async () => {
    const group = user({ type: 'group', chatId: -5001, userId: 71 });
    await group.say('Chiều nay họp lúc mấy giờ nhỉ?');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await group.replies(0)).toEqual([]);
    await group.say('@TestNameBot ai trình bày kế hoạch thực hiện nghị quyết 28?');
    const [reply] = await group.replies(1);
    expect(reply!.text).toContain('Vũ Đức Bảo');
    await group.command('/ask Nghị quyết số 27-NQ/TƯ được ban hành ngày nào?');
    const [, second] = await group.replies(2);
    expect(second!.text).toContain('9/11/2022');
  });
});

describe('administration', () => {
  it('refuses /ingest to a non-admin and changes nothing', async () => {
    const stranger = user();
    const before = h.app.store.articles.counts();
    await stranger.command('/ingest https://example.invalid/bai.html');
    const [reply] = await stranger.replies();
    expect(reply!.text).toBe('Xin lỗi, lệnh này chỉ dành cho quản trị viên.');
    expect(h.app.store.articles.counts()).toEqual(before);
    expect(h.proxy.callsTo('getFile')).toEqual([]);
  });

  it('ingests an article an admin uploads, which then answers questions', async () => {
    const admin = user({ userId: ADMIN_ID, chatId: ADMIN_ID });
    const article = [
      'Tỉnh ủy Bình Định triển khai Nghị quyết 57 về chuyển đổi số',
      '05/03/2025 | 09:00',
      'Sáng 4/3, Tỉnh ủy Bình Định tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.',
      'Tại hội nghị, Phó Bí thư Thường trực Tỉnh ủy Lê Kim Toàn trình bày Kế hoạch số 88-KH/TU thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.',
      'Kế hoạch yêu cầu các sở, ngành hoàn thành chương trình hành động trước ngày 30/4/2025.',
    ].join('\n');
    h.proxy.files.set('file-binh-dinh', { path: 'documents/binh-dinh.txt', content: Buffer.from(article) });
    await admin.say('', { document: { file_id: 'file-binh-dinh', file_unique_id: 'u1', file_name: 'binh-dinh.txt', file_size: Buffer.byteLength(article), mime_type: 'text/plain' } });
    await expect.poll(() => h.app.store.facts.presentationsByPerson('Lê Kim Toàn').length, { timeout: 10_000 }).toBe(1);
    const edits = await admin.replies(1);
    expect(edits[0]!.text).toMatch(/Đang nạp|Kết quả nạp/);

    const reader = user();
    await reader.say('Ai trình bày Kế hoạch số 88-KH/TU?');
    const [answer] = await reader.replies();
    expect(answer!.text).toContain('Lê Kim Toàn');
    expect(answer!.text).toContain('binh-dinh.txt');
  });

  it('ingests a PDF plan an admin uploads: its signer and a row of its task table answer, cited to the file', async () => {
    const admin = user({ userId: ADMIN_ID, chatId: ADMIN_ID + 3 });
    const pdf = readFileSync(fileURLToPath(new URL('../fixtures/documents/ke-hoach-87-kh-ubnd.pdf', import.meta.url)));
    h.proxy.files.set('file-ke-hoach-87', { path: 'documents/ke-hoach-87.pdf', content: pdf });
    await admin.say('', { document: { file_id: 'file-ke-hoach-87', file_unique_id: 'u3', file_name: 'ke-hoach-87.pdf', file_size: pdf.length, mime_type: 'application/pdf' } });
    await expect.poll(() => h.app.store.facts.presentationsByPerson('Trần Xuân Lộc').length, { timeout: 10_000 }).toBe(1);

    const reader = user();
    await reader.say('Ai ký Kế hoạch số 87/KH-UBND?');
    const [signer] = await reader.replies();
    expect(signer!.text).toContain('Trần Xuân Lộc');
    expect(signer!.text).toContain('ke-hoach-87.pdf');
    await reader.say('Kế hoạch 87/KH-UBND giao Sở Công Thương việc gì, hạn khi nào?');
    const [, row] = await reader.replies(2);
    expect(row!.text).toContain('Quý II/2025');
    expect(row!.text).toContain('ke-hoach-87.pdf');
  });

  it('refuses a scanned PDF upload with a clear message and stores nothing', async () => {
    const admin = user({ userId: ADMIN_ID, chatId: ADMIN_ID + 4 });
    const scan = readFileSync(fileURLToPath(new URL('../fixtures/documents/ban-quet.pdf', import.meta.url)));
    h.proxy.files.set('file-scan', { path: 'documents/ban-quet.pdf', content: scan });
    const before = h.app.store.articles.counts();
    await admin.say('', { document: { file_id: 'file-scan', file_unique_id: 'u4', file_name: 'ban-quet.pdf', file_size: scan.length, mime_type: 'application/pdf' } });
    await expect.poll(async () => (await admin.replies(0)).map((reply) => reply.text).join('\n'), { timeout: 10_000 }).toContain('ảnh quét');
    expect(h.app.store.articles.counts()).toEqual(before);
  });

  it('refuses an upload of an unsupported type', async () => {
    const admin = user({ userId: ADMIN_ID, chatId: ADMIN_ID + 1 });
    await admin.say('', { document: { file_id: 'x', file_unique_id: 'u2', file_name: 'anh.jpg', file_size: 1000, mime_type: 'image/jpeg' } });
    const [reply] = await admin.replies();
    expect(reply!.text).toBe('anh.jpg: định dạng không hỗ trợ (chỉ nhận .txt, .md, .html, .pdf, .docx, .doc).');
  });

  it('shows admins the statistics', async () => {
    const admin = user({ userId: ADMIN_ID, chatId: ADMIN_ID + 2 });
    await admin.command('/stats');
    const [reply] = await admin.replies();
    expect(reply!.text).toMatch(/Bài viết: \d+/);
    expect(reply!.text).toMatch(/Câu trả lời: \d+ · từ chối \d+%/);
  });
});

describe('resilience', () => {
  it('retries a message that hit Telegram\'s flood limit (429 retry_after)', async () => {
    const lan = user();
    const attemptsBefore = h.proxy.callsTo('sendMessage').length;
    h.proxy.floodNext = 1;
    await lan.command('/help');
    const [reply] = await lan.replies(1);
    expect(reply!.text).toContain('Cách hỏi');
    expect(h.proxy.callsTo('sendMessage').length - attemptsBefore).toBeGreaterThanOrEqual(2);
  });

  it('shows "typing…" only when an answer takes a while, and answers even though the emulator refuses it', async () => {
    const typingIn = (chatId: number) => h.proxy.callsTo('sendChatAction').filter((c) => Number(c.body.chat_id) === chatId).length;
    const quick = user();
    await quick.say('Ai trình bày kế hoạch thực hiện Nghị quyết 28?');
    await quick.replies();
    expect(typingIn(quick.chatId)).toBe(0);

    const ask = h.app.answers.ask.bind(h.app.answers);
    h.app.answers.ask = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      return ask(...args);
    };
    try {
      const slow = user();
      await slow.say('Ai trình bày kế hoạch thực hiện Nghị quyết 28?');
      const [reply] = await slow.replies();
      expect(reply!.text).toContain('Vũ Đức Bảo');
      expect(typingIn(slow.chatId)).toBe(1);
    } finally {
      h.app.answers.ask = ask;
    }
    expect(h.proxy.callsTo('setMyCommands').length).toBeGreaterThan(0);
  });

  it('gives short answers to bad input: unknown commands, stickers, empty and huge questions', async () => {
    const lan = user();
    await lan.command('/khongco');
    await lan.say('', { sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } });
    await lan.say('x'.repeat(10_000));
    const replies = await lan.replies(3);
    expect(replies.map((r) => r.text)).toEqual([
      'Tôi không biết lệnh này. Gõ /help để xem các lệnh.',
      expect.stringMatching(/^(Tôi chỉ đọc được câu hỏi dạng văn bản\.|Bạn muốn hỏi gì\?.*)$/),
      'Câu hỏi quá dài (tối đa 1000 ký tự). Hãy hỏi ngắn gọn hơn.',
    ]);
  });
});
