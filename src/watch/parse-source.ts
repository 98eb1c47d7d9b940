import { extractFromXml } from '@extractus/feed-extractor';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../errors.js';

export interface SourceItem {
  url: string;
  title: string | null;
  summary: string | null;
  published: string | null;
}

export interface ParsedSource {
  kind: 'rss' | 'atom' | 'rdf' | 'sitemap' | 'sitemapindex';
  title: string | null;
  /** Items with http(s) links, in the source's order. */
  items: SourceItem[];
  /** A sitemap index: the sitemaps it lists, newest first. */
  sitemaps: string[];
  /** Links that were not http(s) (javascript:, mailto:, ftp: …) or not URLs at all: never followed. */
  ignoredLinks: number;
}

const xml = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, processEntities: true, htmlEntities: false });

/**
 * Reads an RSS, Atom or RDF feed (with @extractus/feed-extractor) or a sitemap / sitemap index
 * (with fast-xml-parser). An HTML page or malformed XML is refused with a line naming the URL.
 * Nothing in a feed is ever more than data: its links are only candidates to download.
 */
export function parseSource(text: string, url: string): ParsedSource {
  const head = text.slice(0, 2000).replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<!doctype html|<html)/i.test(head) || (/<html[\s>]/i.test(head) && !/<(?:rss|feed|urlset|sitemapindex|rdf:RDF)[\s>]/i.test(head))) {
    throw new AppError('WATCH_NOT_FEED', `${url}: đây là trang HTML, không phải nguồn tin RSS/Atom hay sitemap`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new AppError('WATCH_XML_INVALID', `${url}: XML hỏng (dòng ${valid.err.line}: ${valid.err.msg})`);
  }
  const root = rootElement(head);
  if (root === 'urlset' || root === 'sitemapindex') return parseSitemap(text, url, root);
  if (root !== 'rss' && root !== 'feed' && root !== 'RDF') {
    throw new AppError('WATCH_NOT_FEED', `${url}: không phải nguồn tin RSS/Atom hay sitemap (phần tử gốc <${root ?? '?'}>)`);
  }
  const feed = extractFromXml(text, { baseUrl: url, descriptionMaxLen: 0, useISODateFormat: true });
  let ignoredLinks = 0;
  const items: SourceItem[] = [];
  for (const entry of feed.entries ?? []) {
    const link = httpUrl(entry.link, url);
    if (!link) {
      ignoredLinks++;
      continue;
    }
    items.push({ url: link, title: textOrNull(entry.title), summary: textOrNull(entry.description), published: textOrNull(entry.published) });
  }
  return { kind: root === 'feed' ? 'atom' : root === 'RDF' ? 'rdf' : 'rss', title: textOrNull(feed.title), items, sitemaps: [], ignoredLinks };
}

function parseSitemap(text: string, url: string, root: 'urlset' | 'sitemapindex'): ParsedSource {
  const parsed = xml.parse(text) as Record<string, Record<string, unknown> | undefined>;
  const entries = asArray((parsed[root] ?? {})[root === 'urlset' ? 'url' : 'sitemap']) as Array<Record<string, unknown>>;
  let ignoredLinks = 0;
  const links: Array<{ url: string; entry: Record<string, unknown> }> = [];
  for (const entry of entries) {
    const link = httpUrl(entry?.loc, url);
    if (link) links.push({ url: link, entry });
    else ignoredLinks++;
  }
  if (root === 'sitemapindex') return { kind: 'sitemapindex', title: null, items: [], sitemaps: newestFirst(links).map((l) => l.url), ignoredLinks };
  const items = links.map(({ url: link, entry }) => {
    const news = entry.news as Record<string, unknown> | undefined;
    return { url: link, title: textOrNull(news?.title), summary: null, published: textOrNull(news?.publication_date ?? entry.lastmod) };
  });
  return { kind: 'sitemap', title: null, items, sitemaps: [], ignoredLinks };
}

/** Sitemaps by their `lastmod`, newest first; without dates, the last listed first (indexes grow at the end). */
function newestFirst<T extends { entry: Record<string, unknown> }>(links: T[]): T[] {
  const dated = links.map((link, i) => ({ link, i, at: Date.parse(textOrNull(link.entry.lastmod) ?? '') }));
  return dated.sort((a, b) => (Number.isNaN(a.at) || Number.isNaN(b.at) ? b.i - a.i : b.at - a.at || b.i - a.i)).map((d) => d.link);
}

function rootElement(head: string): string | null {
  const withoutProlog = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '').trimStart();
  const name = withoutProlog.match(/^<([\w:.-]+)/)?.[1];
  return name ? name.replace(/^[\w.-]+:/, '') : null;
}

/** An absolute http(s) link, or null for anything else ("javascript:…", "mailto:…", garbage). */
function httpUrl(value: unknown, base: string): string | null {
  const text = textOrNull(value);
  if (!text) return null;
  try {
    const link = new URL(text, base);
    if (link.protocol !== 'http:' && link.protocol !== 'https:') return null;
    link.hash = '';
    return link.href;
  } catch {
    return null;
  }
}

function textOrNull(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text || null;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
