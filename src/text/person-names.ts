import { foldForMatch } from './normalize.js';

/** Vietnamese family names (folded); a personal name starts with one. */
const SURNAMES = new Set(
  (
    'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh doan luong mai truong cao ta ha lam chu ' +
    'phung to la thai kieu quach tu vuong hua luu trieu tang van giang khuat lai nong thach tong thieu ton kim au bach cu dam ' +
    'diep doan han hau khong khuc lac lieu lo lu ma mac nghiem quan sam son tan thang tieu trac tri ung vi yen chau ninh bien'
  ).split(' '),
);

/** Places whose names look like personal names ("Hà Nội", "Lâm Đồng"): never part of a person's name. */
const PLACES = [
  'ha noi', 'hai phong', 'da nang', 'can tho', 'ho chi minh', 'ha giang', 'cao bang', 'bac kan', 'tuyen quang', 'lao cai',
  'dien bien', 'lai chau', 'son la', 'yen bai', 'hoa binh', 'thai nguyen', 'lang son', 'quang ninh', 'bac giang', 'phu tho',
  'vinh phuc', 'bac ninh', 'hai duong', 'hung yen', 'thai binh', 'ha nam', 'nam dinh', 'ninh binh', 'thanh hoa', 'nghe an',
  'ha tinh', 'quang binh', 'quang tri', 'thua thien hue', 'hue', 'quang nam', 'quang ngai', 'binh dinh', 'phu yen',
  'khanh hoa', 'ninh thuan', 'binh thuan', 'kon tum', 'gia lai', 'dak lak', 'dak nong', 'lam dong', 'binh phuoc',
  'tay ninh', 'binh duong', 'dong nai', 'ba ria vung tau', 'vung tau', 'long an', 'tien giang', 'ben tre', 'tra vinh',
  'vinh long', 'dong thap', 'an giang', 'kien giang', 'hau giang', 'soc trang', 'bac lieu', 'ca mau', 'viet nam', 'trung uong',
  'thu do', 'hoan kiem', 'ba dinh', 'dong da', 'tay ho', 'cau giay', 'thanh xuan', 'hoang mai', 'long bien', 'ha dong',
];

/**
 * Family names that are almost never middle names, spelled with their marks (Trần, not Trân).
 * One inside a run ("xã Tân Lập Nguyễn Văn B") marks where the person's name really starts.
 */
const NEVER_MIDDLE = new Set(['nguyễn', 'trần', 'phạm', 'đặng', 'bùi', 'đỗ', 'ngô', 'huỳnh']);

const CAPITALISED = /^[\p{Lu}][\p{Ll}]*$/u;

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
export function nameAtEnd(text: string): NameMatch | null {
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
  const inPlace = placeWords(folded);
  for (let size = Math.min(5, run.length); size >= 2; size--) {
    const from = run.length - size;
    if (!SURNAMES.has(folded[from]!)) continue;
    if (folded.slice(from).some((_, i) => inPlace.has(from + i))) continue;
    if (run.slice(from + 1).some((word) => NEVER_MIDDLE.has(word[0].toLowerCase()))) continue;
    return { name: run.slice(from).map((word) => word[0]).join(' '), start: run[from]!.index! };
  }
  return null;
}

/** Indexes of the words that belong to a place name ("Quảng Ninh" in "Quảng Ninh Cao Tường Huy"). */
function placeWords(folded: string[]): Set<number> {
  const covered = new Set<number>();
  for (const place of PLACES) {
    const parts = place.split(' ');
    for (let i = 0; i + parts.length <= folded.length; i++) {
      if (parts.every((part, j) => folded[i + j] === part)) parts.forEach((_, j) => covered.add(i + j));
    }
  }
  return covered;
}

/** The personal name that starts `text` ("Nguyễn Văn A, Giám đốc Sở …"), same rules. */
export function nameAtStart(text: string): NameMatch | null {
  const match = text.match(/^\s*((?:[\p{Lu}][\p{Ll}]*\s+){1,4}[\p{Lu}][\p{Ll}]*)(?![\p{L}])/u);
  if (!match) return null;
  const words = match[1]!.trim().split(/\s+/);
  for (let size = Math.min(5, words.length); size >= 2; size--) {
    const found = nameAtEnd(words.slice(0, size).join(' '));
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
