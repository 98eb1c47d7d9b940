import { MEETING_ROLES, roleOfAct, type PresentationRole } from './roles.js';

/**
 * The acts a person performs at a meeting or on a document, found by their verbs. Each act says
 * what its object is: a document or topic ("trình bày Kế hoạch …", "truyền đạt chuyên đề …") or
 * the meeting itself ("chủ trì hội nghị", "phát biểu khai mạc", "dự và chỉ đạo Hội nghị").
 */
export interface ActMention {
  /** The act as written, with "thay mặt …" when the text says so. */
  act: string;
  role: PresentationRole;
  object: 'document' | 'meeting';
  /** Where the whole match starts (adverbs included) and where the act's object starts. */
  start: number;
  end: number;
}

const B = String.raw`(?<![\p{L}])`;
const E = String.raw`(?![\p{L}])`;
const SPEECH = String.raw`(?:có\s+)?(?:bài\s+)?(?:phát biểu|trình bày|đọc)\s+(?:diễn văn\s+)?`;
const MEETING = String.raw`(?:hội nghị|đại hội|phiên|buổi|cuộc họp|kỳ họp|hội thảo|lễ)`;

/** Verb phrases, most specific first (a longer phrase wins where two start at the same word). */
const VERBS: ReadonlyArray<{ pattern: string; object: ActMention['object'] }> = [
  { pattern: String.raw`${SPEECH}bế mạc`, object: 'meeting' },
  { pattern: String.raw`${SPEECH}khai mạc(?:\s+và\s+(?:phát biểu\s+)?chỉ đạo)?`, object: 'meeting' },
  { pattern: String.raw`(?:khai mạc|bế mạc)(?=\s+${MEETING})`, object: 'meeting' },
  { pattern: String.raw`dự\s+và\s+(?:phát biểu\s+)?chỉ đạo`, object: 'meeting' },
  { pattern: String.raw`(?:có\s+)?(?:bài\s+)?phát biểu\s+(?:kết luận\s+(?:và\s+)?)?chỉ đạo`, object: 'meeting' },
  { pattern: String.raw`(?:có|nêu)\s+(?:những\s+|các\s+|một số\s+)?ý kiến\s+chỉ đạo`, object: 'meeting' },
  { pattern: String.raw`(?:có\s+)?(?:bài\s+)?phát biểu\s+kết luận`, object: 'meeting' },
  { pattern: String.raw`phát biểu\s+quán triệt`, object: 'document' },
  // "phát biểu tại hội nghị", a caption's "X phát biểu." — not "phát biểu ý kiến" of any delegate.
  { pattern: String.raw`(?:có\s+)?(?:bài\s+)?phát biểu(?=\s+(?:tại|trong)\s|\s*[.(]|\s*$)`, object: 'meeting' },
  { pattern: String.raw`(?:khẳng định|nhấn mạnh)(?=\s+tại\s+${MEETING})`, object: 'meeting' },
  { pattern: String.raw`(?:đồng\s+)?chủ trì(?!\s*,?\s*(?:và\s+)?phối hợp)`, object: 'meeting' },
  { pattern: String.raw`ký(?:\s+ban hành)?`, object: 'document' },
  { pattern: String.raw`tiếp thu,\s*giải trình|giải trình,\s*tiếp thu|tiếp thu và giải trình|tiếp thu|giải trình`, object: 'document' },
  { pattern: String.raw`truyền đạt`, object: 'document' },
  { pattern: String.raw`quán triệt(?:,\s*triển khai)?|phổ biến|thông tin(?:\s+nhanh)?|thông báo nhanh|công bố`, object: 'document' },
  { pattern: String.raw`trình bày(?:\s+tóm tắt)?`, object: 'document' },
  // "trình Tờ trình …", "trình dự thảo …": submitting a document (not "trình UBND tỉnh", to whom).
  { pattern: String.raw`trình(?=\s+(?:tờ trình|dự thảo|đề án|báo cáo|nghị quyết|kế hoạch|chương trình)(?![\p{L}]))`, object: 'document' },
  { pattern: String.raw`đọc(?=\s+(?:toàn văn\s+)?(?:nghị quyết|quyết định|thông báo|diễn văn)(?![\p{L}]))`, object: 'document' },
  { pattern: String.raw`báo cáo(?:\s+tóm tắt)?`, object: 'document' },
];

