import { foldForMatch } from './normalize.js';

/**
 * News outlets: the marker a report opens with ("(HNMO) -", "SKĐS -", "TTO -", "(VOV) –",
 * "ANTĐ -", "(Quanlynhanuoc.vn) –", "BDK.VN -") and the outlet a question names ("theo báo
 * Lao Động", "bài trên Tuổi Trẻ", "according to Dân trí").
 */

/** An outlet marker, a one-word dateline ("Kinhtedothi - Sáng 26/5") or a live-blog label, at the start of a paragraph. */
const LEADING_MARKER = /^(?:\(\s*[\p{L}.\d&]{2,25}\s*\)\s*[-–—:]?\s*|[\p{Lu}Đ][\p{Lu}Đ&.]{1,9}(?:\.VN|\.vn)?\s*[-–—]\s*|(?:Trực tiếp|Video|Clip|Infographic|Ảnh|Photo)\s*[-–—]\s*|[\p{Lu}][\p{Ll}]+\s+-\s+(?=[\p{Lu}]))/u;

/** Length of an outlet marker at the start of a text ("(HNMO) - " → 9), 0 when there is none. */
export function outletMarkerLength(text: string): number {
  return text.match(LEADING_MARKER)?.[0].length ?? 0;
}

/** Folded letters only: "Sức khỏe & Đời sống" → "suckhoedoisong", "Dân trí" → "dantri". */
export function outletKey(name: string): string {
  return foldForMatch(name).replace(/[^a-z0-9]/g, '');
}

/** Initials of a multi-word name: "Sức khỏe & Đời sống" → "skds" (the marker "SKĐS"), "Hà Nội mới" → "hnm". */
function initials(name: string): string {
  return foldForMatch(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0])
    .join('');
}

/** The ways to recognise one outlet named in a question: its folded name, without "báo"/"trang", and its initials. */
export function outletKeys(name: string): string[] {
  const bare = name.replace(/^(?:(?:tờ\s+)?báo|trang(?:\s+tin)?|tạp chí|đài|cổng(?:\s+thông tin)?(?:\s+điện tử)?|kênh|newspaper|site|website)\s+/iu, '');
  const keys = [outletKey(name), outletKey(bare)];
  if (bare.split(/\s+/).length >= 2) keys.push(initials(bare));
  return [...new Set(keys.filter((key) => key.length >= 2))];
}

/**
 * True when an article is from the outlet: a key in its source (URL host or file name, by
 * whole token or token start) or in the marker its text opens with.
 */
export function fromOutlet(keys: string[], source: string, textStart: string): boolean {
  const tokens = foldForMatch(source)
    .replace(/^https?:\/\/(?:www\.|lite\.|m\.)?/, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const markerLength = outletMarkerLength(textStart);
  const marker = markerLength > 0 ? outletKey(textStart.slice(0, markerLength)).replace(/vn$/, '') : '';
  return keys.some((key) => tokens.some((token) => token === key || (key.length >= 4 && token.startsWith(key))) || (marker && (marker === key || (key.length >= 3 && marker.startsWith(key)))));
}

/** A name that starts with a capital and may go on in lower case ("Dân trí", "Sức khỏe & Đời sống"), up to punctuation or a date. */
const OUTLET_NAME = String.raw`([\p{Lu}][\p{L}.&]*(?:\s+(?:[\p{L}][\p{L}.&]*|&)){0,4}?)(?=\s*(?:[,;:)?]|$|\s(?:ngày|năm|đưa tin|cho biết|viết|đăng|reported|wrote|on)\b))`;
const MEDIUM = String.raw`(?:(?:tờ\s+)?báo|trang(?:\s+tin)?|tạp chí|đài|cổng thông tin)`;
const QUESTION_OUTLET = [
  new RegExp(String.raw`(?:^|[\s(,])(?:[Tt]heo|[Tt]rên|[Cc]ủa)\s+(?:bài\s+(?:trên|của|đăng trên)\s+)?${MEDIUM}\s+${OUTLET_NAME}`, 'u'),
  new RegExp(String.raw`(?:^|[\s(,])[Bb]ài\s+(?:báo\s+)?(?:trên|của|đăng trên)\s+${OUTLET_NAME}`, 'u'),
  new RegExp(String.raw`(?:^|[\s(,])(?:[Tt]heo\s+)?(?:tiêu đề\s+)?bài\s+${OUTLET_NAME}`, 'u'),
  new RegExp(String.raw`(?:^|[\s(,])[Tt]heo\s+${OUTLET_NAME}`, 'u'),
  new RegExp(String.raw`\b[Aa]ccording to\s+(?:the\s+)?${OUTLET_NAME}`, 'u'),
  /(?:^|\s)((?:[\p{Lu}][\p{L}.&]*)(?:\s+[\p{Lu}][\p{L}.&]*){0,3})\s+(?:reported|reports|wrote)\b/u,
  /\((\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*),\s*\d{4}\)/u,
];

/** Words that start a capitalised run without being an outlet ("Theo Kế hoạch", "theo Nghị quyết"). */
const NOT_OUTLET = /^(?:Kế hoạch|Nghị quyết|Chỉ thị|Chương trình|Quyết định|Kết luận|Thông báo|Hướng dẫn|Luật|Bộ|Ban|Sở|UBND|HĐND|Thành ủy|Tỉnh ủy|Đảng|Trung ương|Thủ tướng|Chủ tịch|Bí thư|Phó|Đồng chí|Ông|Bà|The|Resolution|Plan|Directive|Prime|Party|Politburo|Secretariat|Who|What|Which|When|How|Where)\b/u;

/** The outlet a question names, as matching keys; null when it names none. */
export function outletOfQuestion(question: string): string[] | null {
  for (const pattern of QUESTION_OUTLET) {
    const name = question.match(pattern)?.[1]?.trim();
    if (!name || NOT_OUTLET.test(name) || name.length < 2) continue;
    return outletKeys(name);
  }
  return null;
}
