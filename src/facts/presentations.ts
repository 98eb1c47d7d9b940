import { findDocumentMentions, symbolKind, type DocumentMention } from '../text/document-ids.js';
import { foldForMatch } from '../text/normalize.js';
import type { Span } from '../text/sentences.js';
import { actsIn, isBareMeeting, leadActOf, SPEAKS, type ActMention } from './acts.js';
import { articleMeetings, meetingFor, meetingIn, type Meeting } from './meetings.js';
import { namesByTitle, peopleInList, subjectBefore, titleChain, type NamedTitle, type Person } from './people.js';
import { MEETING_ROLES as MEETING_ROLE_LIST, type PresentationRole } from './roles.js';
import type { PresentationFact } from './types.js';

/** Leading words between the act and the document that are not the document. */
const OBJECT_LEAD =
  /^[\s:,]*(?:(?:các\s+)?(?:ý kiến\s+)?(?:các\s+)?(?:ý kiến\s+)?(?:góp ý\s+)?(?:(?:của\s+)?(?:các\s+)?đại biểu\s+)?(?:nêu\s+)?(?:về|vào|đối với)\s+|tóm tắt\s+|nội dung\s+(?=[\p{Lu}]))+/u;

/** What a document or a topic looks like: the object of "trình bày", "quán triệt", "truyền đạt" … */
const DOCUMENT_WORD =
  /(kế hoạch|chương trình|nghị quyết|dự thảo|đề án|báo cáo|quy định|quy chế|tờ trình|kết luận|chỉ thị|văn bản|đề cương|phương án|luật|nghị định|quyết định|chuyên đề|nội dung|bài phát biểu|diễn văn|tình hình|kết quả|văn kiện|tham luận|hướng dẫn|công văn|thông báo)/iu;

const MEETING_ROLES: ReadonlySet<PresentationRole> = new Set(MEETING_ROLE_LIST);

export interface EventDate {
  date: string | null;
  raw: string | null;
  inference: string | null;
}

interface Found {
  person: Person | null;
  /** A subject that is a title alone ("Tổng Bí thư dự và phát biểu chỉ đạo"): who it is, the article says elsewhere. */
  titleOnly: string | null;
  act: string;
  role: PresentationRole;
  document: string;
  /** A lead speech ("Kết luận hội nghị, X khẳng định"): its resolutions come from what the speaker says next. */
  speech: boolean;
  /** The sentence up to the act: a meeting named there is the one a bare "hội nghị" means; what is said after is not. */
  before: string;
}

/** A page's time stamp run into the headline: "… của Bộ Chính trị 25/02/2026 06:40". */
const TRAILING_STAMP = /\s+\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2}\s*$/u;

function cleanDocument(text: string, meeting: boolean): string {
  const cleaned = text
    .replace(OBJECT_LEAD, '')
    .replace(/^\s*(?:tại|trong)\s+/u, '')
    .replace(TRAILING_STAMP, '')
    .replace(/\s*\((?:Ảnh|Nguồn|Video)\s*:[^)]*\)/giu, '');
  return (meeting ? cleaned : cleaned.replace(/\s+tại (?:hội nghị|phiên|kỳ họp)(?![\p{L}]).*$/u, '')).replace(/[\s.;,:]+$/u, '').trim();
}

/** The title chain a bare-title subject consists of ("…, Tổng Bí thư"), or null. */
function bareTitle(left: string): string | null {
  const entry = left.split(/[,;:]/u).at(-1)?.trim() ?? '';
  const chain = entry ? titleChain(entry) : null;
  return chain && chain.length > 0 ? chain.at(-1)! : null;
}

/** ", đồng chí Bí thư Tỉnh ủy " at the end of a lead clause: the title the speaker is named by, and where it starts. */
function titleAfterComma(between: string): { title: string; start: number } | null {
  const match = between.match(/,\s*(?:đồng chí|ông|bà)\s+([^,;:]+?)\s*$/u);
  if (!match) return null;
  const chain = titleChain(match[1]!);
  return chain && chain.length === 1 && chain[0] === match[1]!.trim() ? { title: chain[0]!, start: match.index! + 1 } : null;
}

