import { foldForMatch } from '../../text/normalize.js';

/**
 * What someone does at a meeting or with a document, as the question asks it ("ai chủ trì",
 * "who signed") and as articles write it. The classes follow the facts' roles.
 */
export type Act = 'present' | 'report' | 'brief' | 'convey' | 'sign' | 'chair' | 'open' | 'close' | 'direct' | 'speak' | 'respond' | 'summarize' | 'attend' | 'issue' | 'elect';

/** The verbs of each act as articles write them, with their marks ("ký" is not "kỳ"). */
export const ACT_FORMS: Record<Act, string[]> = {
  present: ['trình bày'],
  report: ['báo cáo'],
  brief: ['quán triệt', 'phổ biến', 'thông tin', 'thông báo nhanh', 'giới thiệu'],
  convey: ['truyền đạt'],
  sign: ['ký', 'kí'],
  chair: ['chủ trì', 'đồng chủ trì', 'điều hành'],
  open: ['khai mạc'],
  close: ['bế mạc'],
  direct: ['chỉ đạo'],
  speak: ['phát biểu', 'kết luận', 'diễn văn', 'nhấn mạnh', 'cho biết', 'khẳng định'],
  respond: ['tiếp thu', 'giải trình'],
  summarize: ['tổng hợp'],
  attend: ['dự', 'tham dự', 'có mặt'],
  issue: ['ban hành'],
  elect: ['bầu', 'tái cử', 'trúng cử'],
};

/** Folded Vietnamese verbs of a question; "ký" folded is "ky", so the folded form alone must not look like "nhiệm kỳ". */
const VI_ACTS: Array<[Act, RegExp]> = [
  ['present', /\btrinh bay\b/],
  ['report', /(?<!\b(?:trinh bay|thong qua|nghe|gui|du thao)\s)\bbao cao\b(?! (?:chinh tri|tong ket|so ket|ket qua|tong hop|vien|nao|gi)\b)/],
  ['brief', /\bquan triet\b|\bpho bien\b|\bthong tin (?:chuyen de|nhanh)\b|\bthong bao nhanh\b/],
  ['convey', /\btruyen dat\b/],
  ['sign', /(?<!\b(?:nhiem|hoc|dinh|thoi|chu|moi|trong|nhat|ki|cac|hai|ba|nam)\s)\bky\b(?! (?:hop|niem|luat|thuat|nang|vong|cuong|thi|han|tich|xvii|xiii|xii|xiv|ix|x|moi|nay|toi|truoc|dai hoi))|\bki ban hanh\b/],
  ['chair', /\bchu tri\b|\bdieu hanh\b/],
  // "phiên khai mạc", "lễ bế mạc" name the session, they ask for no act.
  ['open', /(?<!\b(?:phien|le|buoi|ngay|hom)\s)\bkhai mac\b/],
  ['close', /(?<!\b(?:phien|le|buoi|ngay|hom)\s)\bbe mac\b/],
  ['direct', /\bchi dao\b/],
  ['speak', /\bphat bieu\b|\bket luan (?:hoi nghi|phien|buoi)\b|\bdien van\b|\bduoc trich\b|\btrich loi\b/],
  ['respond', /\btiep thu\b|\bgiai trinh\b/],
  ['summarize', /(?<!\bbao cao\s)\btong hop\b/],
  ['attend', /\b(?:tham du|co mat)\b|\bdu (?:hoi nghi|buoi|phien|dai hoi|le|cuoc hop)\b/],
  // "Ai được bầu làm Bí thư …?": who was elected, which a sentence about them opening the congress does not say.
  ['elect', /\bduoc bau\b|\bbau (?:lam|giu)\b|\btrung cu\b|\btai cu\b/],
];

const EN_ACTS: Array<[Act, RegExp]> = [
  ['present', /\bpresent(?:ed|s|ing)?\b|\bintroduc(?:ed|es|ing)\b|\bsubmitted\b/],
  // "reported", "reports on": the verb; "the review report" is a document.
  ['report', /\breport(?:ed|ing)\b|\breports? on\b(?! (?:the )?(?:political|review))|\bwho reports?\b/],
  ['brief', /\bbrief(?:ed|s|ing)?\b|\bdisseminat\w*\b|\bgrasp\w*\b|\bthoroughly\b/],
  ['convey', /\bconvey(?:ed|s|ing)?\b|\bdeliver(?:ed|s|ing)? (?:the )?(?:first|second|third|thematic|topic|lecture)\b/],
  ['sign', /\bsign(?:ed|s|ing)?\b/],
  ['chair', /\bchair(?:ed|s|ing)?\b|\bpresid(?:ed|es|ing)\b/],
  ['open', /\bopen(?:ed|ing)? (?:speech|remarks|address|the)\b|\bopening\b/],
  ['close', /\bclos(?:ed|ing) (?:speech|remarks|address|session)\b|\bclosing\b/],
  ['direct', /\bdirect(?:ed|s|ing|ions?)\b|\bgave (?:guidance|instructions)\b|\bsteer\w*\b/],
  ['speak', /\bspoke\b|\bspeak(?:s|ing)?\b|\baddress(?:ed|es|ing)\b|\bspeech\b|\bremarks\b|\bquoted\b|\bsaid\b|\bstressed\b|\burg(?:ed|ing)\b/],
  ['respond', /\brespond(?:ed|s|ing)?\b|\bexplain(?:ed|s|ing)?\b|\bincorporat\w*\b/],
  ['summarize', /\bsummari[sz](?:ed|es|ing)\b|\bsummed up\b/],
  ['attend', /\battend(?:ed|s|ing)?\b|\bpresent at\b/],
  ['issue', /\bissu(?:ed|es|ing)\b|\bpromulgat\w*\b/],
  ['elect', /\b(?:re-?)?elected\b/],
];

