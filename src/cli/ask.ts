import { ensureBundledArticles } from '../app.js';
import { formatAnswerForTerminal } from './answer-format.js';
import { runCommand } from './main.js';

await runCommand(async (app, args) => {
  const question = args.join(' ').trim();
  if (!question) {
    console.error('Cách dùng: npm run ask -- "câu hỏi"');
    return 2;
  }
  const seeded = await ensureBundledArticles(app);
  if (seeded) console.error(`(Lần đầu: đã nạp ${seeded.count('added')} bài có sẵn từ ${app.config.articlesDir})`);
  const answer = await app.answers.ask(question);
  console.log(formatAnswerForTerminal(answer));
  console.error(`\n(${answer.answerer}, ${answer.latencyMs} ms, trace #${answer.traceId}: npm run trace -- ${answer.traceId})`);
  return 0;
});
