import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage, FeedServer, presenterOf, rss } from '../support/feed-server.js';
import { ADMIN_ID, repliesIn, startHarness, TOKEN, type Harness } from './harness.js';

let h: Harness;
const feeds = new FeedServer();
beforeAll(async () => {
  await feeds.start();
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await feeds.stop();
});

function user(chatId: number, userId = chatId) {
  const client = h.server.getClient(TOKEN, { chatId, userId, type: 'private', firstName: 'Lan', userName: `user${userId}` });
  return {
    command: (text: string) => client.sendCommand(client.makeCommand(text)),
    say: (text: string) => client.sendMessage(client.makeMessage(text)),
    replies: (count = 1) => repliesIn(h.server, chatId, count),
  };
}

describe('watching feeds from the chat', () => {
  it('refuses /watch, /watches and /unwatch to a non-admin and stores nothing', async () => {
    const stranger = user(3001);
    await stranger.command(`/watch ${feeds.base}/rss.xml`);
    await stranger.command('/watches');
    await stranger.command('/unwatch 1');
    const replies = await stranger.replies(3);
    expect(replies.map((r) => r.text)).toEqual(Array(3).fill('Xin lỗi, lệnh này chỉ dành cho quản trị viên.'));
    expect(h.app.store.watches.all()).toEqual([]);
  });

  it('an admin watches a feed: its plans arrive, answer questions, show in /watches and in the next digest', async () => {
    feeds.xml('/rss.xml', () => rss([{ n: 31 }, { n: 32 }], feeds.base));
    for (const n of [31, 32]) feeds.html(`/bai/${n}.html`, articlePage(n));
    const admin = user(ADMIN_ID, ADMIN_ID);
    await admin.command('/subscribe 07:00');
    await admin.command(`/watch ${feeds.base}/rss.xml kế hoạch, nghị quyết`);
    const replies = await admin.replies(2);
    expect(replies[1]!.text).toBe('Đã theo dõi #1: Tin Tỉnh ủy (2 mục hiện có). Từ khóa: kế hoạch, nghị quyết. Kiểm tra ngay, rồi mỗi 60 phút.');
    await expect.poll(() => h.app.store.watches.get(1)?.lastNewAt ?? null, { timeout: 10_000 }).not.toBeNull();
    await expect.poll(() => h.app.store.watches.countPending(1), { timeout: 10_000 }).toBe(0);

    const reader = user(3002);
    await reader.say('Ai trình bày Kế hoạch số 132-KH/TU?');
    const [answer] = await reader.replies();
    expect(answer!.text).toContain(presenterOf(32));
    expect(answer!.text).toContain(`${feeds.base}/bai/32.html`.replace('http://', ''));

    await admin.command('/watches');
    const listing = (await admin.replies(3))[2]!.text as string;
    expect(listing).toContain(`#1 Tin Tỉnh ủy — ${feeds.base}/rss.xml (RSS, mỗi 60 phút)`);
    expect(listing).toMatch(/kiểm tra lần cuối: \d\d:\d\d \d\d\/\d\d\/\d{4} · bài mới gần nhất: \d\d:\d\d/);

    await admin.command('/digest');
    const digest = (await admin.replies(4))[3]!.text as string;
    expect(digest).toContain('Tỉnh ủy triển khai Kế hoạch số 131-KH/TU');
    expect(digest).toContain('qua nguồn theo dõi Tin Tỉnh ủy');
  });

  it('tells an admin why a source cannot be watched, and removes one', async () => {
    feeds.html('/trang.html', '<!doctype html><html><body><p>Trang chủ</p></body></html>');
    const admin = user(ADMIN_ID + 10, ADMIN_ID);
    await admin.command(`/watch ${feeds.base}/trang.html`);
    await admin.command('/unwatch 9');
    await admin.command('/unwatch 1');
    const replies = (await admin.replies(3)).map((r) => r.text);
    expect(replies[0]).toBe(`Không theo dõi được: ${feeds.base}/trang.html: đây là trang HTML, không phải nguồn tin RSS/Atom hay sitemap`);
    expect(replies[1]).toBe('Không có nguồn theo dõi #9 (xem danh sách bằng /watches)');
    expect(replies[2]).toBe('Đã thôi theo dõi #1. Các bài đã nạp vẫn giữ nguyên.');
    expect(h.app.store.watches.all()).toEqual([]);
    expect(h.app.store.articles.listArticles().some((a) => a.sources.includes(`${feeds.base}/bai/31.html`))).toBe(true);
  });
});
