import { foldForMatch } from './normalize.js';
import { PROVINCE_NAMES } from './places.js';

/** Vietnamese family names (folded); a personal name starts with one. */
const SURNAMES = new Set(
  (
    'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh doan luong mai truong cao ta ha lam chu ' +
    'phung to la thai kieu quach tu vuong hua luu trieu tang van giang khuat lai nong thach tong thieu ton kim au bach cu dam ' +
    'diep doan han hau khong khuc lac lieu lo lu ma mac nghiem quan sam son tan thang tieu trac tri ung vi yen chau ninh bien dao giap mach ' +
    // Family names of the Tày, Nùng, Thái, H'Mông, Gia Rai, Ê Đê and Khmer peoples ("Sần Văn Lộc", "Rơ Mah Thuấn", "Ksor Phước").
    'san lau sung thao vang mua kha dieu danh ro siu ksor'
  ).split(' '),
);

/**
 * Places whose names look like personal names ("Hà Nội", "Lâm Đồng"): never part of a person's
 * name. Compared with their tone marks, so "Lâm Đông" (a person) is not "Lâm Đồng" (a province).
 */
const PLACES = [
  ...PROVINCE_NAMES,
  'việt nam', 'trung ương', 'thủ đô', 'hoàn kiếm', 'ba đình', 'đống đa', 'tây hồ', 'cầu giấy', 'thanh xuân', 'hoàng mai', 'long biên', 'hà đông',
].map((place) => place.split(' ').map(syllableKey));

/**
 * A syllable with its marks but not where they sit: "Hoá" and "Hóa" (old and new tone
 * placement) meet, "Đông" and "Đồng" do not.
 */
function syllableKey(word: string): string {
  const decomposed = word.toLowerCase().replace(/đ/g, 'd\u0335').normalize('NFD');
  const marks = [...decomposed.matchAll(/\p{M}/gu)].map((m) => m[0]).sort().join('');
  return `${decomposed.replace(/\p{M}/gu, '')}${marks}`;
}

/**
 * Family names that are almost never middle names, spelled with their marks (Trần, not Trân).
 * One inside a run ("xã Tân Lập Nguyễn Văn B") marks where the person's name really starts.
 */
const NEVER_MIDDLE = new Set(['nguyễn', 'trần', 'phạm', 'đặng', 'bùi', 'đỗ', 'ngô', 'huỳnh']);

const CAPITALISED = /^[\p{Lu}][\p{Ll}]*$/u;

/**
 * Capitalised words that start a body, an office, a place type or a sentence, never a
 * person's name: "Ban Tuyên giáo", "Tỉnh ủy", "Sở Nội vụ", "Hội nghị", "Sáng nay".
 */
const NEVER_FIRST = new Set(
  (
    'ban sở bộ ủy uỷ đảng tỉnh thành huyện quận xã phường thị hội viện trường cục vụ phòng chi mặt công nhà tòa ngân học bệnh ' +
    'trung tổng chủ phó bí giám trưởng thường đồng ông bà các những đại kỳ phiên lễ tiểu nghị kế chương quyết chỉ thông báo đề ' +
    'dự tờ luật sáng chiều tối trưa ngày tháng năm quý theo tại trong về với thay khai bế phát trình ký ảnh nguồn ' +
    'binh chính văn cổng trang tin bài đây đó này khi sau trước tiếp cùng tham tới ngoài'
  ).split(' '),
);

export interface NameOptions {
  /**
   * The text is a name position (after a title or "đồng chí", before ", <title>"): a run of 2–4
   * capitalised syllables is a name even when its family name is not a known one ("Chẩu Văn Lâm",
   * "Điểu K'Ré"), as long as it is not a place or a body.
   */
  anySurname?: boolean;
}

export interface NameMatch {
  name: string;
  /** Offset of the name's first character in the text given. */
  start: number;
}

/**
 * The personal name that ends `text` (the words right before a verb such as "trình bày"):
 * 2–5 capitalised syllables starting with a family name, not a place ("Hà Nội") nor a
 * title word. "Phó Chủ tịch UBND thành phố Hà Nội Nguyễn Mạnh Quyền" → "Nguyễn Mạnh Quyền".
 */
