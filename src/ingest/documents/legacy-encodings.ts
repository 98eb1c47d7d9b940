import iconv from 'iconv-lite';
import { AppError } from '../../errors.js';

/**
 * Text typed in the fonts of the legacy Vietnamese encodings — TCVN3 (ABC, ".VnTime") and VNI
 * ("VNI-Times") — extracts as mojibake ("KÕ ho¹ch", "Keá hoaïch"): each byte the font drew is
 * read as a Windows-1252 character. Such text is found by what converting it does (common
 * Vietnamese words appear where there were none) and converted to Unicode NFC; text that
 * looks legacy but converts to nothing readable is refused, never stored.
 */

/** Syllables in nearly every Vietnamese administrative text. */
const COMMON = new Set(
  'của và các được trong thực hiện những người năm ngày tháng theo với về để đã có này cho tỉnh nhân dân kế hoạch nghị quyết số phát triển công tác việc đồng chí ban hành chương trình đảng thành phố ủy'.split(' '),
);

function commonShare(text: string): number {
  const words = text.normalize('NFC').toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length === 0 ? 0 : words.filter((w) => COMMON.has(w)).length / words.length;
}

/**
 * Windows-1252 characters that the legacy encodings use for Vietnamese letters and that
 * Unicode Vietnamese never has (it does have à á â ã è é ê ì í ò ó ô õ ù ú ý).
 */
const LEGACY_SIGNS = /[\u0080-\u009f\u00a2-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2030\u2039\u203a\u2122]/gu;

/** The bytes a Windows-1252 text was read from (C1 controls stand for the bytes 1252 leaves undefined). */
function bytesOf(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x100) bytes.push(code);
    else {
      const encoded = iconv.encode(ch, 'windows-1252');
      bytes.push(encoded.length === 1 && encoded[0] !== 0x3f ? encoded[0]! : 0x3f);
    }
  }
  return Buffer.from(bytes);
}

/**
 * TCVN3 → Unicode. A line typed in capitals stays in capitals: a capitals font (.VnTimeH) draws
 * the lower-case codes of marked letters as capitals, so "NHIỆM VỤ" comes back "NHIỆM Vụ".
 */
export function fromTcvn3(text: string): string {
  return iconv
    .decode(bytesOf(text), 'tcvn')
    .split('\n')
    .map(capitalsKept)
    .join('\n')
    .normalize('NFC');
}

/** "MụC" and, beside a word in capitals, "Vụ": capitals typed in a capitals font. "Số: 87/KH-UBND" is not one. */
function capitalsKept(line: string): string {
  const tokens = line.split(' ');
  const caps = (token: string | undefined) => token !== undefined && !/\d/.test(token) && (token.match(/\p{L}/gu)?.length ?? 0) >= 2 && token === token.toUpperCase();
  const typedInCapitals = (token: string) => /^[^a-z]*$/.test(token) && /[A-Z]/.test(token) && /\p{Ll}/u.test(token);
  return tokens
    .map((token, i) =>
      typedInCapitals(token) && ((token.match(/[A-Z]/g)?.length ?? 0) >= 2 || caps(tokens[i - 1]) || caps(tokens[i + 1])) ? token.toUpperCase() : token,
    )
    .join(' ');
}

/** VNI: a base letter then a mark character ("aù" á, "oâ" ô, "aé" ắ); ơ, ư, đ and some i's and ỵ are one character. */
const VNI_MARKS: Record<string, string> = { ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323' };
const VNI_SHAPED: Record<string, [string, string]> = {
  // mark character → [the vowel's shape, its tone]
  â: ['\u0302', ''], á: ['\u0302', '\u0301'], à: ['\u0302', '\u0300'], å: ['\u0302', '\u0309'], ã: ['\u0302', '\u0303'], ä: ['\u0302', '\u0323'],
  ê: ['\u0306', ''], é: ['\u0306', '\u0301'], è: ['\u0306', '\u0300'], ú: ['\u0306', '\u0309'], ü: ['\u0306', '\u0303'], ë: ['\u0306', '\u0323'],
};
const VNI_SINGLE: Record<string, string> = { ô: 'ơ', ö: 'ư', ñ: 'đ', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ', Ô: 'Ơ', Ö: 'Ư', Ñ: 'Đ', Æ: 'Ỉ', Ó: 'Ĩ', Ò: 'Ị', Î: 'Ỵ' };

export function fromVni(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    const base = VNI_SINGLE[ch] ?? ch;
    const lowerNext = next?.toLowerCase();
    if (/[aeiouyơưAEIOUYƠƯ]/u.test(base) && lowerNext !== undefined) {
      const shaped = VNI_SHAPED[lowerNext];
      // Circumflex on a, e, o; breve on a only.
      if (shaped && ((shaped[0] === '\u0302' && /[aeoAEO]/.test(base)) || (shaped[0] === '\u0306' && /[aA]/.test(base)))) {
        out += base + shaped[0] + shaped[1];
        i++;
        continue;
      }
      const tone = VNI_MARKS[lowerNext];
      if (tone) {
        out += base + tone;
        i++;
        continue;
      }
    }
    out += base;
  }
  return out.normalize('NFC');
}

/**
 * The text in Unicode: as it is when it reads as Vietnamese already or has no legacy
 * characters, converted from TCVN3 or VNI when that makes it read as Vietnamese.
 */
export function toUnicode(text: string, name: string): string {
  const signs = text.match(LEGACY_SIGNS)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0 || signs / letters < 0.02) return text;
  const asIs = commonShare(text);
  const candidates = [fromTcvn3(text), fromVni(text)].map((converted) => ({ converted, share: commonShare(converted) }));
  const best = candidates.sort((a, b) => b.share - a.share)[0]!;
  if (best.share >= 0.05 && best.share > asIs * 2) return best.converted;
  if (asIs >= 0.05) return text;
  throw new AppError(
    'DOCUMENT_LEGACY_ENCODING',
    `${name}: văn bản dùng bảng mã tiếng Việt cũ không nhận ra được (không phải TCVN3 hay VNI); hãy chuyển sang Unicode rồi gửi lại`,
  );
}
