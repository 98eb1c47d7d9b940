import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repliesIn, SAMPLE_QUESTIONS, startHarness, TOKEN, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: { timeFrameMs: 60_000, limit: 40 } });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});


describe('load: 50 users ask 1,000 questions', () => {
  it('answers every question with no error reply, and reports the latency', async () => {
    const users = Array.from({ length: 50 }, (_, i) => h.server.getClient(TOKEN, { chatId: 7000 + i, userId: 7000 + i, type: 'private', firstName: `U${i}`, userName: `load${i}` }));
    const sentAt = new Map<string, number>();
    const started = Date.now();
    await Promise.all(
      users.map(async (client, i) => {
        for (let n = 0; n < 20; n++) {
          sentAt.set(`${7000 + i}:${n}`, Date.now());
          await client.sendMessage(client.makeMessage(SAMPLE_QUESTIONS[(i + n) % SAMPLE_QUESTIONS.length]!));
        }
      }),
    );
    const replies = await Promise.all(users.map((_, i) => repliesIn(h.server, 7000 + i, 20, 120_000)));
    const seconds = (Date.now() - started) / 1000;
    const latencies = replies.flatMap((list, i) => list.map((reply, n) => Number(reply.time) - (sentAt.get(`${7000 + i}:${n}`) ?? started))).sort((a, b) => a - b);
    const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? 0;
    const total = replies.reduce((sum, list) => sum + list.length, 0);
    const errors = replies.flat().filter((r) => /đã có lỗi/.test(String(r.text))).length;
    console.log(`load: ${total} answers to 1000 questions from 50 users in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s), reply p95 ${p95} ms, ${errors} error replies`);
    expect(total).toBe(1000);
    expect(errors).toBe(0);
  }, 180_000);
});
