import { ensureBundledArticles } from '../app.js';
import { runCommand } from './main.js';

const USAGE = `Cách dùng:
  npm run articles -- list               danh sách bài viết (mã, ngày, số đoạn, nguồn)
  npm run articles -- delete <mã|nguồn>  xóa một bài (theo mã) hoặc một nguồn của bài`;

await runCommand(async (app, [command, ...rest]) => {
  if (command === 'list' || command === undefined) {
    await ensureBundledArticles(app);
    const list = app.store.articles.listArticles();
    if (list.length === 0) console.log('Kho chưa có bài viết nào.');
    for (const article of list) {
      console.log(`${article.id}  ${article.publishedDate ?? 'không rõ ngày'}  ${article.chunkCount} đoạn  ${article.title}`);
      for (const source of article.sources) console.log(`    nguồn: ${source}`);
    }
    return 0;
  }
  if (command === 'delete' && rest.length > 0) {
    for (const target of rest) {
      const result = app.ingest.deleteArticle(target);
      console.log(result.articleDeleted ? `Đã xóa bài ${result.articleId}.` : `Đã xóa nguồn ${target} (bài ${result.articleId} vẫn còn nguồn khác).`);
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
});
