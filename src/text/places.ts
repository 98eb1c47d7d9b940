import { foldForMatch } from './normalize.js';

/**
 * Places as Vietnamese texts name them: an administrative unit and its name ("tỉnh Khánh
 * Hòa", "quận Hai Bà Trưng", "Quận 1", "phường Nha Trang"), a province or city by name, and
 * a venue after "tại" ("tại Hội trường Tỉnh ủy", "tại phòng họp Diên Hồng, Nhà Quốc hội").
 */
export interface PlaceSpan {
  kind: 'unit' | 'province' | 'venue';
  text: string;
  start: number;
  end: number;
}

/** Provinces and centrally governed cities, with their marks (before and after the 2025 mergers). */
export const PROVINCE_NAMES: readonly string[] = [
  'hà nội', 'hải phòng', 'đà nẵng', 'cần thơ', 'hồ chí minh', 'hà giang', 'cao bằng', 'bắc kạn', 'tuyên quang', 'lào cai',
  'điện biên', 'lai châu', 'sơn la', 'yên bái', 'hòa bình', 'thái nguyên', 'lạng sơn', 'quảng ninh', 'bắc giang', 'phú thọ',
  'vĩnh phúc', 'bắc ninh', 'hải dương', 'hưng yên', 'thái bình', 'hà nam', 'nam định', 'ninh bình', 'thanh hóa', 'nghệ an',
  'hà tĩnh', 'quảng bình', 'quảng trị', 'thừa thiên huế', 'huế', 'quảng nam', 'quảng ngãi', 'bình định', 'phú yên',
  'khánh hòa', 'ninh thuận', 'bình thuận', 'kon tum', 'gia lai', 'đắk lắk', 'đắk nông', 'lâm đồng', 'bình phước',
  'tây ninh', 'bình dương', 'đồng nai', 'bà rịa vũng tàu', 'vũng tàu', 'long an', 'tiền giang', 'bến tre', 'trà vinh',
  'vĩnh long', 'đồng tháp', 'an giang', 'kiên giang', 'hậu giang', 'sóc trăng', 'bạc liêu', 'cà mau',
];

/** The same, folded, for matching text typed without marks. */
export const PROVINCES: readonly string[] = PROVINCE_NAMES.map(foldForMatch);

/** The provinces and cities a text names (folded), whole words only. */
export function provincesIn(text: string): string[] {
  const words = ` ${foldForMatch(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return PROVINCES.filter((place) => words.includes(` ${place} `));
}

const UNIT = String.raw`(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|thị xã|Thị xã|thị trấn|Thị trấn|huyện|Huyện|quận|Quận|xã|Xã|phường|Phường)`;
const NAME_WORD = String.raw`(?:[\p{Lu}][\p{Ll}]*|\d{1,2})`;
const UNIT_NAME = new RegExp(String.raw`(?<![\p{L}])${UNIT}\s+(${NAME_WORD}(?:\s+[\p{Lu}][\p{Ll}]*){0,3})(?![\p{L}])`, 'gu');
/** "tại Hội trường Tỉnh ủy", "tại phòng họp Diên Hồng, Nhà Quốc hội": up to the end of the clause, a capitalised word inside. */
const VENUE = /(?<![\p{L}])(?:tại|ở)\s+((?:[\p{L}\d.]+(?:\s+|,\s+(?=[\p{Lu}]))){0,9}?[\p{L}\d.]+)(?=\s*(?:[.;:()]|,\s*(?![\p{Lu}])|\s+(?:với|về|vào|để|do|và|đã|sẽ|có|nhằm|từ|trong|khi)\s|$))/gu;
/** "5 huyện: Đông Anh, Gia Lâm, Thanh Trì": units listed by name after a colon. */
const UNIT_LIST = new RegExp(String.raw`(?<![\p{L}])(?:\d+\s+)?${UNIT}\s*:\s*((?:[\p{Lu}][\p{Ll}]*(?:\s+[\p{Lu}][\p{Ll}]*){0,3})(?:\s*(?:,|và)\s*[\p{Lu}][\p{Ll}]*(?:\s+[\p{Lu}][\p{Ll}]*){0,3})+)`, 'gu');
const CAPITAL_WORDS = /(?:[\p{Lu}][\p{Ll}]+)(?:\s+[\p{Lu}][\p{Ll}]+)+/gu;

/** Every place a text names, in text order. */
export function findPlaces(text: string): PlaceSpan[] {
  const found: PlaceSpan[] = [];
  for (const match of text.matchAll(UNIT_NAME)) {
    found.push({ kind: 'unit', text: match[0], start: match.index!, end: match.index! + match[0].length });
  }
  for (const match of text.matchAll(UNIT_LIST)) {
    found.push({ kind: 'unit', text: match[0], start: match.index!, end: match.index! + match[0].length });
  }
  for (const match of text.matchAll(CAPITAL_WORDS)) {
    const folded = foldForMatch(match[0]);
    for (const province of PROVINCES) {
      const at = ` ${folded} `.indexOf(` ${province} `);
      if (at < 0) continue;
      const start = match.index! + at;
      found.push({ kind: 'province', text: text.slice(start, start + province.length), start, end: start + province.length });
    }
  }
  for (const match of text.matchAll(VENUE)) {
    if (!/[\p{Lu}]/u.test(match[1]!)) continue;
    const start = match.index! + match[0].indexOf(match[1]!);
    found.push({ kind: 'venue', text: match[1]!, start, end: start + match[1]!.length });
  }
  return found.sort((a, b) => a.start - b.start);
}
