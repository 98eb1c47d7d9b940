import { nameAtEnd, nameAtStart, personNamesIn } from '../text/person-names.js';
import { titlesAfter } from '../text/titles.js';
import { foldForMatch } from '../text/normalize.js';

/**
 * People as news reports write them: a chain of titles and a name, in either order
 * ("Phó Bí thư Tỉnh ủy Lê Văn A", "Lê Văn A, Phó Bí thư Tỉnh ủy", "Lê Văn A - Phó Bí thư …"),
 * often after "đồng chí"/"ông"/"bà", and in lists of several people separated by ";".
 */
export interface Person {
  name: string;
  titles: string[];
  /** Offset in the text given where this person's entry starts (titles included). */
  start: number;
}

/** Words a title starts with, capitalised before a name ("các đại biểu" is not a title). */
const TITLE_WORDS =
  String.raw`(?:[Nn]guyên\s+)?(?:Ủy viên|Uỷ viên|Phó|Bí thư|Chủ tịch|Trưởng|Giám đốc|Chánh|Tổng|Thứ trưởng|Bộ trưởng|Chủ nhiệm|Thành ủy viên|Thành uỷ viên|Tỉnh ủy viên|Tỉnh uỷ viên|Quận ủy viên|Huyện ủy viên|Đại biểu|Viện trưởng|Hiệu trưởng|Thủ trưởng|Thủ tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|Người phát ngôn|Quyền|Chính ủy|Chính uỷ|Chính trị viên|Tư lệnh|Vụ trưởng|Cục trưởng|Chuyên viên|Chánh án|Kiểm sát trưởng|Đại sứ|Trợ lý|Thư ký|Báo cáo viên)(?![\p{L}])`;
const TITLE_HEAD = new RegExp(`^${TITLE_WORDS}`, 'u');
/** After a name and a comma, a title may be written in lower case ("Đại tá X, chính trị viên Ban Chỉ huy …"). */
const TITLE_HEAD_ANY_CASE = new RegExp(`^${TITLE_WORDS}`, 'iu');
/** " - " inside a chain separates two titles ("Ủy viên Ban Thường vụ - Trưởng Ban Tuyên giáo"), not "Vụ Công chức - Viên chức". */
const TITLE_DASH = new RegExp(String.raw`\s+[-–]\s+(?=${TITLE_WORDS})`, 'iu');

/**
 * After a first title, a part may name the body the office belongs to: "Vụ trưởng Vụ Công chức,
 * Bộ Nội vụ", "Bí thư, Chủ tịch HĐQT NHPT".
 */
const BODY_HEAD = /^(?:Thường trực|Bộ|Ban|Sở|Ủy ban|Uỷ ban|UBND|HĐND|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ|Văn phòng|Học viện|Trường|Viện|Cục|Vụ|Hội đồng|Mặt trận|Công an|Quân khu|Bộ Chỉ huy|Ban Chỉ huy|Tổng cục|Ngân hàng|Tập đoàn|Tổng công ty|Đại học)(?![\p{L}])/u;

/** Academic and honorific prefixes that are not part of the name: "GS, TS.", "PGS.TS", "đồng chí", "ông". */
const HONORIFIC = /(?:(?<![\p{L}])(?:[Đđ]ồng\s*chí|[Ôô]ng|[Bb]à)|(?:GS|PGS|TS|ThS|BS|KS|NGND|NGƯT|NSND|NSƯT)[\s,.]*)\s*$/u;

/**
 * A verb ends a title chain: in "Phó Chủ tịch tỉnh trình bày …" the title stops before "trình bày".
 * Lower case only: bodies are capitalised ("Sở Thông tin và Truyền thông").
 */
const VERB_IN_TITLE =
  /(?<![\p{L}])(?:trình bày|báo cáo(?! viên)|phát biểu|chủ trì|quán triệt|truyền đạt|phổ biến|tiếp thu|giải trình|cho biết|nhấn mạnh|khẳng định|thông tin|nêu)(?![\p{L}])/u;

export const isTitle = (part: string) => TITLE_HEAD.test(part.trim()) && !VERB_IN_TITLE.test(part);
/** The text opens with a title, whatever follows ("Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy X có bài phát biểu …"). */
export const startsWithTitle = (text: string) => TITLE_HEAD.test(text.trim());
const isTitleAfterName = (part: string) => TITLE_HEAD_ANY_CASE.test(part.trim()) && !VERB_IN_TITLE.test(part);

/** The parts of a title chain, each a title or the body of the title before it ("Bộ Nội vụ"); null when `text` is not a chain. */
export function titleChain(text: string): string[] | null {
  const parts = text
    .split(/\s*[,;]\s*/u)
    .flatMap((part) => part.split(TITLE_DASH))
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return [];
  if (!isTitleAfterName(parts[0]!)) return null;
  return parts.every((part) => isTitleAfterName(part) || (BODY_HEAD.test(part) && !VERB_IN_TITLE.test(part))) ? parts : null;
}

