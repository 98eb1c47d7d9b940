import { describe, expect, it } from 'vitest';
import type { UserFromGetMe } from 'grammy/types';
import { createBot } from '../../src/bot/index.js';
import { useBundledApp } from '../helpers.js';

const app = useBundledApp();

describe('inline mode', () => {
  it('offers the cited answer as an inline result', async () => {
    const bot = createBot('1:inline-test-token-aaaaaaaaaaaaaaaaaaa', app(), {
      botInfo: { id: 1, is_bot: true, first_name: 'Bot', username: 'vnplans_bot', supports_inline_queries: true } as UserFromGetMe,
      throttle: false,
    });
    const calls: Array<{ method: string; payload: Record<string, unknown> }> = [];
    bot.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> });
      return { ok: true, result: true } as never;
    });
    await bot.handleUpdate({
      update_id: 1,
      inline_query: { id: 'iq1', from: { id: 5, is_bot: false, first_name: 'Lan' }, query: 'ai trinh bay ke hoach thuc hien nghi quyet 28', offset: '' },
    });
    const call = calls.find((c) => c.method === 'answerInlineQuery')!;
    const [result] = call.payload.results as Array<{ type: string; input_message_content: { message_text: string; parse_mode: string } }>;
    expect(result!.type).toBe('article');
    expect(result!.input_message_content.parse_mode).toBe('HTML');
    expect(result!.input_message_content.message_text).toContain('Vũ Đức Bảo');
  });
});
