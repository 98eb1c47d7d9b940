import { foldDiacritics, foldForMatch } from './normalize.js';

/** Document kinds by the abbreviation used in their symbols. */
export const KIND_BY_SYMBOL: Record<string, string> = {
  NQ: 'Nghị quyết',
  KH: 'Kế hoạch',
  CTR: 'Chương trình',
  QD: 'Quyết định',
  KL: 'Kết luận',
  CT: 'Chỉ thị',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  DA: 'Đề án',
  TTR: 'Tờ trình',
  QC: 'Quy chế',
  CV: 'Công văn',
};

/** Kind words as written before a number, longest first so "Chương trình hành động" wins over "Chương trình". */
export const KIND_WORDS = [
  'Chương trình hành động',
  'Chương trình công tác',
  'Chương trình',
  'Nghị quyết',
  'Kế hoạch',
  'Quy định',
  'Quyết định',
  'Kết luận',
  'Chỉ thị',
  'Văn bản',
  'Công văn',
  'Đề án',
  'Hướng dẫn',
  'Thông báo',
  'Thông tư',
  'Nghị định',
  'Luật',
  'Tờ trình',
  'Báo cáo',
  'Quy chế',
];

/** Short symbol of a kind word, for matching "Kế hoạch 04" with "04-KH/TU". */
const SYMBOL_BY_KIND: Record<string, string> = {
  'nghi quyet': 'NQ',
  'ke hoach': 'KH',
  'chuong trinh': 'CTR',
  'chuong trinh hanh dong': 'CTR',
  'chuong trinh cong tac': 'CTR',
  'quyet dinh': 'QD',
  'quy dinh': 'QD',
  'ket luan': 'KL',
  'chi thi': 'CT',
  'huong dan': 'HD',
  'thong bao': 'TB',
  'bao cao': 'BC',
  'de an': 'DA',
  'to trinh': 'TTR',
  'quy che': 'QC',
  nq: 'NQ',
  kh: 'KH',
  ctr: 'CTR',
  ctrhd: 'CTR',
  qd: 'QD',
  kl: 'KL',
  ct: 'CT',
  resolution: 'NQ',
  plan: 'KH',
  programme: 'CTR',
  program: 'CTR',
  conclusion: 'KL',
  directive: 'CT',
  regulation: 'QD',
  decision: 'QD',
};

/**
 * A number joined to a symbol by `-` or `/`: 28-NQ/TƯ, 04-KH/TU, 15-CTr/TU, 5418/UBND-TKBT,
 * 96/2023/QH15, 96-QĐ/TƯ, 120/KH-UBND. A symbol part has an upper-case letter, or is a known
 * abbreviation in any case (questions are typed as "28-nq/tw").
 */
export const DOCUMENT_NUMBER =
  /(?<![\p{L}\p{N}/-])(\d{1,5})((?:(?:[-/]|\s\/\s(?=\p{Lu}{2}))(?:\d{4}(?=[-/])|[\p{L}\d]*\p{Lu}[\p{L}\d]*|(?:nq|kh|ctr|ct|qđ|qd|kl|hd|tb|bc|đa|da|ttr|tw|tư|tu|ubnd|hđnd|hdnd|qh\d{0,2})(?![\p{L}])))+)(?![\p{L}\p{N}])/gu;

/**
 * The canonical form of a document number and symbol, so that every way of writing one
 * document meets: upper case, diacritics folded, TƯ → TW (Trung ương; TU stays Thành ủy),
 * leading zeros dropped from the number. `28-NQ/TƯ`, `28-nq/tw`, `28-NQ/TW` → `28-NQ/TW`.
 */
export function canonicalDocumentId(raw: string): string {
  // A reprint's "51-KH / BTGTU" is 51-KH/BTGTU.
  const match = raw.trim().replace(/\s*\/\s*/g, '/').match(/^0*(\d+)(.*)$/u);
  if (!match) return foldDiacritics(raw).toUpperCase();
  const symbol = match[2]!
    .split(/([-/])/)
    .map((part) => (part.normalize('NFC').toUpperCase() === 'TƯ' ? 'TW' : foldDiacritics(part).toUpperCase()))
    .join('');
  return `${match[1] || '0'}${symbol}`;
}

/** The first letters-only part of a symbol: `NQ` of 28-NQ/TW, `KH` of 120/KH-UBND, `UBND` of 5418/UBND-TKBT. */
/** The symbol of a kind word as folded ("ket luan" → "KL"), if it is one. */
export function symbolOfKind(foldedKind: string): string | undefined {
  return SYMBOL_BY_KIND[foldedKind];
}

export function symbolKind(canonicalId: string): string | undefined {
  return canonicalId
    .split(/[-/]/)
    .slice(1)
    .find((part) => /^[A-Z]+$/.test(part));
}

export function documentNumber(canonicalId: string): string {
  return canonicalId.match(/^\d+/)?.[0] ?? '';
}

export interface DocumentMention {
  /** As written: "Nghị quyết số 28-NQ/TƯ". */
  raw: string;
  /** Number and symbol as written: "28-NQ/TƯ". */
  label: string;
  canonicalId: string;
  kind: string | null;
  /** ISO issuing date when written right after the number ("ngày 17/11/2022"). */
  issuedDate: string | null;
  issuer: string | null;
  start: number;
  end: number;
}

