/**
 * How long the bot takes between an answer being ready and it reaching the chat, through
 * telegram-test-api with the production outgoing limits (`npm run bench -- --chat`).
 *
 *   npx tsx scripts/chat-latency.ts [--questions 40]
 */
import { repliesIn, SAMPLE_QUESTIONS, startHarness, TOKEN } from '../tests/e2e/harness.js';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--questions') + 1]) || 40;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

// `throttle: undefined` keeps the bot's own defaults (Telegram's limits), not the tests' fast ones.
const h = await startHarness({ throttle: undefined });
const readyAt = new Map<string, number>();
const ask = h.app.answers.ask.bind(h.app.answers);
h.app.answers.ask = async (question, options) => {
  const answer = await ask(question, options);
  readyAt.set(options?.conversationId ?? '', performance.now());
  return answer;
};
try {
  const added: number[] = [];
  const compute: number[] = [];
  for (let i = 0; i < count + 5; i++) {
    const chatId = 7000 + (i % 10); // ten chats, each asking again and again (a warm per-chat queue)
    const client = h.server.getClient(TOKEN, { chatId, userId: chatId, type: 'private', firstName: 'Lan', userName: `u${chatId}` });
    const before = (await repliesIn(h.server, chatId, 0)).length;
    const sent = performance.now();
    await client.sendMessage(client.makeMessage(SAMPLE_QUESTIONS[i % SAMPLE_QUESTIONS.length]!));
    let arrived = 0;
    for (;;) {
      const messages = h.server.storage.botMessages.filter((m) => String(m.message.chat_id) === String(chatId));
      if (messages.length > before) {
        arrived = performance.now();
        break;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const ready = readyAt.get(String(chatId)) ?? arrived;
    if (i >= 5) {
      added.push(arrived - ready); // the first five warm the caches up
      compute.push(ready - sent);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const ms = (v: number) => v.toFixed(1);
  console.log(
    `chat latency (${count} answers, offline, warm, Telegram's outgoing limits): answer ready → in the chat p50 ${ms(percentile(added, 0.5))} ms, p95 ${ms(percentile(added, 0.95))} ms; question sent → answer ready p50 ${ms(percentile(compute, 0.5))} ms, p95 ${ms(percentile(compute, 0.95))} ms`,
  );
} finally {
  await h.stop();
}
process.exit(0);