/** "Khai mạc Hội nghị, đồng chí X – titles …", "Phát biểu tại hội nghị, ông X nêu yêu cầu": the speaker after the lead clause. */
function leadEvents(sentence: string, lead: ActMention): { found: Found[]; subjectEnd: number } | null {
  const verbs = [...[...sentence.matchAll(SPEAKS)].map((m) => m.index!), ...actsIn(sentence).map((a) => a.start)].filter((at) => at > lead.end).sort((a, b) => a - b);
  for (const at of verbs) {
    const between = sentence.slice(lead.end, at);
    const people = subjectBefore(between);
    // "Phát biểu kết luận hội nghị, đồng chí Bí thư Tỉnh ủy nhấn mạnh …": the speaker by title only.
    const titled = people.length === 0 ? titleAfterComma(between) : null;
    const subjectStart = people[0]?.start ?? titled?.start ?? between.length;
    const object = between.slice(0, subjectStart);
    if ((people.length === 0 && !titled) || !/,\s*$/u.test(object)) continue;
    const document = lead.object === 'meeting' || /^\s*(?:tại|trong)\s/u.test(object) ? cleanDocument(object, true) : cleanDocument(`${lead.act} ${object.trim()}`, false);
    const base = { act: lead.act, role: lead.role, document, speech: true, before: between.slice(0, subjectStart) };
    const found: Found[] = titled ? [{ ...base, person: null, titleOnly: titled.title }] : people.map((person) => ({ ...base, person, titleOnly: null }));
    return { found, subjectEnd: lead.end + between.length };
  }
  return null;
}

/**
 * Who performs one act: a list after it, the subject of a passive "do X", or the people right
 * before it. The act's object is `sentence.slice(object.start, object.end)`; acts joined by "và"
 * share it and their subject.
 */
function eventsOfAct(sentence: string, act: ActMention, object: { start: number; end: number }, sharedSubject: Person[] = []): Found[] {
  const left = sentence.slice(0, act.start);
  const right = sentence.slice(object.start, object.end);
  const actText = onBehalf(sentence, act);
  const make = (person: Person | null, document: string, titleOnly: string | null = null): Found => ({ person, titleOnly, act: actText, role: act.role, document, speech: false, before: left });

  // "Chủ trì hội nghị có các đồng chí: A; B", "dưới sự chủ trì của các đồng chí: A - titles; B - titles",
  // "Tới dự và chỉ đạo hội nghị có đồng chí X": the people follow the act.
  if ((act.role === 'chair' || act.role === 'direct') && (/^\s*$/u.test(left) || /dưới sự\s*$/iu.test(left))) {
    const list = right.match(/^\s*([^:;]*?)\s*(?:có|của)\s+(?=\S)/u);
    if (list) return peopleInList(right.slice(list[0].length)).map((person) => make(person, cleanDocument(list[1]!, true)));
  }
  // "… do đồng chí X (, titles,) trình bày": the document comes first.
  const passive = left.match(/^(.*\S)\s+do\s+(.+?)\s*$/su);
  if (passive) {
    const people = subjectBefore(passive[2]!);
    const document = cleanDocument(passive[1]!, act.object === 'meeting');
    if (people.length > 0 && people[0]!.start <= 12 && (act.object === 'meeting' || DOCUMENT_WORD.test(document))) return people.map((p) => make(p, document));
  }
  const document = cleanDocument(right, act.object === 'meeting');
  // A document, or a topic: "thông tin về việc sắp xếp bộ máy", "báo cáo về tình hình …".
  const topic = /^\s*về\s+\S+\s+\S+/u.test(right);
  if (act.object === 'document' && !topic && !DOCUMENT_WORD.test(document) && findDocumentMentions(document).length === 0) return [];
  const people = sharedSubject.length > 0 ? sharedSubject : subjectBefore(left);
  if (people.length > 0) return people.map((p) => make(p, document));
  const title = bareTitle(left);
  return title ? [make(null, document, title)] : [];
}

/** "Thay mặt Đoàn Chủ tịch, đồng chí X trình bày …": the act is done on the body's behalf. */
function onBehalf(sentence: string, act: ActMention): string {
  const behalf = sentence.match(/^(?:[^,]{0,40},\s*)?[Tt]hay mặt\s+([^,.;:]{3,60}),/u);
  const sameClause = behalf && !sentence.slice(behalf[0].length, act.start).includes(';');
  return behalf && sameClause && behalf[0].length <= act.start && !act.act.startsWith('thay mặt') ? `thay mặt ${behalf[1]!.trim()} ${act.act}` : act.act;
}

