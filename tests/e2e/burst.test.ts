import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repliesIn, SAMPLE_QUESTIONS, startHarness, TOKEN, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: { timeFrameMs: 60_000, limit: 10 } });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});


describe('a burst of 200 questions from 20 users', () => {
  it('answers every one, in order per chat, and then applies the per-user rate limit', async () => {
    const users = Array.from({ length: 20 }, (_, i) => h.server.getClient(TOKEN, { chatId: 3000 + i, userId: 3000 + i, type: 'private', firstName: `U${i}`, userName: `u${i}` }));
    const started = Date.now();
    await Promise.all(users.map(async (client, i) => {
      for (let n = 0; n < 10; n++) await client.sendMessage(client.makeMessage(SAMPLE_QUESTIONS[(i + n) % SAMPLE_QUESTIONS.length]!));
    }));
    const answered = await Promise.all(users.map((_, i) => repliesIn(h.server, 3000 + i, 10, 60_000)));
    const seconds = (Date.now() - started) / 1000;
    const total = answered.reduce((sum, replies) => sum + replies.length, 0);
    const errors = answered.flat().filter((r) => /lỗi/.test(String(r.text))).length;
    console.log(`burst: ${total} answers to 200 questions from 20 users in ${seconds.toFixed(1)} s, ${errors} error replies`);
    expect(total).toBe(200);
    expect(errors).toBe(0);
    for (const replies of answered) for (const reply of replies) expect(reply.parse_mode).toBe('HTML');

    // The 11th question in the same minute gets a request to slow down instead of an answer.
    await users[0]!.sendMessage(users[0]!.makeMessage('Thêm một câu nữa?'));
    const after = await repliesIn(h.server, 3000, 11, 10_000);
    expect(after[10]!.text).toBe('Bạn hỏi nhanh quá, vui lòng đợi vài giây rồi hỏi tiếp.');
  }, 120_000);
});
