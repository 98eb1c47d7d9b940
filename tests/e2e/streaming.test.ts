import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIStub } from '../support/openai-stub.js';
import { repliesIn, startHarness, TOKEN, type Harness } from './harness.js';

const stub = new OpenAIStub();
let h: Harness;
beforeAll(async () => {
  const baseUrl = await stub.start();
  h = await startHarness({}, { OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: 'sk-stream', LLM_TIMEOUT_MS: '5000' });
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await stub.stop();
});

describe('with an LLM configured', () => {
  it('streams the answer into one message by edits, then puts the formatted, cited answer in place', async () => {
    stub.chat = (body) => {
      const prompt = JSON.stringify(body.messages);
      const n = [...prompt.matchAll(/<nguon so=\\"(\d+)\\">([\s\S]*?)<\/nguon>/g)].find((m) => m[2]!.includes('Vũ Đức Bảo'))?.[1] ?? '1';
      return { content: `Đồng chí Vũ Đức Bảo, Trưởng ban Tổ chức Thành ủy, trình bày Kế hoạch thực hiện Nghị quyết số 28-NQ/TƯ [${n}].` };
    };
    const client = h.server.getClient(TOKEN, { chatId: 4242, userId: 4242, type: 'private', firstName: 'Lan', userName: 'lan' });
    await client.sendMessage(client.makeMessage('Ai trình bày kế hoạch thực hiện Nghị quyết 28?'));
    await expect.poll(async () => (await repliesIn(h.server, 4242, 1, 100))[0]?.parse_mode, { timeout: 15_000 }).toBe('HTML');
    const [message] = await repliesIn(h.server, 4242, 1, 100);
    expect(message!.text).toContain('Vũ Đức Bảo');
    expect(message!.text).toMatch(/\[1\]/);
    const edits = h.proxy.callsTo('editMessageText').filter((c) => c.body.chat_id === 4242);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(edits.at(-1)!.body.parse_mode).toBe('HTML');
    expect(edits.slice(0, -1).every((e) => e.body.parse_mode === undefined)).toBe(true);
    expect(stub.requests.some((r) => r.body.stream === true)).toBe(true);
  }, 30_000);
});
