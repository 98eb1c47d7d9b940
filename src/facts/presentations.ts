import { findDocumentMentions, symbolKind } from '../text/document-ids.js';
import type { Span } from '../text/sentences.js';
import { nameAtEnd, nameAtStart } from '../text/person-names.js';
import type { PresentationFact } from './types.js';

/** Acts of presenting a document; the optional "thay mặt …" says on whose behalf. */
const ACT =
  /(?:(?:đã|sẽ|vừa|cũng|lần lượt)\s+)*((?:thay mặt\s+[^,.;]{3,60}?\s+)?(?:trình bày tóm tắt|trình bày|báo cáo tóm tắt|báo cáo|tiếp thu,\s*giải trình|giải trình,\s*tiếp thu|tiếp thu và giải trình|tiếp thu|giải trình|quán triệt|công bố))(?=[\s,:.;]|$)/gu;

/** Leading words between the act and the document that are not the document. */
const OBJECT_LEAD =
  /^[\s:,]*(?:(?:các\s+)?(?:ý kiến\s+)?(?:các\s+)?(?:ý kiến\s+)?(?:góp ý\s+)?(?:(?:của\s+)?(?:các\s+)?đại biểu\s+)?(?:nêu\s+)?(?:về|vào|đối với)\s+|tóm tắt\s+|nội dung\s+)+/u;

const DOCUMENT_WORD = /(kế hoạch|chương trình|nghị quyết|dự thảo|đề án|báo cáo|quy định|quy chế|tờ trình|kết luận|chỉ thị|văn bản|đề cương|phương án|luật|nghị định|quyết định)/iu;

/** A title starts with one of these: "Ủy viên Ban Thường vụ Thành ủy", "Phó Chủ tịch UBND TP", "Giám đốc Sở …". */
const TITLE_HEAD =
  /^(?:Ủy viên|Uỷ viên|Phó|Bí thư|Chủ tịch|Trưởng|Giám đốc|Chánh|Tổng|Thứ trưởng|Bộ trưởng|Chủ nhiệm|Thành ủy viên|Tỉnh ủy viên|Đại biểu|Viện trưởng|Hiệu trưởng|Thủ trưởng|Thủ tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tướng|Đại tá|Người phát ngôn|Quyền|Chính ủy|Tư lệnh)(?![\p{L}])/u;

/** Summing up or closing a meeting, then speaking: "Kết luận hội nghị, Bí thư Thành ủy X khẳng định". */
const LEAD_CLAUSE =
  /^(Tổng hợp[^,.;]{3,80}|Kết luận hội nghị|Phát biểu (?:kết luận|chỉ đạo|bế mạc|khai mạc)[^,.;]{0,60}|Báo cáo [^,.;]{3,80}|Trình bày [^,.;]{3,80}),\s+(.+?)\s+(?:đã\s+)?(?:cho biết|khẳng định|nhấn mạnh|nêu rõ|phát biểu|đề nghị|yêu cầu|thông tin)/u;

/** The chain of titles before (or after) a name, each starting with a title word. */
function splitTitles(text: string): string[] {
  return text
    .split(/\s*[,;:]\s*/)
    .map((part) => part.trim())
    .map((part) => {
      // "các đại biểu đã nghe Ủy viên Ban Thường vụ Thành ủy": the title starts at its head word.
      const words = part.split(/\s+/);
      const at = words.findIndex((_, i) => TITLE_HEAD.test(words.slice(i).join(' ')));
      return at < 0 ? '' : words.slice(at).join(' ');
    })
    .filter(Boolean);
}

function cleanDocument(text: string): string {
  return text
    .replace(OBJECT_LEAD, '')
    .replace(/\s+tại (?:hội nghị|phiên|kỳ họp)\b.*$/u, '')
    .replace(/[\s.;,]+$/u, '')
    .trim();
}

interface ActMatch {
  presenter: string;
  titles: string[];
  act: string;
  document: string;
  documentStart: number;
  /** A speech (summing up, closing) rather than a document: its resolutions come from what the speaker says next. */
  speech?: boolean;
}

/** "Đồng chí Đinh Tiến Dũng yêu cầu …", "Bí thư Thành ủy Đinh Tiến Dũng nhấn mạnh …": the speaker goes on. */
const SPEAKER_GOES_ON = (name: string) =>
  new RegExp(`${name.replace(/\s+/g, '\\s+')}\\s+(?:đã\\s+|cũng\\s+)?(?:yêu cầu|đề nghị|nhấn mạnh|khẳng định|cho biết|chỉ đạo|lưu ý|nêu rõ)`, 'u');

