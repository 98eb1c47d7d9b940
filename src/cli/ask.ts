import { ensureBundledArticles } from '../app.js';
import type { RetrievedPassageMetadata } from '../rag/hybrid-retriever.js';
import { runCommand } from './main.js';

await runCommand(async (app, args) => {
  const question = args.join(' ').trim();
  if (!question) {
    console.error('Cách dùng: npm run ask -- "câu hỏi"');
    return 2;
  }
  const seeded = await ensureBundledArticles(app);
  if (seeded) console.error(`(Lần đầu: đã nạp ${seeded.count('added')} bài có sẵn từ ${app.config.articlesDir})`);
  const passages = await app.retriever.invoke(question);
  if (passages.length === 0) {
    console.log('Không tìm thấy đoạn nào liên quan trong các bài đã nạp.');
    return 0;
  }
  console.log(`Các đoạn liên quan nhất cho: "${question}"\n`);
  passages.forEach((passage, i) => {
    const meta = passage.metadata as RetrievedPassageMetadata;
    console.log(`[${i + 1}] ${meta.title} (${meta.publishedDate ?? 'không rõ ngày'})`);
    console.log(`    Nguồn: ${meta.source}, ký tự ${meta.start}–${meta.end}`);
    console.log(`    ${passage.pageContent.replace(/\n/g, ' ')}\n`);
  });
  return 0;
});
