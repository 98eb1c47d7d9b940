import { parsePublicationStamp } from '../text/dates.js';

/**
 * Line layout of a captured page: web pages put one paragraph on a line, but text taken from
 * a PDF or a printed official document wraps sentences over lines of about one width
 * ("… đã ban hành Chương trình hành động số\n34/CTr-UBND ngày 28/01/2018 …"), and breaks its
 * header into short lines ("Số: 167/KH-UBND", "Hà Nội, ngày 24 tháng 8 năm 2018", "KẾ HOẠCH",
 * the subject in capitals over two or three lines). Sentences and titles must be whole again
 * before anything else reads them.
 */


const ENDS_LIKE_SENTENCE = /[.!?…;:]["”’)\]]*$/u;
const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
/** A line that ends on a word no sentence or heading ends with ("… báo cáo trước ngày"): it goes on on the next line. */
const DANGLING = /(?<![\p{L}])(?:ngày|của|và|các|về|với|trước|sau|theo|cho|tại|trong|là|những|đã|được|để|từ|đến|tới|hoặc|hay|như|do|bởi|khi|nếu|mà|thì|cùng|nhằm|gồm)$/iu;

/** A table's row, cells between pipes ("1 | Xây dựng Đề án … | Sở Công Thương | Quý II/2025"); not a "date | time | views" stamp. */
export function isTableRow(line: string): boolean {
  return (line.match(/\s\|\s/g)?.length ?? 0) >= 2 && parsePublicationStamp(line.replace(/\s+\|\s+/g, ' ')) === null;
}

/** A line that starts a new block: a numbered or lettered heading, a list item. */
const BLOCK_START = /^(?:[IVX]+\.|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[-–•+*])\s/u;

/**
 * Wrapped text: many lines stop mid-sentence and go on in lower case on the next line (most
 * Vietnamese words are lower case, so most wraps look like that). A news page's headline
 * lists stop without a full stop too, but the next headline starts with a capital.
 */
export function isWrapped(lines: string[]): boolean {
  const continued = lines.filter((line, i) => line.length >= 30 && !ENDS_LIKE_SENTENCE.test(line) && /^[\p{Ll}]/u.test(lines[i + 1] ?? '')).length;
  return continued >= 4 && continued >= lines.filter((line) => line.length >= 30).length * 0.25;
}

/** Page furniture that starts with a capital: what follows a paragraph without being part of it. */
const NOT_A_CONTINUATION = /^(?:Tin|Xem|Đọc|Bài|Có thể|Nên xem|Ảnh|Video|Clip|Từ khóa|Tags?|Chia sẻ|Bình luận|Nguồn)(?![\p{L}])/u;

/**
 * A long paragraph that stops on a lower-case word ("… Phó Chủ tịch UBND tỉnh truyền đạt nội
 * dung" / "Nghị quyết số 68-NQ/TW, …") was broken by a copy, not ended: captions and
 * headlines that stop without a full stop are short, the first line is the headline, and a
 * line under a heading in capitals is a title.
 */
function cutAfterWord(previous: string, line: string, joined: string[]): boolean {
  // Under a heading in capitals ("KẾ HOẠCH" / its subject), a line is a title, whole without a full stop.
  const above = joined.at(-2);
  return joined.length > 1 && above !== undefined && !ALL_CAPS.test(above) && previous.length >= 150 && /(?<![\p{L}])\p{Ll}+$/u.test(previous) && /^\p{Lu}/u.test(line) && !BLOCK_START.test(line) && !NOT_A_CONTINUATION.test(line);
}

/**
 * Joins lines broken inside a sentence. A line continues on the next when it does not end like
 * a sentence and the next starts in lower case ("… trong tỉnh,\nnhiệm kỳ tới …"); in wrapped
 * text also when the next starts with a capital or a digit, unless one of them is a heading
 * in capitals or the next starts a new block.
 */
export function joinBrokenLines(lines: string[], wrapped: boolean): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    const continues =
      previous !== undefined &&
      line !== '' &&
      previous !== '' &&
      !ENDS_LIKE_SENTENCE.test(previous) &&
      parsePublicationStamp(line) === null &&
      !isTableRow(previous) &&
      !isTableRow(line) &&
      (/^[\p{Ll}]/u.test(line) ||
        (DANGLING.test(previous) && !BLOCK_START.test(line)) ||
        cutAfterWord(previous, line, joined) ||
        (wrapped && previous.length >= 40 && !ALL_CAPS.test(previous) && !ALL_CAPS.test(line) && !BLOCK_START.test(line)));
    if (continues) joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
  return joined;
}

