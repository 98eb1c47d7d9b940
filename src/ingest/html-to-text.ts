import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseIsoTimestamp } from '../text/dates.js';

export interface ExtractedPage {
  title: string | null;
  publishedDate: string | null;
  /** Main text, one block (paragraph, heading, list item, caption) a line. */
  text: string;
}

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE',
  'FIGCAPTION', 'TR', 'TABLE', 'UL', 'OL', 'HEADER', 'FOOTER', 'DT', 'DD', 'FIGURE',
]);

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

/** Text of a DOM subtree with a line break around every block element. */
function blockText(node: DomNode): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeName === 'BR') return '\n';
  if (node.nodeName === 'SCRIPT' || node.nodeName === 'STYLE') return '';
  let out = '';
  for (const child of Array.from(node.childNodes)) out += blockText(child);
  return BLOCK_TAGS.has(node.nodeName) ? `\n${out}\n` : out;
}

function metaContent(document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null }, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute('content') ?? document.querySelector(selector)?.getAttribute('datetime');
    if (value) return value;
  }
  return null;
}

/**
 * The article inside an HTML page (Mozilla Readability over linkedom), its headline and
 * its publication date from the page's metadata. Returns null when the page has no article.
 */
export function extractArticleFromHtml(html: string): ExtractedPage | null {
  const { document } = parseHTML(html);
  const published = parseIsoTimestamp(
    metaContent(document as never, [
      'meta[property="article:published_time"]',
      'meta[name="pubdate"]',
      'meta[itemprop="datePublished"]',
      'meta[name="date"]',
      'time[datetime]',
    ]),
  );
  const reader = new Readability(document as never, { charThreshold: 200, keepClasses: false });
  const article = reader.parse();
  if (!article?.content) return null;
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const text = blockText(content.body as unknown as DomNode);
  // The page's own headline beats <title>, which usually carries the site name too.
  const headline =
    metaContent(document as never, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    document.querySelector('h1')?.textContent ??
    article.title;
  return { title: headline?.replace(/\s+/g, ' ').trim() || null, publishedDate: published, text };
}
