import { findDocumentMentions, type DocumentMention } from '../text/document-ids.js';
import { foldForMatch } from '../text/normalize.js';
import type { Span } from '../text/sentences.js';
import { startsWithTitle } from './people.js';

/**
 * The meetings an article reports, as it first names them: "Ban Chấp hành Đảng bộ Quận khóa XXV
 * tổ chức Hội nghị lần thứ 22", "Hội nghị thông tin chuyên đề quý I/2024 …". Chairing, opening
 * or speaking "tại hội nghị" is about such a meeting; what the meeting considers (its agenda)
 * gives the resolutions the act concerns.
 */
export interface Meeting {
  description: string;
  /** The article reports it taking place ("X tổ chức Hội nghị …", "… có buổi làm việc với …"). */
  happens: boolean;
  /** The kind of meeting, folded: "hoi nghi", "dai hoi", "hop" … */
  kind: string;
  /** Documents named in the description and in the paragraphs that set out the agenda. */
  mentions: DocumentMention[];
}

const NOUN = String.raw`(?:[Hh]ội nghị|[Đđ]ại hội|[Pp]hiên(?=\s+(?:họp|trù bị|khai mạc|bế mạc|chính thức|thảo luận))|[Bb]uổi làm việc|[Cc]uộc họp|họp giao ban|[Kk]ỳ họp|Hội thảo|Tọa đàm|Toạ đàm)`;
const ANY_NOUN = new RegExp(`(?<![\\p{L}])${NOUN}(?![\\p{L}])`, 'iu');

/** What tells one meeting from another right after its noun: a name, a number, "lần thứ", "toàn quốc" … */
const QUALIFIER = String.raw`(?:[\p{Lu}\d]|lần thứ|toàn quốc|trực tuyến|thông tin|nghiên cứu|học tập|quán triệt|tổng kết|sơ kết|triển khai|lấy ý kiến|đại biểu|giao ban|với|về|trù bị|bế mạc|khai mạc|chính thức|họp|Ban|BCH)`;
/** "họp giao ban", "buổi làm việc với …" name a meeting by themselves; "Nghị quyết Đại hội XIII" is a document, not a meeting. */
const NAMED = new RegExp(`(?<![\\p{L}])(?<!(?:[Nn]ghị quyết|[Vv]ăn kiện|[Dd]ự thảo)\\s+)(?:họp giao ban|${NOUN}(?=\\s+${QUALIFIER}))`, 'u');

/** A sentence that reports the meeting taking place, not one that merely mentions it. */
const HAPPENS = /(?:tổ chức|diễn ra|khai mạc|bế mạc|họp|làm việc với)/u;

/** Where the name of a meeting stops: who chairs or attends it, where and how it is held. */
const STOP =
  /\s+(?:dưới sự(?:\s+chủ trì)?|với sự tham dự|với sự tham gia|có sự tham dự|bằng hình thức|theo hình thức|diễn ra từ|tại (?:Hội trường|hội trường|trụ sở|Trụ sở|Trung tâm|Cung|Nhà|phòng|Phòng|điểm cầu))|[.;](?:\s|$)/u;

/** The name also stops where a person's titles begin: "Hội nghị Tỉnh ủy lần thứ 8, Ủy viên Trung ương Đảng …". */
function stopAtTitles(text: string): string {
  for (const comma of text.matchAll(/,\s+/gu)) {
    if (startsWithTitle(text.slice(comma.index! + comma[0].length))) return text.slice(0, comma.index);
  }
  return text;
}

/** Lead words before the organiser: an outlet's name, a date, a place. */
const LEAD = /^(?:\(?[\p{L}.]{2,20}(?:\s[\p{L}.]{2,20})?\)?\s*[-–]\s*)?(?:(?:Sáng|Chiều|Tối|Ngày|Hôm nay|Sáng nay|Chiều nay)[^,]{0,30},\s*)?(?:tại [^,]{3,60},\s*)?/u;

const AGENDA = /(?:xem xét|thảo luận|cho ý kiến|bàn về|quán triệt|học tập|tổng kết|sơ kết|các nội dung sau|nội dung quan trọng)/u;

const kindOf = (noun: string) => {
  const folded = foldForMatch(noun);
  return /hop|lam viec|phien/u.test(folded) ? 'hop' : folded;
};

/** The meeting a sentence names, from its organiser ("X tổ chức Hội nghị …") or its noun, to where its name stops. */
export function meetingIn(sentence: string): { description: string; kind: string; happens: boolean } | null {
  const noun = sentence.match(NAMED);
  if (!noun) return null;
  const lead = sentence.match(LEAD)?.[0].length ?? 0;
  const organised = /(?:đã\s+)?tổ chức\s+$/u.test(sentence.slice(0, noun.index)) && noun.index! > lead;
  const start = organised ? lead : noun.index!;
  const afterNoun = noun.index! + noun[0].length;
  const stop = sentence.slice(afterNoun).search(STOP);
  const end = Math.min(stop < 0 ? sentence.length : afterNoun + stop, start + 240);
  const description = stopAtTitles(sentence.slice(start, end)).replace(/[\s,:…]+$/u, '');
  if (description.split(/\s+/).length < 3 || startsWithTitle(description)) return null;
  return { description, kind: kindOf(noun[0]), happens: organised || HAPPENS.test(sentence.slice(noun.index!)) };
}

/**
 * Meetings of an article, the ones it reports happening first and the body's before the
 * headline's (a headline shortens the name), and what its agenda names.
 */
export function articleMeetings(text: string, sentences: Span[], titleEnd = 0): { meetings: Meeting[]; agenda: DocumentMention[] } {
  const found = sentences
    .slice(0, 12)
    .map((span) => ({ span, meeting: meetingIn(text.slice(span.start, span.end)) }))
    .filter((m): m is { span: Span; meeting: NonNullable<ReturnType<typeof meetingIn>> } => m.meeting !== null)
    .sort((a, b) => Number(b.meeting.happens) - Number(a.meeting.happens) || Number(a.span.start < titleEnd) - Number(b.span.start < titleEnd))
    .map((m) => m.meeting);
  const agenda = text
    .split('\n')
    .filter((paragraph) => AGENDA.test(paragraph) && (ANY_NOUN.test(paragraph) || /nội dung/u.test(paragraph)))
    .slice(0, 2);
  const agendaMentions = agenda.flatMap((part) => findDocumentMentions(part));
  return { meetings: found.map((m) => ({ ...m, mentions: [...findDocumentMentions(m.description), ...agendaMentions] })), agenda: agendaMentions };
}

/**
 * The meeting a bare reference means ("chủ trì hội nghị", "phát biểu tại cuộc họp"): one of the
 * same kind the article names; with no noun at all ("chủ trì."), the first it reports.
 */
export function meetingFor(reference: string, meetings: Meeting[]): Meeting | null {
  const noun = reference.match(ANY_NOUN);
  if (!noun) return meetings[0] ?? null;
  // Same kind first; "hội nghị" may loosely name the "buổi làm việc" the article reports, but
  // "phát biểu tại buổi làm việc" is not about a "Đại hội" it merely mentions.
  return meetings.find((m) => m.kind === kindOf(noun[0])) ?? meetings.find((m) => m.happens) ?? null;
}