/** Titles at the end of a text (what stands right before a name): "Sáng 6/12, Phó Chủ tịch UBND TP" → ["Phó Chủ tịch UBND TP"]. */
function trailingTitles(text: string): { titles: string[]; start: number } | null {
  const parts = [...text.matchAll(/[^,;:]+/gu)];
  const titles: string[] = [];
  let start = text.length;
  for (const part of parts.reverse()) {
    const trimmed = part[0].trim();
    if (!trimmed) continue;
    // "… đồng chí Bí thư Tỉnh ủy": the title starts at its head word.
    const words = [...trimmed.matchAll(/\S+/gu)];
    const at = words.findIndex((_, i) => isTitle(trimmed.slice(words[i]!.index!)));
    if (at < 0) break;
    titles.unshift(trimmed.slice(words[at]!.index!));
    start = part.index! + part[0].indexOf(trimmed) + words[at]!.index!;
    if (at > 0) break; // words before the head word end the chain
  }
  return titles.length ? { titles, start } : null;
}

/** What may stand right before a name: nothing, a clause boundary, an honorific or a title. */
function opensName(before: string): boolean {
  return /(?:^|[,;:(]|\d+h\d*\s*:?)\s*$/u.test(before) || HONORIFIC.test(before) || trailingTitles(before) !== null;
}

/**
 * The person an entry ends with, where the entry is the text right before an act: "Sáng 29-9,
 * đồng chí Nguyễn Xuân Phúc, Ủy viên Bộ Chính trị, Thủ tướng Chính phủ", "Chủ tịch UBND
 * thành phố Trần Sỹ Thanh", "ông Vũ Đức Nam - Trưởng Ban Tuyên giáo". Null if it does not end with one.
 */
export function personAtEnd(entry: string): Person | null {
  const text = entry.replace(/[\s,]+$/u, '');
  // "TITLES NAME" (or "đồng chí NAME"): the name ends the entry.
  const last = nameAtEnd(text, { anySurname: true });
  if (last && opensName(text.slice(0, last.start))) {
    const before = text.slice(0, last.start);
    const titles = trailingTitles(before.replace(HONORIFIC, ''));
    return { name: last.name, titles: titles?.titles ?? [], start: titles?.start ?? honorificStart(before) ?? last.start };
  }
  // "NAME, TITLES" / "NAME - TITLES": a name followed only by a title chain. Left to right, so
  // "Đại tá Tôn Thất Quỳnh Ái, chính trị viên …" keeps the whole name, not "Quỳnh Ái".
  const starts = [...text.matchAll(/(?<![\p{L}.])[\p{Lu}]/gu)].map((m) => m.index!);
  for (const at of starts) {
    const named = nameAtStart(text.slice(at), { anySurname: true });
    if (!named) continue;
    const after = text.slice(at + named.start + named.name.length);
    const separated = after.match(/^\s*[,\-–]\s*(.+)$/su);
    const titles = separated ? titleChain(separated[1]!) : null;
    if (!titles || titles.length === 0) continue;
    const before = text.slice(0, at + named.start);
    if (!opensName(before)) continue;
    // Titles on both sides: "Ủy viên Trung ương Đảng, Phó Bí thư Ngô Thị Thanh Hằng, Trưởng ban Biên tập …";
    // not across "đồng chí", which opens the entry ("Thay mặt Đoàn Chủ tịch, đồng chí X, …").
    const ahead = HONORIFIC.test(before) ? null : trailingTitles(before);
    return { name: named.name, titles: [...(ahead?.titles ?? []), ...titles], start: ahead?.start ?? honorificStart(before) ?? at + named.start };
  }
  return null;
}

function honorificStart(before: string): number | null {
  const match = before.match(HONORIFIC);
  return match ? match.index! + (match[0].length - match[0].trimStart().length) : null;
}

/** "Các đồng chí", "các ông": what opens a list of people. */
const LIST_INTRO = /^(?:[Cc]ác\s*)?(?:[Đđ]ồng\s*chí|[Ôô]ng|[Bb]à)?\s*:?\s*$/u;

/** An entry that is a person and nothing else (an item of a list): "Lê Thị Kim Dung, Phó Bí thư Thường trực Tỉnh ủy". */
export function wholePerson(entry: string): Person | null {
  const trimmed = entry.trim().replace(/[.]+$/u, '');
  const person = personAtEnd(trimmed);
  if (!person) return null;
  return LIST_INTRO.test(trimmed.slice(0, person.start)) ? person : null;
}

/**
 * The people right before an act: one person, or a list "A, titles; B, titles; C, titles" that
 * opens the clause (after "Các đồng chí:" or at the start of the sentence). `start` of the
 * first person says where the subject begins.
 */
export function subjectBefore(left: string): Person[] {
  const clauseStart = Math.max(left.lastIndexOf(':'), 0);
  const entries = [...left.slice(clauseStart).matchAll(/[^;]+/gu)].map((m) => ({ text: m[0], start: clauseStart + m.index! }));
  const last = entries.pop();
  if (!last) return [];
  // "A, titles và B, titles": the last entry starts after the "và" that opens a whole person.
  const joinedAt = [...last.text.matchAll(/\s+và\s+/gu)].map((m) => m.index! + m[0].length).find((at) => wholePerson(last.text.slice(at)) !== null);
  const lastText = joinedAt === undefined ? last.text.replace(/^:/u, '') : last.text.slice(joinedAt);
  const offset = last.start + (last.text.length - lastText.length);
  const person = personAtEnd(lastText);
  if (!person) return [];
  const people = [{ ...person, start: offset + person.start }];
  // "A, titles và B, titles (lần lượt) trình bày": people joined by "và" share the act.
  for (let before = left.slice(last.start, people[0]!.start); /\s+và\s+$/u.test(before); ) {
    const joined = personAtEnd(before.replace(/\s+và\s+$/u, ''));
    if (!joined) break;
    people.unshift({ ...joined, start: last.start + joined.start });
    before = before.slice(0, joined.start);
  }
  // Earlier entries count only as a whole list that opens its clause.
  const earlier: Person[] = [];
  for (const entry of entries.reverse()) {
    const text = entry.text.replace(/^:/u, '');
    const whole = wholePerson(text);
    if (!whole) break;
    earlier.unshift({ ...whole, start: entry.start + (entry.text.length - text.length) + whole.start });
  }
  if (earlier.length === 0) return people;
  const opening = left.slice(0, earlier[0]!.start);
  const opensList = clauseStart > 0 ? opening.length <= clauseStart + 2 : /^(?:[^,]{0,40},\s*)?(?:[Cc]ác\s+(?:đồng\s*chí\s*|ông\s*|bà\s*)?)?$/u.test(opening);
  return opensList ? [...earlier, ...people] : people;
}

/** Every person of a list after an act ("Chủ trì hội nghị có các đồng chí: A; B; C"), all entries or none. */
export function peopleInList(text: string): Person[] {
  const body = text.replace(/^\s*(?:(?:có|gồm|là|của)\s+)?(?:các\s+)?(?:đồng chí|ông|bà)?\s*:?\s*/iu, '');
  const offset = text.length - body.length;
  const entries = [...body.replace(/[.\s]+$/u, '').matchAll(/[^;]+/gu)];
  const people: Person[] = [];
  for (const [i, entry] of entries.entries()) {
    // The last entry may run on into the sentence: "… của đồng chí X, Bí thư Tỉnh ủy, hội nghị đã thảo luận …".
    const person = wholePerson(entry[0]) ?? (i === entries.length - 1 ? personBeforeClause(entry[0]) : null);
    if (!person) {
      // "…; cùng các đồng chí Phó Bí thư Tỉnh ủy": a group named by title closes the list of those named.
      if (people.length > 0 && /^\s*(?:cùng|và|với)(?![\p{L}])/u.test(entry[0])) break;
      return [];
    }
    people.push({ ...person, start: offset + entry.index! + person.start });
  }
  return people;
}

/** The person an entry opens with, the rest being the sentence going on after a comma. */
function personBeforeClause(entry: string): Person | null {
  const commas = [...entry.matchAll(/,/gu)].map((m) => m.index!).reverse();
  for (const at of commas) {
    const person = wholePerson(entry.slice(0, at));
    if (person) return person;
  }
  return null;
}

/** A person the article names with a title, and the sentence (by index) where it does. */
export interface NamedTitle {
  name: string;
  sentence: number;
}

/**
 * Who the article names with each title chain: "Tổng Bí thư Tô Lâm" makes a later bare
 * "Tổng Bí thư dự và phát biểu chỉ đạo" Tô Lâm. Titles held by two people stay ambiguous (null).
 */
export function namesByTitle(sentences: string[]): Map<string, NamedTitle | null> {
  const byTitle = new Map<string, NamedTitle | null>();
  const hold = (title: string, name: string, index: number) => {
    const key = foldForMatch(title);
    const known = byTitle.get(key);
    if (known === undefined) byTitle.set(key, { name, sentence: index });
    else if (known !== null && known.name !== name) byTitle.set(key, null);
  };
  sentences.forEach((sentence, index) => {
    for (const run of sentence.matchAll(/(?:[\p{Lu}][\p{Ll}]*\s+){1,4}[\p{Lu}][\p{Ll}]*/gu)) {
      const person = personAtEnd(sentence.slice(0, run.index! + run[0].length));
      if (person && person.titles.length > 0) hold(person.titles.at(-1)!, person.name, index);
    }
    // "đồng chí Phan Đình Khiêm, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, …": each title after the name.
    for (const name of personNamesIn(sentence)) {
      const end = sentence.indexOf(name) + name.length;
      for (const title of titlesAfter(sentence, end).split(/,\s*/u).filter(Boolean)) hold(title, name, index);
    }
  });
  return byTitle;
}
