import { isoDate, parseIsoTimestamp, parsePublicationStamp } from '../text/dates.js';
import { isTableRow, isWrapped, joinBrokenLines, joinOfficialHeader } from './line-layout.js';
import { normalizeText } from '../text/normalize.js';
import { sentencesOf } from '../text/sentences.js';

export interface CleanArticle {
  title: string;
  /** ISO date printed on the page, or null when the page does not say. */
  publishedDate: string | null;
  /** The article: NFC, one paragraph a line, boilerplate removed. Chunk offsets point into it. */
  text: string;
}

// A line like these starts the page's tail (related articles, polls): everything from it on goes.
const TAIL_MARKERS = [
  /^có thể bạn quan tâm\b/iu,
  /^(bạn )?nên xem\b/iu,
  /^(các )?tin (khác|liên quan|cùng chuyên mục|mới( nhất)?|đọc nhiều|nổi bật)\b/iu,
  /^bài (viết )?liên quan\b/iu,
  /^(xem|đọc) thêm\b/iu,
  /^bình chọn\b/iu,
  /^ý kiến bạn đọc\b/iu,
  /^gửi bình luận\b/iu,
];

// Whole lines that are page furniture, never article text.
const FURNITURE = [
  /^phiên bản di động$/iu,
  /^bản quyền thuộc\b/iu,
  /^©/u,
  /^(?:(?:chia sẻ|share|in bài(?: viết)?|print|facebook|twitter|zalo|email|quay lại|trở về|về đầu trang|top|sao chép liên kết|copy link)\s*[:|,/]?\s*)+$/iu,
  /^theo dõi .{0,60} trên( google news)?$/iu,
  /^(rate this post|leave a reply|xem với cỡ chữ|đánh giá tác giả|leftcenterrightdel|ảnh minh họa|quang cảnh (hội nghị|cuộc họp))$/iu,
  /^(?!.*\d{1,2}[/.-]\d{1,2}[/.-]\d{4})[^\p{L}]*$/u, // "• :", "|", "-------", "1": no letters, and no date stamp either
  /^\d{1,4}\s+[\p{Lu}][\p{Ll}]*(?:\s+[\p{Lu}][\p{Ll}]*){0,2}$/u, // "0 Thanh Niên": a counter beside the outlet's name
  /^(từ khóa|tags?):/iu,
  /^lượt xem:?\s*\d+$/iu,
];

// A headline in a list of other articles: "Chỉ đạo - Điều hành 06/02/2025 22:02".
const LISTED_HEADLINE_STAMP = /^.{0,80}?\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2}$/u;