/**
 * A meeting's name holds act verbs that are no act of anyone: "Hội nghị toàn quốc nghiên cứu,
 * học tập, quán triệt Nghị quyết …", "Hội nghị thông tin chuyên đề quý I". Folded.
 */
const MEETING_NAME = /\b(?:hoi nghi|buoi|le|phien|cuoc hop|dot|lop)(?:[\s,]+(?:truc tuyen|truc tiep|toan quoc|mo rong|ket hop|nghien cuu|hoc tap|va|cap \w+))*[\s,]+(?:quan triet|thong tin|pho bien|trien khai|tong ket|so ket|bao cao)\b/g;

/** A text with its meetings' names blanked out, for finding the acts people do. */
function withoutMeetingNames(folded: string): string {
  return folded.replace(MEETING_NAME, (name) => ' '.repeat(name.length));
}

/**
 * "… discuss before issuing Conclusion 445?", "… trước khi ban hành Kết luận?": an act in a
 * clause of time sets when, it is not what the question asks about. Folded.
 */
const TIME_CLAUSE_ACT = /\b(?:before|after|upon|while|when|truoc khi|sau khi|khi)\s+(?:\w+ing\b|\w+(?:\s+\w+)?)/g;

/** The acts a question asks about. */
export function actsOf(question: string, english: boolean): Act[] {
  const folded = (english ? foldForMatch(question) : withoutMeetingNames(foldForMatch(question))).replace(TIME_CLAUSE_ACT, (clause) => ' '.repeat(clause.length));
  const acts = (english ? EN_ACTS : VI_ACTS).filter(([, pattern]) => pattern.test(folded)).map(([act]) => act);
  // With its marks a question says "kỳ" (term) or "ký" (sign) itself.
  if (!english && acts.includes('sign') && /[\u00C0-\u1EF9]/u.test(question) && !/(?<![\p{L}])k[ýí](?![\p{L}])/u.test(question.normalize('NFC').toLowerCase())) {
    return acts.filter((act) => act !== 'sign');
  }
  return acts;
}

/** Blanks the meetings' names of a lower-case text, keeping its length (folding keeps a precomposed text's length). */
function blankMeetingNames(lower: string): string {
  const folded = foldForMatch(lower);
  if (folded.length !== lower.length) return lower;
  let out = '';
  let last = 0;
  for (const match of folded.matchAll(MEETING_NAME)) {
    out += lower.slice(last, match.index) + ' '.repeat(match[0].length);
    last = match.index! + match[0].length;
  }
  return out + lower.slice(last);
}

/** Words that end an act's object and start the setting ("ai trình bày báo cáo X tại phiên bế mạc …"). */
const SETTING = /\b(?:tai|o|trong|vao|ngay|luc|sang|chieu|toi|hom|of|at|in|on|during)\b/;

/**
 * What the question says was presented, signed, briefed: the words after the act verb up to
 * where the setting starts ("ai trình bày báo cáo tổng hợp ý kiến … tại phiên bế mạc …" →
 * the report's words). Folded.
 */
export function actObjectOf(question: string, acts: Act[], english: boolean): string[] {
  if (acts.length === 0 || english) return [];
  const folded = foldForMatch(question);
  const verb = VI_ACTS.filter(([act]) => acts.includes(act))
    .map(([, pattern]) => folded.match(pattern))
    .filter((m): m is RegExpMatchArray => m !== null)
    .sort((a, b) => a.index! - b.index!)[0];
  if (!verb) return [];
  const after = folded.slice(verb.index! + verb[0].length);
  const setting = after.search(SETTING);
  return (setting >= 0 ? after.slice(0, setting) : after).match(/[a-z0-9]+/g) ?? [];
}

/** Acts written for one another: a topic is presented, briefed or conveyed; a report is presented. */
const FAMILIES: Partial<Record<Act, Act[]>> = {
  present: ['brief', 'convey', 'report'],
  brief: ['present', 'convey'],
  convey: ['present', 'brief'],
  report: ['present'],
  open: ['speak'],
  close: ['speak'],
  direct: ['speak'],
};

/** The acts with those written for them ("do ai trình bày chuyên đề …" is answered by "… thông tin chuyên đề …"). */
export function withFamilies(acts: Act[]): Act[] {
  return [...new Set(acts.flatMap((act) => [act, ...(FAMILIES[act] ?? [])]))];
}

/** True when a text shows one of the acts (as whole words, with the marks kept), outside the name of a meeting. */
export function showsAct(acts: Act[], text: string): boolean {
  const lower = blankMeetingNames(text.normalize('NFC').toLowerCase());
  return acts.some((act) => ACT_FORMS[act].some((form) => new RegExp(`(?<![\\p{L}])${form}(?![\\p{L}])`, 'u').test(lower)));
}