const KIND_BEFORE = new RegExp(`(${KIND_WORDS.join('|')})(?:\\s+(?:số|so))?\\s*$`, 'iu');
/** "… ngày 17/11/2022", "… ngày 17 tháng 11 năm 2022", and an official header's "Số: 87/KH-UBND, Hà Nam, ngày 04 tháng 9 năm 2024". */
const ISSUED_AFTER = /^\s*(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4}\s*)?(?:,\s*)?ngày\s+(\d{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})/u;
const ISSUER_AFTER =
  /^\s*(?:,\s*)?(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*)?(?:của\s+)((?:Ban Chấp hành Trung ương(?: Đảng)?|Bộ Chính trị|Ban Bí thư|Quốc hội|Chính phủ|Thủ tướng Chính phủ|Ban Thường vụ (?:Thành|Tỉnh) ủy(?: [\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*)*)?|(?:Thành|Tỉnh) ủy(?: [\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*)*)?|(?:UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân)(?: (?:TP|tỉnh|thành phố))?(?: [\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*)*)?))/u;

function isoFromParts(day: string, month: string, year: string): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every numbered document a text mentions, with its kind, issuing date and issuer where written. */
export function findDocumentMentions(text: string): DocumentMention[] {
  const mentions: DocumentMention[] = [];
  for (const match of text.matchAll(DOCUMENT_NUMBER)) {
    const numberStart = match.index!;
    const numberEnd = numberStart + match[0].length;
    const before = text.slice(Math.max(0, numberStart - 40), numberStart);
    const kindMatch = before.match(KIND_BEFORE);
    const start = kindMatch ? numberStart - kindMatch[0].length : numberStart;
    const after = text.slice(numberEnd, numberEnd + 160);
    const issued = after.match(ISSUED_AFTER);
    const issuer = after.match(ISSUER_AFTER);
    const canonicalId = canonicalDocumentId(match[0]);
    const symbol = symbolKind(canonicalId);
    const kindWord = kindMatch?.[1] ? kindMatch[1][0]!.toUpperCase() + kindMatch[1].slice(1).toLowerCase() : null;
    mentions.push({
      raw: text.slice(start, numberEnd),
      label: match[0],
      canonicalId,
      kind: kindWord ?? (symbol ? KIND_BY_SYMBOL[symbol] ?? null : null),
      issuedDate: issued ? isoFromParts(issued[1]!, issued[2]!, issued[3]!) : null,
      issuer: issuer?.[1]?.trim() ?? null,
      start,
      end: numberEnd,
    });
  }
  return mentions;
}

/** What a question says about a document: a full id, or a kind and a number ("NQ 28", "kế hoạch 04"). */
export interface DocumentQuery {
  canonicalId?: string;
  /** Typed without diacritics: "tu" may be TƯ (Trung ương) as well as TU (Thành ủy). */
  unmarked?: boolean;
  symbol?: string;
  number: string;
}

const QUERY_KIND = new RegExp(
  `\\b(${Object.keys(SYMBOL_BY_KIND)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/ /g, '\\s+'))
    .join('|')})\\.?\\s*(?:(?:so|số|number|no\\.?)\\s*)?(\\d{1,5})\\b`,
  'giu',
);

/** Document references in a question, with or without diacritics, Vietnamese or English. */
export function parseDocumentQuery(question: string): DocumentQuery[] {
  const found = new Map<string, DocumentQuery>();
  const unmarked = !/[\u00C0-\u1EF9]/u.test(question.normalize('NFC'));
  for (const mention of findDocumentMentions(question)) {
    const ambiguous = unmarked && /\/TU(?=$|[-/])/.test(mention.canonicalId);
    found.set(mention.canonicalId, { canonicalId: mention.canonicalId, symbol: symbolKind(mention.canonicalId), number: documentNumber(mention.canonicalId), ...(ambiguous ? { unmarked: true } : {}) });
  }
  const folded = foldForMatch(question);
  for (const match of folded.matchAll(QUERY_KIND)) {
    const symbol = SYMBOL_BY_KIND[match[1]!.replace(/\s+/g, ' ')];
    const number = String(Number(match[2]));
    // "Nghị quyết số 66 và 68", "Nghị quyết 18, 19 và 20": the kind once, for each number.
    const more = folded.slice(match.index! + match[0].length).match(/^(?:\s*(?:,|va|and|&)\s*(?:so\s*)?\d{1,5}\b)+/)?.[0] ?? '';
    for (const number of [match[2]!, ...(more.match(/\d{1,5}/g) ?? [])].map((n) => String(Number(n)))) {
      const covered = [...found.values()].some((q) => q.number === number && (q.symbol === symbol || !q.symbol));
      if (!covered) found.set(`${symbol}:${number}`, { symbol, number });
    }
  }
  return [...found.values()];
}

/** True when a stored canonical id is what the query refers to. */
export function matchesDocumentQuery(canonicalId: string, query: DocumentQuery): boolean {
  if (query.canonicalId) {
    const asked = query.unmarked ? query.canonicalId.replace(/\/TU(?=$|[-/])/g, '/TW') : query.canonicalId;
    const stored = query.unmarked ? canonicalId.replace(/\/TU(?=$|[-/])/g, '/TW') : canonicalId;
    // "51-kh" typed in lower case stops where the known abbreviations do: it names 51-KH/BTGTU.
    return stored === asked || stored.startsWith(`${asked}/`) || stored.startsWith(`${asked}-`);
  }
  if (documentNumber(canonicalId) !== query.number) return false;
  return !query.symbol || symbolKind(canonicalId) === query.symbol;
}
