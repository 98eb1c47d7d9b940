/** Calendar dates as ISO strings (`2023-01-12`), validated, never invented. */

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_MONTH_YEAR = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;
const WORDED_DATE = /(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,|năm)\s*(\d{4})(?!\d)/iu;
const TIME = /(?<!\d)\d{1,2}:\d{2}(?!\d)/;
const WEEKDAY = /(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)/iu;

/** What may surround the date on a stamp line: labels, weekdays, time zones, counters, separators. */
function stampRest(line: string): string {
  return line
    .replace(DAY_MONTH_YEAR, ' ')
    .replace(WORDED_DATE, ' ')
    .replace(TIME, ' ')
    .replace(/(?:lượt xem|view count|views?):?\s*\d+/giu, ' ')
    .replace(/\(?GMT\s*[+-]\s*\d+\)?/gi, ' ')
    .replace(new RegExp(WEEKDAY.source, 'giu'), ' ')
    .replace(/cập nhật|ngày đăng|đăng lúc|thời gian đăng|lúc|ngày|date|published/giu, ' ')
    .replace(/[|,:\-–—()\s]+/g, ' ')
    .trim();
}

/**
 * A page's publication stamp, as news sites print it next to the headline:
 * `12/01/2023 | 08:26 | Lượt xem: 9`, `14:48 | 09/06/2021`, `Thứ Hai, 12/1/2023 08:26 (GMT+7)`,
 * with a byline or section label around it (`Hà Vũ 17/08/2024 09:30`, `Thời sự - 06/03/2023 14:50`),
 * or a date alone under a label or weekday (`Ngày đăng: 10/04/2024`, `Chủ nhật, ngày 31 tháng 5 , 2020`).
 * Returns null for a line that is not such a stamp.
 */
export function parsePublicationStamp(line: string): string | null {
  if (line.length > 90) return null;
  const date = line.match(DAY_MONTH_YEAR) ?? line.match(WORDED_DATE);
  if (!date) return null;
  const rest = stampRest(line);
  const restWords = rest ? rest.split(/\s+/).length : 0;
  // Beside a date and time a short byline or section label may stand; a date alone only has labels and weekdays around it.
  if (restWords > (TIME.test(line) ? 6 : 0)) return null;
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
