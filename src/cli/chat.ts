import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { ensureBundledArticles } from '../app.js';
import { formatAnswerForTerminal } from './answer-format.js';
import { runCommand } from './main.js';

/** An interactive chat in the terminal: one conversation, so follow-ups ("kế hoạch đó") work. */
await runCommand(async (app) => {
  await ensureBundledArticles(app);
  const conversationId = `cli-${randomUUID()}`;
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  console.log('Hỏi về các kế hoạch, nghị quyết trong các bài đã nạp. Gõ "thoát" hoặc Ctrl+D để kết thúc.');
  // Iterating lines (not question()) keeps lines that arrive while an answer is being written.
  try {
    process.stdout.write('\n> ');
    for await (const line of terminal) {
      const question = line.trim();
      if (/^(thoát|thoat|exit|quit)$/i.test(question)) break;
      if (question) {
        const answer = await app.answers.ask(question, { conversationId, onText: app.config.llmEnabled ? () => process.stdout.write('.') : undefined });
        console.log(formatAnswerForTerminal(answer));
      }
      process.stdout.write('\n> ');
    }
  } finally {
    terminal.close();
  }
  return 0;
});