const KIND_LINE = /^(?:KẾ HOẠCH|NGHỊ QUYẾT|KẾT LUẬN|CHỈ THỊ|QUYẾT ĐỊNH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG| CÔNG TÁC)?|THÔNG BÁO|HƯỚNG DẪN|BÁO CÁO|TỜ TRÌNH|ĐỀ ÁN|QUY ĐỊNH|QUY CHẾ|CÔNG VĂN)$/u;
const NUMBER_LINE = /^Số\s*:?\s*\d{1,5}[-/][\p{L}\d/.-]+$/u;
const PLACE_DATE_LINE = /^[\p{Lu}][\p{L} .]{1,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\.?$/u;

function isSubjectLine(line: string | undefined): boolean {
  return line !== undefined && line.length <= 400 && /^\p{Lu}/u.test(line) && !/[.:;]$/u.test(line) && !/^(?:[IVX]+|\d+)[.)]\s/u.test(line);
}

export interface OfficialHeader {
  /** "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT …": the kind and the subject in capitals, as one line. */
  title: string | null;
}

/**
 * An official document's header made readable: the kind line and the subject lines in capitals
 * under it become one title line, and the number line and the place-and-date line one line
 * ("Số: 167/KH-UBND, Hà Nội, ngày 24 tháng 8 năm 2018"), so the document's number and date
 * are read together. Other pages pass unchanged.
 */
export function joinOfficialHeader(lines: string[]): { lines: string[]; header: OfficialHeader } {
  const top = Math.min(lines.length, 20);
  const out = [...lines];
  const kindAt = out.slice(0, top).findIndex((line) => KIND_LINE.test(line.replace(/\s+/g, ' ').trim()));
  let title: string | null = null;
  if (kindAt >= 0) {
    let end = kindAt + 1;
    while (end < out.length && ALL_CAPS.test(out[end]!) && out[end]!.length > 1) end++;
    // The subject may be set in sentence case ("Triển khai thực hiện Nghị quyết số …"): one line
    // under the kind that is not a sentence of the body (those end with ":" or ".").
    if (end === kindAt + 1 && isSubjectLine(out[end])) end++;
    title = out.slice(kindAt, end).join(' ').replace(/\s+/g, ' ');
    out.splice(kindAt, end - kindAt, title);
  }
  const numberAt = out.slice(0, top).findIndex((line) => NUMBER_LINE.test(line));
  const dateAt = out.slice(0, top).findIndex((line) => PLACE_DATE_LINE.test(line));
  if (numberAt >= 0 && dateAt > numberAt && dateAt - numberAt <= 4) {
    out[numberAt] = `${out[numberAt]}, ${out[dateAt]}`;
    out.splice(dateAt, 1);
  }
  return { lines: joinSignatureBlock(out), header: { title } };
}

/** "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "TL. BỘ TRƯỞNG": who signs, on whose behalf. */
const SIGNING_LINE = /^(?:KT|TM|T\/M|TL|TUQ|Q)\.?\s*\p{Lu}[^\p{Ll}]*$/u;
const SIGNED_MARK = /^\(?\s*(?:đã ký|ký|ký tên|ký, đóng dấu|đã ký và đóng dấu)\s*\)?$/iu;
const NAME_LINE = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u;

/**
 * An official document's signature at its foot, printed over lines ("KT. CHỦ TỊCH" / "PHÓ CHỦ
 * TỊCH" / "(Đã ký)" / "Trương Quốc Bảo"), as one line: the signer's titles and name read together.
 */
function joinSignatureBlock(lines: string[]): string[] {
  const out = [...lines];
  for (let i = out.length - 1; i >= 0; i--) {
    if (!SIGNING_LINE.test(out[i]!)) continue;
    let end = i + 1;
    while (end < out.length && end - i <= 4 && (ALL_CAPS.test(out[end]!) || SIGNED_MARK.test(out[end]!)) && !SIGNING_LINE.test(out[end]!)) end++;
    if (end >= out.length || !NAME_LINE.test(out[end]!)) continue;
    const titles = out.slice(i, end).filter((line) => !SIGNED_MARK.test(line));
    out.splice(i, end + 1 - i, `${titles.join(', ')} ${out[end]}`);
  }
  return out;
}