export function nameAtEnd(text: string, options: NameOptions = {}): NameMatch | null {
  const words = [...text.matchAll(/[\p{L}]+/gu)];
  // The run of capitalised words at the very end (nothing but spaces between them).
  let first = words.length;
  while (first > 0) {
    const word = words[first - 1]!;
    const next = words[first];
    const gap = next ? text.slice(word.index! + word[0].length, next.index!) : text.slice(word.index! + word[0].length);
    if (!CAPITALISED.test(word[0]) || !/^\s*$/.test(gap)) break;
    first--;
  }
  const run = words.slice(first);
  const folded = run.map((word) => foldForMatch(word[0]));
  const inPlace = placeWords(run.map((word) => syllableKey(word[0])));
  const at = (from: number): NameMatch => ({ name: run.slice(from).map((word) => word[0]).join(' '), start: run[from]!.index! });
  const written = run.map((word) => word[0]);
  for (let size = Math.min(5, run.length); size >= 2; size--) {
    const from = run.length - size;
    if (!SURNAMES.has(folded[from]!)) continue;
    // A place before the name ("tỉnh Lâm Đồng Trần Văn Hiệp") or the whole run being one; a place word inside ("Nguyễn Thanh Xuân Hùng") is fine.
    if (inPlace.has(from) || written.slice(from).every((_, i) => inPlace.has(from + i))) continue;
    if (written.slice(from + 1).some((word) => NEVER_MIDDLE.has(word.toLowerCase()))) continue;
    // "Lầu Văn Kim Hùng": "Kim" is a family name but here a middle one; in a name position the unknown family name before it belongs.
    if (options.anySurname && from > 0 && MIDDLE_SYLLABLES.has(written[from]!.toLowerCase())) {
      if (run.length <= 4 && isUnknownName(written, inPlace, 0)) return at(0);
      if (isUnknownName(written.slice(from - 1), inPlace, from - 1) && size < 4) return at(from - 1);
    }
    if (NEVER_FIRST.has(written[from]!.toLowerCase())) continue;
    return at(from);
  }
  if (options.anySurname && run.length >= 2 && run.length <= 4 && isUnknownName(written, inPlace, 0)) return at(0);
  return null;
}

/** Syllables that are family names but far more often middle names ("Nguyễn Văn A", "Lê Kim Hùng"). */
const MIDDLE_SYLLABLES = new Set(['văn', 'thị', 'kim', 'đình', 'hoàng', 'thanh', 'hồng', 'quang', 'minh', 'ngọc', 'xuân', 'thu', 'hà', 'mai', 'lâm', 'tô', 'sơn', 'tân']);

/** Words of bodies and offices that no personal name contains ("T.Ư Đảng", "Tỉnh ủy"). */
const NEVER_IN_NAME = new Set(['đảng', 'ủy', 'uỷ', 'tỉnh', 'huyện', 'quận', 'phường', 'sở', 'ban', 'cục', 'viện', 'bộ']);

/**
 * A run with an unknown family name is a name only if it does not start with a place nor a body
 * word, starts with a syllable of two letters or more, and holds no body word nor a strong family
 * name inside.
 */
function isUnknownName(words: string[], inPlace: Set<number>, offset: number): boolean {
  if (inPlace.has(offset) || NEVER_FIRST.has(words[0]!.toLowerCase()) || words[0]!.length < 2) return false;
  return !words.some((word, i) => NEVER_IN_NAME.has(word.toLowerCase()) || (i > 0 && NEVER_MIDDLE.has(word.toLowerCase())));
}

/** Indexes of the words that belong to a place name ("Quảng Ninh" in "Quảng Ninh Cao Tường Huy"). */
function placeWords(keys: string[]): Set<number> {
  const covered = new Set<number>();
  for (const parts of PLACES) {
    for (let i = 0; i + parts.length <= keys.length; i++) {
      if (parts.every((part, j) => keys[i + j] === part)) parts.forEach((_, j) => covered.add(i + j));
    }
  }
  return covered;
}

/** The personal name that starts `text` ("Nguyễn Văn A, Giám đốc Sở …"), same rules. */
export function nameAtStart(text: string, options: NameOptions = {}): NameMatch | null {
  const match = text.match(/^\s*((?:[\p{Lu}][\p{Ll}]*\s+){1,4}[\p{Lu}][\p{Ll}]*)(?![\p{L}])/u);
  if (!match) return null;
  const words = match[1]!.trim().split(/\s+/);
  for (let size = Math.min(5, words.length); size >= 2; size--) {
    const found = nameAtEnd(words.slice(0, size).join(' '), options);
    if (found && found.start === 0) return { name: found.name, start: match.index! + match[0].indexOf(words[0]!) };
  }
  return null;
}

/** Every personal name in a text (capitalised runs that pass `nameAtEnd`), for checking claims. */
export function personNamesIn(text: string): string[] {
  const names: string[] = [];
  for (const run of text.matchAll(/(?:[\p{Lu}][\p{Ll}]*\s+){1,5}[\p{Lu}][\p{Ll}]*/gu)) {
    const found = nameAtEnd(run[0]);
    if (found) names.push(found.name);
  }
  return names;
}