/** "Báo cáo viên là đồng chí X, titles", "Báo cáo viên hội nghị: …": who briefs the meeting, when named. */
const SPEAKER_IS = /(?:^|[,;]\s*)[Bb]áo cáo viên(?:\s+[^,.;:]{0,40}?)?\s*(?:là|:)\s+/u;

function namedSpeakers(sentence: string): Found[] {
  const match = sentence.match(SPEAKER_IS);
  if (!match) return [];
  const before = sentence.slice(0, match.index);
  return peopleInList(sentence.slice(match.index! + match[0].length)).map((person) => ({
    person,
    titleOnly: null,
    act: 'báo cáo viên',
    role: 'brief',
    document: '',
    speech: false,
    before,
  }));
}

/** Every act of one sentence with who did it. */
function sentenceEvents(sentence: string): Found[] {
  const lead = leadActOf(sentence);
  const fromLead = lead ? leadEvents(sentence, lead) : null;
  const acts = actsIn(sentence).filter((act) => !fromLead || act.start >= fromLead.subjectEnd);
  const found = [...(fromLead?.found ?? []), ...namedSpeakers(sentence)];
  // An act's object runs to where the subject of a later act begins ("X trình bày A; Y trình bày B"),
  // or to a second act of the same subject ("X chủ trì và phát biểu khai mạc hội nghị").
  const subjects = acts.map((act) => subjectBefore(sentence.slice(0, act.start)));
  const joined = acts.map((act, i) => i > 0 && /^\s*(?:,\s*)?(?:và\s*)?$/u.test(sentence.slice(acts[i - 1]!.end, act.start)));
  let shared: Person[] = [];
  acts.forEach((act, i) => {
    let last = i;
    while (joined[last + 1]) last++;
    const after = acts[last]!.end;
    const end = subjects.slice(last + 1).map((p) => p[0]?.start).find((start) => start !== undefined && start >= after) ?? sentence.length;
    const subject = joined[i] ? shared : subjects[i]!;
    const events = eventsOfAct(sentence, act, { start: after, end }, subject);
    if (!joined[i]) shared = subject;
    found.push(...events);
  });
  return found;
}

/**
 * What a bare "hội nghị" means: the meeting its own sentence names ("X tổ chức Hội nghị lần thứ
 * 22 dưới sự chủ trì của …"), else the article's meeting of that kind.
 */
function resolveMeeting(found: Found, context: { meetings: Meeting[]; agenda: DocumentMention[] }): Meeting | null {
  if (found.document && !isBareMeeting(found.document) && !isMeetingTopic(found.document)) return null;
  const own = meetingIn(found.before);
  if (own) return { ...own, mentions: [...findDocumentMentions(own.description), ...context.agenda] };
  return meetingFor(found.document, context.meetings);
}

/**
 * "phổ biến các nội dung trọng tâm", "quán triệt những điểm mới": the contents of what the meeting
 * is about, when the object names no document of its own.
 */
const MEETING_TOPIC = /^(?:các|những|một số)?\s*(?:nội dung|điểm mới|vấn đề|yêu cầu)(?:\s+(?:chính|trọng tâm|cơ bản|chủ yếu|quan trọng|cốt lõi|mới|nổi bật))?(?![\p{L}])/iu;
const isMeetingTopic = (document: string) =>
  MEETING_TOPIC.test(document) && !/(?:kế hoạch|chương trình|nghị quyết|đề án|chỉ thị|kết luận|quy định|văn kiện|dự thảo|báo cáo)/iu.test(document) && findDocumentMentions(document).length === 0;

function mentionsFor(found: Found, document: string, meeting: Meeting | null, spokenLater: () => string): DocumentMention[] {
  if (found.speech && !MEETING_ROLES.has(found.role)) return findDocumentMentions(document);
  const own = findDocumentMentions(found.speech ? spokenLater() : document);
  return MEETING_ROLES.has(found.role) && meeting ? [...own, ...meeting.mentions] : own;
}