/** Adverbs between a subject and its verb, and the optional "thay mặt X" (on whose behalf). */
const ADVERBS = String.raw`(?:(?:đã|sẽ|vừa|cũng|lần lượt|tiếp tục|đến|tới)\s+)*`;
const ON_BEHALF = String.raw`(thay mặt\s+[^,.;:]{3,60}?\s+)?`;

/** One pass over a sentence: the verbs as alternatives, most specific first, each its own group. */
const ACTS = new RegExp(`${B}${ADVERBS}${ON_BEHALF}(?:${VERBS.map(({ pattern }) => `(${pattern})`).join('|')})${E}`, 'giu');

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Most sentences hold no act: one cheap look for any verb before the full patterns. */
const ANY_VERB = /(?:trình|đọc|báo cáo|chủ trì|phát biểu|quán triệt|phổ biến|thông tin|thông báo|công bố|truyền đạt|tiếp thu|giải trình|ký|khai mạc|bế mạc|chỉ đạo|khẳng định|nhấn mạnh)/iu;

const cache = new Map<string, ActMention[]>();

/** Every act in a sentence, in order, none overlapping. */
export function actsIn(sentence: string): ActMention[] {
  if (!ANY_VERB.test(sentence)) return [];
  const known = cache.get(sentence);
  if (known) return known;
  const acts = findActs(sentence);
  if (cache.size > 500) cache.clear();
  cache.set(sentence, acts);
  return acts;
}

function findActs(sentence: string): ActMention[] {
  const found: ActMention[] = [];
  for (const match of sentence.matchAll(ACTS)) {
    // A capitalised verb inside a sentence is a name ("Phòng Văn hóa và Thông tin"), except where a sentence or programme line starts.
    if (/^\p{Lu}/u.test(match[0]) && !/(?:^|[:;.•*-])\s*$/u.test(sentence.slice(0, match.index))) continue;
    const which = match.slice(2).findIndex((group) => group !== undefined);
    const verb = squash(match[which + 2]!);
    const act = squash(`${match[1] ?? ''}${verb}`);
    found.push({ act: act.charAt(0).toLowerCase() + act.slice(1), role: roleOfAct(verb), object: VERBS[which]!.object, start: match.index!, end: match.index! + match[0].length });
  }
  return found;
}

/**
 * A sentence that opens with its act, the speaker named after a comma: "Phát biểu tại hội nghị,
 * ông X …", "Báo cáo tại hội nghị, Chủ tịch UBND thành phố X cho biết", "Khai mạc Hội nghị, đồng chí X …".
 */
const LEAD = new RegExp(
  // "NHNPhát biểu …": an outlet's initials run into the first word when the page was scraped.
  String.raw`^(?:[*•-]\s*)?(?:\p{Lu}{2,8}(?=\p{Lu}\p{Ll}))?(Phát biểu(?:\s+(?:khai mạc|bế mạc|kết luận|chỉ đạo|quán triệt))?|Báo cáo|Trình bày|Khai mạc|Bế mạc|Kết luận|Tổng hợp|Chỉ đạo|Quán triệt|Thông tin)${E}`,
  'u',
);

/** What a speaker does after a lead clause: "cho biết", "nhấn mạnh", "nêu yêu cầu" … */
export const SPEAKS = new RegExp(
  `${B}${ADVERBS}(?:cho biết|khẳng định|nhấn mạnh|nêu rõ|nêu|phát biểu|đề nghị|yêu cầu|thông tin|cho rằng|chỉ rõ|lưu ý|chia sẻ|đánh giá|ghi nhận|biểu dương|chỉ đạo|thông báo|khái quát|điểm lại|quán triệt|phổ biến)${E}`,
  'gu',
);

export function leadActOf(sentence: string): ActMention | null {
  const match = sentence.match(LEAD);
  if (!match) return null;
  const verb = squash(match[1]!);
  const role = roleOfAct(verb);
  const object = MEETING_ROLES.includes(role) ? 'meeting' : 'document';
  return { act: verb.charAt(0).toLowerCase() + verb.slice(1), role, object, start: 0, end: match[0].length };
}

/** A meeting named without anything that tells it apart: "hội nghị", "tại cuộc họp", "Đại hội". */
export function isBareMeeting(object: string): boolean {
  const rest = object
    .replace(/[.,;:()\s]+$/u, '')
    .replace(new RegExp(String.raw`^\s*(?:tại\s+|trong\s+)?(?:các\s+)?${MEETING}(?:\s+(?:làm việc|họp|này|trên|đó|nói trên))?`, 'iu'), '')
    .trim();
  return rest === '';
}