const ENDS_LIKE_SENTENCE = /[.!?…;:]["”’)\]]*$/u;

/**
 * Long enough to be body text, yet not punctuated like a sentence: concatenated related
 * headlines. A photo caption ("… Ảnh: Hữu Hiệp") is not one, nor the first line (a long
 * headline), nor the last, which is often a paragraph the page (or the excerpt) cut off
 * mid-sentence.
 */
function isHeadlineRun(line: string, isEdge: boolean): boolean {
  // A headline ends with a name, a number or a quote; a sentence cut off ends with any word ("… trước ngày").
  const endsLikeHeadline = /(?:[\p{Lu}][\p{L}]*|\d[\d/-]*|[”"])\s*$/u.test(line);
  return !isEdge && line.length >= 140 && !ENDS_LIKE_SENTENCE.test(line) && endsLikeHeadline && !/(?<![\p{L}])Ảnh\s*:/u.test(line);
}

/** " date 2026-02-25 Sáng 25/2, …": a capture's metadata prefix; the date is the page's. */
const METADATA_DATE_PREFIX = /^date\s+(\d{4}-\d{2}-\d{2})\s+/iu;

/** "Bình chọn Bình chọn", "Thông tin hoạt động X Thông tin hoạt động X": a navigation label printed twice. */
function isDoubledLabel(line: string): boolean {
  return /^(.{3,90}?)\s+\1$/u.test(line);
}

function stripMarkup(line: string): string {
  const unmarked = line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // markdown images, including the empty `![]()`
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // markdown links keep their text
    .replace(/^#{1,6}\s+/, '') // markdown headings
    .replace(/^\s*[|]+|[|]+\s*$/g, ' '); // table pipes at either end
  // Between cells the pipes stay in a table's row (its task, body and time are read apart), and go elsewhere.
  return (isTableRow(unmarked) ? unmarked : unmarked.replace(/\s+\|\s+/g, ' ')).replace(/[ \t]+/g, ' ').trim();
}

function titleFrom(lines: string[], stampIndex: number): { title: string; titleIndex: number } {
  // A stamp first: the headline is the line under it.
  const next = lines[1] ?? '';
  if (stampIndex === 0 && next.length <= 200 && !ENDS_LIKE_SENTENCE.test(next)) return { title: next, titleIndex: 1 };
  // The headline stands right above the publication stamp, when there is one near the top.
  if (stampIndex > 0 && stampIndex <= 5) {
    for (let i = stampIndex - 1; i >= 0; i--) {
      const line = lines[i] ?? '';
      if (line && !isDoubledLabel(line)) return { title: line, titleIndex: i };
    }
  }
  const first = lines[0] ?? '';
  if (first.length <= 160 && !ENDS_LIKE_SENTENCE.test(first)) return { title: first, titleIndex: 0 };
  // No headline line (the page starts with the lead): use its first sentence, shortened.
  const sentence = sentencesOf(first)[0] ?? first;
  if (sentence.length <= 140) return { title: sentence.replace(/[.;:]$/, ''), titleIndex: -1 };
  const cut = sentence.slice(0, 140);
  return { title: `${cut.slice(0, cut.lastIndexOf(' '))}…`, titleIndex: -1 };
}

/** A paragraph of the article, not a headline: long, and punctuated like a sentence (or cut off at the page's end). */
function isBodyParagraph(line: string, isLast: boolean): boolean {
  return line.length >= 100 && (ENDS_LIKE_SENTENCE.test(line) || isLast) && !LISTED_HEADLINE_STAMP.test(line);
}

/** How many lines after a related-articles marker may be its headlines before the article resumes. */
const RELATED_BOX_LINES = 6;

/**
 * Without the lists of other articles: a marker ("Tin liên quan", "Xem thêm") and its
 * headlines go. Where the article goes on under them (a box inside the body) it is kept;
 * where only headlines follow, the page's tail starts there and everything from it goes.
 */
function withoutRelatedLists(lines: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i <= 2 || !TAIL_MARKERS.some((marker) => marker.test(line))) {
      kept.push(line);
      continue;
    }
    const window = lines.slice(i + 1, i + 1 + RELATED_BOX_LINES);
    const resumes = window.findIndex((next, k) => isBodyParagraph(next, i + 1 + k === lines.length - 1));
    if (resumes < 0) break;
    i += resumes; // the loop's i++ lands on the paragraph that resumes the article
  }
  return kept;
}

/** An official document's date, from its "Số: …, Hà Nội, ngày 24 tháng 8 năm 2018" line. */
function officialDate(lines: string[]): string | null {
  const line = lines.slice(0, 20).find((l) => /^Số\s*:?\s*\d/u.test(l));
  const date = line?.match(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u);
  return date ? isoDate(Number(date[3]), Number(date[2]), Number(date[1])) : null;
}

/**
 * Turns a scraped Vietnamese news page (plain text, one block a line) into the article:
 * drops navigation, related-article lists, polls, counters, captions markup and copyright
 * lines; finds the real headline and the printed publication date.
 */
export function cleanArticle(raw: string, hints: { title?: string | null; publishedDate?: string | null } = {}): CleanArticle {
  const rawLines = normalizeText(raw)
    .split('\n')
    .map(stripMarkup)
    .filter((line) => line && !FURNITURE.some((pattern) => pattern.test(line)));
  const original = new Set(rawLines);
  const official = joinOfficialHeader(joinBrokenLines(rawLines, isWrapped(rawLines)));
  const lines = official.lines;
  let metadataDate: string | null = null;
  const prefixed = lines[0]?.match(METADATA_DATE_PREFIX);
  if (prefixed) {
    metadataDate = parseIsoTimestamp(prefixed[1]);
    lines[0] = lines[0]!.slice(prefixed[0].length);
  }

  const body = withoutRelatedLists(lines);
  const stampIndex = body.slice(0, 8).findIndex((line) => parsePublicationStamp(line) !== null);
  const stampDate = stampIndex >= 0 ? parsePublicationStamp(body[stampIndex]!) : null;
  const officialAt = official.header.title ? body.indexOf(official.header.title) : -1;
  // An official document's header lines above its title (issuer, number, date) are its own, not a section label.
  const found = officialAt >= 0 ? { title: official.header.title!, titleIndex: officialAt, keepAbove: true } : { ...titleFrom(body, stampIndex), keepAbove: false };
  const title = hints.title?.trim() ? normalizeText(hints.title) : found.title;

  const kept: string[] = [];
  const seen = new Set<string>();
  body.forEach((line, i) => {
    if (i === stampIndex) return;
    if (i < found.titleIndex && !found.keepAbove) return; // section labels above the headline
    if (i === found.titleIndex) {
      kept.push(line);
      return;
    }
    if (line === title || line === found.title) return; // the headline printed again mid-page
    if (isDoubledLabel(line)) return;
    if (line.length >= 40 && seen.has(line)) return; // a paragraph or caption printed twice
    seen.add(line);
    // Only a line as the page printed it: lines joined from a sentence broken over several are text.
    if (original.has(line) && isHeadlineRun(line, i === 0 || i === body.length - 1)) return;
    if (LISTED_HEADLINE_STAMP.test(line)) {
      const previous = kept.at(-1);
      if (previous !== undefined && !ENDS_LIKE_SENTENCE.test(previous)) kept.pop();
      return;
    }
    kept.push(line);
  });
  if (found.titleIndex < 0 && hints.title) kept.unshift(title);

  return {
    title: title || (kept[0] ?? ''),
    publishedDate: hints.publishedDate ?? stampDate ?? metadataDate ?? officialDate(kept),
    text: kept.join('\n'),
  };
}
