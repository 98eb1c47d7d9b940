import { foldForMatch } from './normalize.js';
import { nameAtStart, personNamesIn } from './person-names.js';

/**
 * Titles written next to a name: "Ủy viên Bộ Chính trị, Bí thư Thành ủy Đinh Tiến Dũng",
 * "Nguyễn Khắc Hà, Phó Bí thư Tỉnh ủy trình bày …", "GS, TS. Tạ Ngọc Tấn, Phó Chủ tịch
 * Thường trực Hội đồng Lý luận Trung ương". A title starts with a head word and goes on over
 * the words of the body it belongs to, never over a verb.
 */
export const TITLE_HEADS = [
  'Ủy viên', 'Uỷ viên', 'Phó', 'Bí thư', 'Chủ tịch', 'Trưởng', 'Giám đốc', 'Chánh', 'Tổng', 'Thứ trưởng', 'Bộ trưởng', 'Chủ nhiệm',
  'Thành ủy viên', 'Tỉnh ủy viên', 'Đại biểu', 'Viện trưởng', 'Vụ trưởng', 'Cục trưởng', 'Hiệu trưởng', 'Thủ trưởng', 'Thủ tướng',
  'Thượng tướng', 'Trung tướng', 'Thiếu tướng', 'Đại tướng', 'Đại tá', 'Thượng tá', 'Trung tá', 'Người phát ngôn', 'Quyền',
  'Chính ủy', 'Chính trị viên', 'Tư lệnh', 'Chuyên viên', 'GS', 'PGS', 'TS', 'ThS', 'Nguyên', 'Trưởng đoàn', 'Chỉ huy trưởng',
];
/** Heads that make a title only with what follows them ("Tổng Bí thư", "Quyền Chủ tịch", "Nguyên Bộ trưởng"), folded. */
const PREFIX_HEADS = new Set(['tong', 'quyen', 'nguyen', 'pho', 'chanh', 'truong']);
const HEAD = new RegExp(`^(?:${TITLE_HEADS.join('|')})(?![\\p{L}])`, 'u');

/** Lower-case words that belong to a title ("Ủy viên Ban Thường vụ", "Chủ tịch UBND thành phố", "Bí thư Đảng ủy khối"). */
const INNER = new Set('viên ban thường vụ trực chấp hành tổ chức tuyên giáo kiểm tra dân vận nội chính thành phố tỉnh huyện quận xã phường thị khối các cơ quan và nhân dân đảng bộ ủy uỷ cán sự đoàn đại biểu quốc hội chính phủ trung ương quân sự lý luận tịch thư trưởng giám đốc thủ tướng chủ nhiệm'.split(' '));

/** Lower-case words that follow a title without belonging to it: verbs and function words. */
const AFTER_TITLE = new Set('có đã sẽ và là được của với về tại trong cho trình báo chủ quán truyền phát phổ thông ký thay cho nhấn khẳng dự tham đề yêu nêu chỉ tiếp giải kết khai bế điều'.split(' '));

/**
 * Where a title ends: at punctuation, or at the first word that is neither capitalised, nor
 * one of a title's inner words, nor the lower-case second syllable of a capitalised word
 * ("Chính trị", "Chính phủ"): a verb ("trình bày", "có buổi làm việc").
 */
function titleEnd(text: string): number {
  let end = 0;
  let previous = '';
  for (const word of text.matchAll(/[\p{L}\d.]+/gu)) {
    const w = word[0];
    if (end > 0 && !/^\s+$/u.test(text.slice(end, word.index!))) break;
    const secondSyllable = /^[\p{Lu}][\p{Ll}]+$/u.test(previous) && /^[\p{Ll}]+$/u.test(w) && !AFTER_TITLE.has(w);
    if (end > 0 && !/^[\p{Lu}\d]/u.test(w) && !INNER.has(w.toLowerCase()) && !secondSyllable) break;
    end = word.index! + w.length;
    previous = secondSyllable ? '' : w;
  }
  return end;
}

/** The title chain before a name ending at `nameStart`, parts joined by ", " ("" when none). */
export function titlesBefore(text: string, nameStart: number): string {
  // A list's introduction ("… có các đồng chí: ") and the previous person (";") end the chain.
  const before = text.slice(0, nameStart).replace(/\s+$/u, '').split(/[;:]/u).at(-1)!;
  const parts = before.split(/\s*,\s*|\s+[-–]\s+/u);
  const titles: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!.replace(/^.*?(?<![\p{L}])(?:đồng chí|ông|bà|Đồng chí|Ông|Bà)\s+/u, '');
    const words = part.split(/\s+/);
    const at = words.findIndex((_, j) => HEAD.test(words.slice(j).join(' ')));
    if (at < 0) break;
    const title = words.slice(at).join(' ');
    if (titleEnd(title) < title.length) break; // a verb inside: not a title
    if (personNamesIn(title).length > 0) break; // another person's titles and name ("…: Phó Thủ tướng Trần Hồng Hà, …")
    titles.unshift(title);
    if (at > 0 || part !== parts[i]) break; // the chain started inside this part
  }
  return titles.join(', ');
}

/** The title chain after a name ending at `nameEnd` (", Phó Bí thư Tỉnh ủy trình bày …" → "Phó Bí thư Tỉnh ủy"). */
export function titlesAfter(text: string, nameEnd: number): string {
  const after = text.slice(nameEnd).match(/^\s*(?:,|[-–])\s*([^;:]*)/u)?.[1] ?? '';
  const titles: string[] = [];
  let rest = after;
  while (HEAD.test(rest)) {
    const end = titleEnd(rest);
    titles.push(rest.slice(0, end).replace(/[\s,.-]+$/u, ''));
    const next = rest.slice(end).match(/^\s*(?:,|[-–])\s*/u);
    if (!next) break;
    rest = rest.slice(end + next[0].length);
  }
  return titles.join(', ');
}

/**
 * Title phrases a question asks about, folded: "Bí thư Thành ủy Hà Nội dự … là ai?" →
 * ["bi thu thanh uy"]. A title followed by a name ("Thủ tướng Phạm Minh Chính") describes a
 * person the question names, it does not ask for one.
 */
export function titlePhrasesIn(text: string): string[] {
  const phrases: string[] = [];
  const normalized = text.normalize('NFC');
  const heads = new RegExp(`(?<![\\p{L}])(?:${TITLE_HEADS.filter((h) => h.length > 3).join('|')})(?:\\s+[\\p{L}]+){0,2}`, 'giu');
  for (const match of normalized.matchAll(heads)) {
    const end = match.index! + titleEnd(normalized.slice(match.index!));
    if (nameAtStart(normalized.slice(end)) || personNamesIn(match[0]).length > 0) continue;
    const phrase = foldForMatch(normalized.slice(match.index!, end)).split(' ').slice(0, 4).join(' ');
    // "Tổng", "Quyền", "Nguyên" alone are no title: "tổng kết", "quyền lợi", "nguyên nhân".
    if (PREFIX_HEADS.has(phrase)) continue;
    phrases.push(phrase);
  }
  return phrases;
}

/** "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH <name>", "T/M BAN THƯỜNG VỤ …": the signature at an official document's foot, which signs that document only. */
export function isSignatureLine(text: string): boolean {
  return /^(?:KT|TM|T\/M|TL|TUQ|Q)\.?\s*\p{Lu}{2}/u.test(text);
}
