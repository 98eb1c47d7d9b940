import { foldForMatch } from '../text/normalize.js';

/**
 * What a person did at a meeting or with a document, as one class the answerer can ask for:
 * "ai chủ trì" wants `chair`, "ai ký" wants `sign`, "ai trình bày" wants `present` …
 */
export type PresentationRole =
  | 'present'
  | 'report'
  | 'brief'
  | 'convey'
  | 'sign'
  | 'chair'
  | 'open'
  | 'close'
  | 'direct'
  | 'speak'
  | 'respond';

export const PRESENTATION_ROLES: readonly PresentationRole[] = ['present', 'report', 'brief', 'convey', 'sign', 'chair', 'open', 'close', 'direct', 'speak', 'respond'];

/** Acts on a document or a topic (what "ai trình bày / báo cáo / quán triệt / ký …" asks), not running the meeting. */
export const PRESENTING_ROLES: readonly PresentationRole[] = ['present', 'report', 'brief', 'convey', 'sign', 'respond'];

/** Acts that run or address the meeting itself: chairing, opening, closing, directing, speaking. */
export const MEETING_ROLES: readonly PresentationRole[] = ['chair', 'open', 'close', 'direct', 'speak'];

/**
 * The verb (folded) that decides each class, most specific first: "phát biểu khai mạc" is an
 * opening before it is a speech, "trình bày diễn văn bế mạc" a closing before a presentation,
 * "tiếp thu, giải trình" a response even when it is "thay mặt … trình bày".
 */
const ROLE_BY_VERB: ReadonlyArray<[RegExp, PresentationRole]> = [
  [/\bbe mac\b/, 'close'],
  [/\bkhai mac\b/, 'open'],
  [/\bchu tri\b/, 'chair'],
  [/\bky\b/, 'sign'],
  [/\b(?:tiep thu|giai trinh)\b/, 'respond'],
  [/\btruyen dat\b/, 'convey'],
  [/\b(?:quan triet|pho bien|thong tin|thong bao nhanh|gioi thieu)\b/, 'brief'],
  [/\b(?:trinh bay|trinh|doc)\b/, 'present'],
  [/\b(?:bao cao|tong hop)\b/, 'report'],
  [/\bchi dao\b/, 'direct'],
  [/\b(?:phat bieu|ket luan)\b/, 'speak'],
];

/** The class of an act as written ("thay mặt Ban Thường vụ trình bày", "phát biểu khai mạc và chỉ đạo" → open). */
export function roleOfAct(act: string): PresentationRole {
  const folded = foldForMatch(act).replace(/^thay mat\s+.*?\s+(?=(?:trinh bay|tiep thu|giai trinh|bao cao|ky|phat bieu)\b)/u, '');
  return ROLE_BY_VERB.find(([verb]) => verb.test(folded))?.[1] ?? 'present';
}