/** Finds "TITLES NAME [đã] ACT DOCUMENT", "NAME, TITLES, ACT DOCUMENT" and "DOCUMENT do NAME ACT" in one sentence. */
function actsIn(sentence: string): ActMatch[] {
  const found: ActMatch[] = [];
  for (const match of sentence.matchAll(ACT)) {
    const left = sentence.slice(0, match.index);
    const act = match[1]!.replace(/\s+/g, ' ');
    const rightStart = match.index! + match[0].length;
    const right = sentence.slice(rightStart);

    // "… do đồng chí NAME (, TITLES,) trình bày": the document comes first.
    const passive = left.match(/^(.*?)\s+do\s+(?:đồng chí\s+|ông\s+|bà\s+)?(.+?)\s*$/su);
    if (passive) {
      const named = nameAtStart(passive[2]!);
      if (named) {
        const rest = passive[2]!.slice(named.start + named.name.length);
        const document = cleanDocument(passive[1]!);
        if (DOCUMENT_WORD.test(document)) {
          found.push({ presenter: named.name, titles: splitTitles(rest), act, document, documentStart: 0 });
          continue;
        }
      }
    }

    let presenter: string | null = null;
    let titles: string[] = [];
    const atEnd = nameAtEnd(left);
    if (atEnd && /^\s*$/.test(left.slice(atEnd.start + atEnd.name.length))) {
      presenter = atEnd.name;
      titles = splitTitles(left.slice(0, atEnd.start));
    } else {
      // "NAME, TITLES, báo cáo …"
      const clauses = [...left.matchAll(/(?:(?<![\p{L}])(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+|[,;:]\s*|^)/gu)].map((m) => m.index! + m[0].length);
      for (const at of clauses.reverse()) {
        const named = nameAtStart(left.slice(at));
        if (!named) continue;
        const rest = left.slice(at + named.start + named.name.length);
        const post = rest.match(/^\s*,\s*(.+?)\s*,?\s*$/su);
        if (post && /^[\p{Lu}]/u.test(post[1]!)) {
          presenter = named.name;
          titles = splitTitles(post[1]!);
          break;
        }
      }
    }
    if (!presenter) continue;
    const document = cleanDocument(right);
    if (!DOCUMENT_WORD.test(document) && findDocumentMentions(document).length === 0) continue;
    found.push({ presenter, titles, act, document, documentStart: rightStart + (right.length - right.trimStart().length) });
  }

  const lead = sentence.match(LEAD_CLAUSE);
  if (lead) {
    const named = nameAtEnd(lead[2]!);
    if (named && /^\s*$/.test(lead[2]!.slice(named.start + named.name.length))) {
      const act = lead[1]!.charAt(0).toLowerCase() + lead[1]!.slice(1);
      found.push({ presenter: named.name, titles: splitTitles(lead[2]!.slice(0, named.start)), act, document: lead[1]!, documentStart: 0, speech: true });
    }
  }
  return found;
}

export interface EventDate {
  date: string | null;
  raw: string | null;
  inference: string | null;
}

/** Presentation events of an article, one per (presenter, act, document), each with the sentence it rests on. */
export function extractPresentations(text: string, sentences: Span[], eventDate: EventDate): PresentationFact[] {
  const facts: PresentationFact[] = [];
  const seen = new Set<string>();
  sentences.forEach((span, index) => {
    const sentence = text.slice(span.start, span.end);
    for (const act of actsIn(sentence)) {
      const key = `${act.presenter}|${act.act}|${act.document.slice(0, 80).toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const goesOn = SPEAKER_GOES_ON(act.presenter);
      const spokenLater = act.speech
        ? sentences.slice(index + 1).map((s) => text.slice(s.start, s.end)).filter((later) => goesOn.test(later)).join(' ')
        : '';
      const mentions = findDocumentMentions(act.speech ? spokenLater : act.document);
      const resolutions = mentions.filter((m) => symbolKind(m.canonicalId) === 'NQ' || /^Nghị quyết/i.test(m.raw));
      const others = mentions.filter((m) => !resolutions.includes(m));
      facts.push({
        presenter: act.presenter,
        titles: act.titles,
        act: act.act,
        document: act.document.length > 400 ? `${act.document.slice(0, 400).replace(/\s+\S*$/, '')}…` : act.document,
        documentIds: [...new Set(others.map((m) => m.canonicalId))],
        resolutions: [...new Set(resolutions.map((m) => m.canonicalId))],
        resolutionLabels: [...new Set(resolutions.map((m) => m.label))],
        eventDate: eventDate.date,
        eventDateRaw: eventDate.raw,
        eventDateInference: eventDate.inference,
        quote: sentence,
        start: span.start,
        end: span.end,
        origin: 'rules',
      });
    }
  });
  return facts;
}