/**
 * Presentation events of an article, one per (person, act, document), each with the sentence it
 * rests on: who presented, reported, briefed, signed, chaired, opened or closed what. The headline
 * counts too, but an act the body also tells is kept once, with the body's sentence.
 */
export function extractPresentations(text: string, sentences: Span[], eventDate: EventDate, titleEnd = 0): PresentationFact[] {
  const context = articleMeetings(text, sentences, titleEnd);
  const sentenceTexts = sentences.map((s) => text.slice(s.start, s.end));
  let byTitle: Map<string, NamedTitle | null> | undefined;
  const facts: PresentationFact[] = [];
  sentences.forEach((span, index) => {
    const sentence = sentenceTexts[index]!;
    for (const found of sentenceEvents(sentence)) {
      if (found.titleOnly) byTitle ??= namesByTitle(sentenceTexts);
      const named = found.person ? null : (byTitle?.get(foldForMatch(found.titleOnly ?? '')) ?? null);
      const presenter = found.person?.name ?? named?.name;
      if (!presenter) continue;
      const namedSpan = named ? sentences[named.sentence]! : null;
      const meeting = resolveMeeting(found, context);
      const resolved = !meeting ? found.document : isMeetingTopic(found.document) ? `${found.document} — ${meeting.description}` : meeting.description;
      const spokenLater = () => sentenceTexts.slice(index + 1).filter((later) => later.includes(presenter)).join(' ');
      const mentions = mentionsFor(found, resolved, meeting, spokenLater);
      const resolutions = mentions.filter((m) => symbolKind(m.canonicalId) === 'NQ' || /^Nghị quyết/i.test(m.raw));
      const others = mentions.filter((m) => !resolutions.includes(m));
      const fact: PresentationFact = {
        presenter,
        titles: found.person?.titles ?? [found.titleOnly!],
        act: found.act,
        role: found.role,
        document: resolved.length > 400 ? `${resolved.slice(0, 400).replace(/\s+\S*$/, '')}…` : resolved,
        documentIds: [...new Set(others.map((m) => m.canonicalId))],
        resolutions: [...new Set(resolutions.map((m) => m.canonicalId))],
        resolutionLabels: [...new Set(resolutions.map((m) => m.label))],
        eventDate: eventDate.date,
        eventDateRaw: eventDate.raw,
        eventDateInference: eventDate.inference,
        namedIn: namedSpan ? { quote: text.slice(namedSpan.start, namedSpan.end), start: namedSpan.start, end: namedSpan.end } : null,
        quote: sentence,
        start: span.start,
        end: span.end,
        origin: 'rules',
      };
      keepOnce(facts, fact, titleEnd);
    }
  });
  return facts;
}

/**
 * One event per person and role for a meeting (a caption repeating the lede says nothing new),
 * and per person, role and document otherwise; the body's sentence wins over the headline's.
 */
function keepOnce(facts: PresentationFact[], fact: PresentationFact, titleEnd: number): void {
  const same = facts.findIndex(
    (other) =>
      foldForMatch(other.presenter) === foldForMatch(fact.presenter) &&
      other.role === fact.role &&
      (MEETING_ROLES.has(fact.role) || sameDocument(other, fact)),
  );
  if (same < 0) {
    facts.push(fact);
    return;
  }
  const other = facts[same]!;
  if (other.start >= titleEnd || fact.start < titleEnd) return;
  // The headline's resolutions stay with the body's event, each with its label.
  const missing = other.resolutions.map((id, i) => [id, other.resolutionLabels[i] ?? id] as const).filter(([id]) => !fact.resolutions.includes(id));
  facts[same] = { ...fact, resolutions: [...fact.resolutions, ...missing.map(([id]) => id)], resolutionLabels: [...fact.resolutionLabels, ...missing.map(([, label]) => label)] };
}

function sameDocument(a: PresentationFact, b: PresentationFact): boolean {
  if (a.resolutions.some((id) => b.resolutions.includes(id)) || a.documentIds.some((id) => b.documentIds.includes(id))) return true;
  const x = foldForMatch(a.document).slice(0, 60);
  const y = foldForMatch(b.document).slice(0, 60);
  return x === y || x.startsWith(y) || y.startsWith(x);
}
