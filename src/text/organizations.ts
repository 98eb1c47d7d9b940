/**
 * Bodies as Vietnamese texts name them: a head word and the name that follows ("Ban Tuyên
 * giáo Thành ủy", "Sở Kế hoạch và Đầu tư", "Đảng ủy Khối các cơ quan Trung ương", "UBND TP",
 * "Đảng bộ phường Nha Trang", "Ban Chỉ huy quân sự Quận 1").
 */
export interface OrganizationSpan {
  text: string;
  start: number;
  end: number;
}

const HEAD =
  'Ban Thường vụ|Ban Chấp hành|Ban Bí thư|Ban cán sự|Ban Chỉ huy|Ban|Bộ Chính trị|Bộ Chỉ huy|Bộ|Sở|Cục|Tổng cục|Vụ|UBND|HĐND|UBMTTQ|Ủy ban|Uỷ ban|Văn phòng|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|Thị ủy|Thị uỷ|Đảng ủy|Đảng uỷ|Đảng bộ|Đảng đoàn|Chi bộ|Mặt trận|Hội đồng|Trung tâm|Học viện|Viện|Trường|Công an|Ngân hàng|Tập đoàn|Tổng công ty|Công ty|Liên đoàn|Đoàn|Quân khu|Bộ đội|Thường trực';
/** Lower-case words that stay inside a body's name ("Đảng ủy Khối các cơ quan Trung ương", "Đảng bộ phường Nha Trang"). */
const INNER = new Set('các cơ quan và nhân dân tỉnh thành phố huyện quận xã phường khối trực thuộc cơ sở quân sự'.split(' '));
/** Lower-case words that follow a name without belonging to it: verbs and function words ("Nha Trang để", "Sở Nội vụ chủ trì"). */
const AFTER_NAME = new Set(
  'để đã sẽ và là có được của với về tại trong cho tổ chủ ban giao đề yêu chỉ triển thực báo quán phối tham tiếp trình ký tổng nhấn khẳng biết dự vừa cũng đang luôn nhằm theo từ đến khi thì mà'.split(' '),
);
const HEAD_AT = new RegExp(String.raw`(?<![\p{L}])(?:${HEAD})(?![\p{L}])`, 'gu');
const TITLE_CASE = /^[\p{Lu}][\p{Ll}]+$/u;

/**
 * Every body a text names, in text order. After the head word the name goes on over
 * capitalised words, the lower-case second syllable of a capitalised word ("Kế hoạch",
 * "Tỉnh ủy") and a few inner words; a trailing "và"/"các" is not part of it.
 */
export function findOrganizations(text: string): OrganizationSpan[] {
  const found: OrganizationSpan[] = [];
  let covered = -1;
  for (const head of text.matchAll(HEAD_AT)) {
    if (head.index! < covered) continue;
    let end = head.index! + head[0].length;
    let previous = head[0].split(' ').at(-1)!;
    for (;;) {
      const next = text.slice(end).match(/^\s+([\p{L}\d]+)/u);
      if (!next) break;
      const word = next[1]!;
      const continues = /^[\p{Lu}\d]/u.test(word) || INNER.has(word) || (TITLE_CASE.test(previous) && /^[\p{Ll}]+$/u.test(word) && !AFTER_NAME.has(word));
      if (!continues) break;
      end += next[0].length;
      previous = /^[\p{Ll}]+$/u.test(word) && TITLE_CASE.test(previous) ? word.toUpperCase() : word; // one lower-case syllable per capitalised word
    }
    const name = text.slice(head.index!, end).replace(/(?:\s+(?:các|và|cơ|quan))+$/u, '');
    found.push({ text: name, start: head.index!, end: head.index! + name.length });
    covered = head.index! + name.length;
  }
  return found;
}
