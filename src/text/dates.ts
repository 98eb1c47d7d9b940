/** Calendar dates as ISO strings (`2023-01-12`), validated, never invented. */

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_MONTH_YEAR = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;
const TIME = /(?<!\d)\d{1,2}:\d{2}(?!\d)/;

/**
 * A page's publication stamp, as news sites print it next to the headline:
 * `12/01/2023 | 08:26 | Lượt xem: 9`, `14:48 | 09/06/2021`, `Thứ Hai, 12/1/2023 08:26 (GMT+7)`.
 * Returns null for a line that is not such a stamp.
 */
export function parsePublicationStamp(line: string): string | null {
  if (line.length > 90) return null;
  const date = line.match(DAY_MONTH_YEAR);
  if (!date || !TIME.test(line)) return null;
  // The rest of the line may only be separators, weekdays, time zones and counters.
  const rest = line
    .replace(DAY_MONTH_YEAR, ' ')
    .replace(TIME, ' ')
    .replace(/lượt xem:?\s*\d+/iu, ' ')
    .replace(/\(?GMT\s*[+-]\s*\d+\)?/i, ' ')
    .replace(/thứ\s+(hai|ba|tư|năm|sáu|bảy)|chủ nhật|cập nhật|ngày đăng|đăng lúc|lúc/giu, ' ')
    .replace(/[|,:\-–—()\s]+/g, '');
  if (rest.length > 0) return null;
  return isoDate(Number(date[3]), Number(date[2]), Number(date[1]));
}

/** ISO date from a machine-readable timestamp (`2023-01-12T08:26:00+07:00`), as found in HTML meta tags. */
export function parseIsoTimestamp(value: string | null | undefined): string | null {
  const match = value?.trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** A date typed by a person: ISO `2020-12-01` or Vietnamese `1/12/2020`, `01-12-2020`. */
export function parseUserDate(value: string): string | null {
  const iso = value.trim().match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vn = value.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  return vn ? isoDate(Number(vn[3]), Number(vn[2]), Number(vn[1])) : null;
}

/** `2020-12-10` → `10/12/2020`, the way Vietnamese readers write dates. */
export function formatVietnameseDate(iso: string | null): string {
  if (!iso) return 'không rõ';
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}/${month}/${year}`;
}
