import { foldedWordsOf, wordsOf } from './normalize.js';

/**
 * What tells one meeting, term or document from another, as folded tokens: numbers (leading
 * zeros dropped: "02" → "2"), Roman numerals that count a term or congress ("khóa XVII",
 * "Đại hội XIII", "lần thứ I") and ordinals in words ("lần thứ bảy" → "7", "thứ nhất" → "1"),
 * so that "Hội nghị lần thứ 7" and "Hội nghị lần thứ bảy" name the same meeting.
 */
const UNITS: Record<string, number> = { mot: 1, nhat: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;
/** Words after which a Roman numeral counts something ("khóa XVII", "Đại hội XIII", "lần thứ I", "nhiệm kỳ XX"). */
const ROMAN_LEAD = new Set(['khoa', 'hoi', 'thu', 'ky', 'lan']);

/** "bảy" → 7, "mười một" → 11, "hai mươi" → 20 (folded words from `at`); null when no number word starts there. */
function numberWords(words: string[], at: number): { value: number; length: number } | null {
  const first = words[at];
  if (first === 'muoi') {
    const unit = UNITS[words[at + 1] ?? ''];
    return unit ? { value: 10 + unit, length: 2 } : { value: 10, length: 1 };
  }
  const unit = first ? UNITS[first] : undefined;
  if (unit === undefined) return null;
  if (words[at + 1] === 'muoi') {
    const ones = UNITS[words[at + 2] ?? ''] ?? (words[at + 2] === 'mot' ? 1 : 0);
    return ones ? { value: unit * 10 + ones, length: 3 } : { value: unit * 10, length: 2 };
  }
  return { value: unit, length: 1 };
}

/**
 * The identifiers that number a meeting, term or congress ("lần thứ 7", "lần thứ bảy", "khóa
 * XVII", "Đại hội XIII", "lần thứ I"): a question naming one is about that one only.
 */
export function meetingNumbers(text: string): string[] {
  const words = foldedWordsOf(text);
  const written = wordsOf(text.normalize('NFC').toLowerCase());
  const marked = written.length === words.length && /[\u00C0-\u1EF9]/u.test(text);
  const ids: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // Folded, "phòng thủ năm 2023" reads as "thứ năm": with its marks a text says which it is.
    const lead = marked && words[i - 1] === 'thu' && written[i - 1] !== 'thứ' ? '' : (words[i - 1] ?? '');
    // "Hội nghị Trung ương 4", "Nghị quyết Trung ương 10": the plenum's number.
    const plenum = lead === 'uong' && words[i - 2] === 'trung';
    if (!ROMAN_LEAD.has(lead) && lead !== 'khoa' && !plenum) continue;
    if (/^\d+$/.test(word) && (lead === 'thu' || lead === 'khoa' || plenum)) ids.push(String(Number(word)));
    else if (word.length > 0 && ROMAN.test(word)) ids.push(word);
    else if (lead === 'thu' && !/^\d{4}$/.test(words[i + 1] ?? '')) {
      // "thứ năm 2023" is a year after all; "lần thứ năm" is the fifth.
      const ordinal = numberWords(words, i);
      if (ordinal) ids.push(String(ordinal.value));
    }
  }
  return ids;
}

export function identifierTokens(text: string): string[] {
  const words = foldedWordsOf(text);
  const ids: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (/^\d+$/.test(word)) ids.push(String(Number(word)));
    else if (ROMAN.test(word) && word.length > 0 && (word.length >= 3 || ROMAN_LEAD.has(words[i - 1] ?? ''))) ids.push(word);
    else if (words[i - 1] === 'thu') {
      const ordinal = numberWords(words, i);
      if (ordinal) {
        ids.push(String(ordinal.value));
        i += ordinal.length - 1;
      }
    }
  }
  return ids;
}
