import { AppError } from '../errors.js';
import { extractFacts } from '../facts/extract.js';
import type { ArticleFacts } from '../facts/types.js';
import { wordsOf } from '../text/normalize.js';
import { chunkText, type Chunk } from './chunk.js';
import { cleanArticle } from './clean.js';
import { bandKeys, contentHash, minhashSignature } from './fingerprint.js';
import { extractArticleFromHtml } from './html-to-text.js';
import type { LoadedDocument } from './sources.js';

/** An article ready to store: cleaned, fingerprinted and chunked (not yet embedded). */
export interface PreparedArticle {
  source: string;
  title: string;
  publishedDate: string | null;
  text: string;
  contentHash: string;
  signature: Uint32Array;
  bands: string[];
  chunks: Chunk[];
  facts: ArticleFacts;
}

/** Fewer words than this after cleaning is a page without an article (a menu, an error page). */
const MIN_ARTICLE_WORDS = 25;

export function prepareArticle(document: LoadedDocument): PreparedArticle {
  let raw = document.body;
  let hints: { title?: string | null; publishedDate?: string | null } = {};
  if (document.format === 'html') {
    const page = extractArticleFromHtml(document.body);
    if (!page) throw new AppError('INPUT_NO_ARTICLE', `${document.source}: trang không có nội dung bài viết`);
    raw = page.text;
    hints = { title: page.title, publishedDate: page.publishedDate };
  }
  const article = cleanArticle(raw, hints);
  if (wordsOf(article.text).length < MIN_ARTICLE_WORDS) {
    throw new AppError('INPUT_NO_ARTICLE', `${document.source}: không tìm thấy nội dung bài viết (quá ngắn sau khi làm sạch)`);
  }
  const signature = minhashSignature(article.text);
  return {
    source: document.source,
    title: article.title,
    publishedDate: article.publishedDate,
    text: article.text,
    contentHash: contentHash(article.text),
    signature,
    bands: bandKeys(signature),
    chunks: chunkText(article.text),
    facts: extractFacts(article),
  };
}
