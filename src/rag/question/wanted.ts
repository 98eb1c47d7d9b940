/**
 * What kind of answer a question asks for, from Vietnamese question forms (with or without
 * diacritics, read on the folded text) and their English equivalents.
 */
export type Wanted =
  /** ai, đồng chí nào, who, which official */
  | 'person'
  /** cơ quan nào, đơn vị nào, sở nào, which agency */
  | 'organization'
  /** ở đâu, địa điểm nào, where */
  | 'place'
  /** tỉnh nào, huyện nào, xã nào, which province */
  | 'region'
  /** ngày nào, hôm nào, on what date */
  | 'day'
  /** khi nào, bao giờ, thời điểm nào, when */
  | 'date'
  /** mấy giờ, khung giờ nào, what time */
  | 'time'
  /** giai đoạn nào, nhiệm kỳ nào, quý nào, năm nào, which period */
  | 'period'
  /** hạn chót, phải hoàn thành khi nào, by when, deadline */
  | 'deadline'
  /** bao nhiêu, mấy, how many, what percentage */
  | 'number'
  /** kế hoạch nào, nghị quyết nào, which plan */
  | 'document'
  /** số hiệu, số mấy, what is the number of the plan: a document's number and symbol */
  | 'docnumber'
  /** nội dung gì, về việc gì, gồm những gì, what about */
  | 'description'
  /** văn bản gì, xây dựng gì: a kind of document ("chương trình hành động") */
  | 'kind'
  /** "Chương trình số 09-CTr/TU … về nội dung gì?": what a named document is about */
  | 'subject'
  /** kết quả ra sao, outcome */
  | 'result';

/** "Đồng chí nào", "Thứ trưởng nào", "Phó Chủ tịch nào": a person, never a body (folded). */
const NAMED_PERSON_VI =
  /\bvi (?:pho |tong )?(?:[a-z]+ ){1,6}nao\b|\b(?:dong chi|vi|ong|ba|(?:pho |tong )?(?:chu tich|bi thu|giam doc|truong ban|truong phong|thu tuong|bo truong|thu truong|chanh van phong|chanh an|vien truong|chu nhiem|uy vien|truong doan|bao cao vien)) nao\b/;
const NAMED_PERSON_EN = /\bwhich (?:[a-z-]+ ){0,3}(?:officials?|leaders?|secretar(?:y|ies)|chairm[ae]n|chairwom[ae]n|ministers?|deput(?:y|ies)|vice[- ]\w+|directors?|comrades?|persons?|people)\b/;

/** The question asks which person, by a title or "đồng chí nào": a body does not answer it (folded). */
export function asksWhichPerson(folded: string, english: boolean): boolean {
  return (english ? NAMED_PERSON_EN : NAMED_PERSON_VI).test(folded);
}

const VI: Array<[Wanted, RegExp]> = [
  ['person', /\bai\b|\bnguoi nao\b|\bla ai\b|\bnhung ai\b|\b(?:can bo|lanh dao) nao\b/],
  // "văn bản nào" is no "ban nào", nor "kế hoạch số nào" a "sở nào": folded, the words meet.
  ['organization', /\b(?:co quan|don vi|bo|nganh|to chuc|dang bo|chi bo|dang uy|cap uy|ubnd|hdnd|uy ban|hoi dong|tap the) nao\b|(?<!\bvan )\bban nao\b|(?<!\b(?:ke hoach|nghi quyet|chi thi|ket luan|quyet dinh|van ban|chuong trinh|de an|hanh dong|cong tac|thong bao|cong van|huong dan) )\bso nao\b|\bchiu trach nhiem\b|\bdo (?:co quan|don vi) nao\b/],
  ['place', /\bo dau\b|\btai dau\b|\bnoi nao\b|\bdia diem nao\b|\b(?:diem cau|hoi truong|tru so|phong hop) nao\b|\bdien ra o\b/],
  ['region', /(?<!\bco )\b(?:tinh|thanh pho|huyen|quan|xa|phuong|thi xa|dia phuong) nao\b/],
  ['deadline', /\bhan chot\b|\bthoi han\b|\bhan (?:la )?(?:khi nao|bao gio|ngay nao|den khi nao)\b|\bthoi gian hoan thanh\b|\bhan (?:hoan thanh|cuoi)\b|\bphai (?:hoan thanh|xong|trinh|gui|nop|bao cao|ket thuc|hoan tat)\b|\bhoan thanh (?:truoc|trong|khi nao|vao|luc)\b|\bcham nhat\b|\btruoc ngay nao\b/],
  ['day', /\bngay nao\b|\bhom nao\b|\bngay bao nhieu\b|\bngay may\b|\bvao ngay\b.*\bnao\b/],
  ['date', /\bkhi nao\b|\bbao gio\b|\bluc nao\b|\bthoi diem nao\b|\bthoi gian nao\b|\bhoi nao\b|\bthang nao\b/],
  ['time', /\bmay gio\b|\b(?:khung|khoang) gio nao\b|\bgio nao\b|\bluc may gio\b|\bmay h\b/],
  ['period', /\bmoc (?:thoi gian )?nao\b|\bgiai doan nao\b|\bnhiem ky nao\b|\bquy nao\b|\bnam nao\b|\bthoi ky nao\b|\b(?:khoang|quang) thoi gian nao\b|\bdinh huong den nam nao\b|\bden nam nao\b/],
  ['number', /(?<!(?<!\btong )\bso )\bbao nhieu\b|(?<!(?<!\btong )\bso )\bmay (?!gio\b)[a-z]+|\bso luong\b|\bty le\b|\bti le\b|\bphan tram\b/],
  ['document', /\b(?:ke hoach|van ban|van kien|chuong trinh|nghi quyet|quy dinh|de an|chi thi|ket luan|quyet dinh|huong dan|thong bao|cong van|to trinh|bao cao|de cuong|luat|du thao)(?: hanh dong| cong tac)? nao\b/],
  ['docnumber', /\bso hieu\b|\bky hieu\b|\b(?:ke hoach|nghi quyet|chi thi|ket luan|quyet dinh|van ban|chuong trinh|de an)(?: (?:hanh dong|cong tac))? so (?:may|bao nhieu|nao)\b/],
  ['kind', /\b(?:van ban|tai lieu|ke hoach|chuong trinh|de an) gi\b|\b(?:xay dung|ban hanh|soan thao|hoan thien|bo sung) (?:nhung )?(?:van ban|gi)\b|\bloai van ban\b|\bwhat (?:kind of )?(?:document|plan|programme|program)\b/],
  ['description', /\b(?:noi dung|van de|viec|linh vuc|muc tieu|chu de|y nghia|yeu cau|nhiem vu|giai phap|dinh huong|phuong huong|chuyen de) (?:gi|nao)\b|\bve (?:viec |van de |noi dung )?gi\b|\bgom (?:nhung )?(?:gi|noi dung nao|nhung nao)\b|\bnhung gi\b|\bla gi\b|\blam gi\b|\bgi\b/],
  ['result', /\bket qua\b.*\b(?:ra sao|the nao|la gi|bao nhieu|nhu the nao)\b|\bra sao\b|\bnhu the nao\b/],
];

const EN: Array<[Wanted, RegExp]> = [
  ['person', /\bwho\b|\bwhom\b|\bwhose\b|\bwhich (?:[a-z-]+ ){0,5}(?:chairm[ae]n|chairwom[ae]n|chair|secretar(?:y|ies)|officials?|leaders?|persons?|people|members?|ministers?|deputy|deputies|vice[- ]\w+|director|head|speaker|comrades?)\b|\bname of the (?:official|person|leader)\b/],
  ['organization', /\bwhich (?:[a-z-]+ ){0,2}(?:agenc(?:y|ies)|bod(?:y|ies)|departments?|units?|committees?|organi[sz]ations?|ministr(?:y|ies)|boards?|offices?|party (?:committee|organi[sz]ation)s?)\b(?! (?:resolutions?|plans?|directives?|documents?|decisions?|conclusions?|programmes?|programs?)\b)|\bresponsible\b/],
  ['place', /\bwhere\b|\bwhich (?:venues?|locations?|places?|halls?)\b|\bwhat (?:venue|location|place)\b/],
  ['region', /\bwhich (?:provinces?|cit(?:y|ies)|districts?|localit(?:y|ies)|communes?|wards?)\b|\bwhat (?:province|city|district)\b/],
  ['day', /\bon what (?:dates?|days?)\b|\bwhat dates?\b|\bwhich (?:dates?|days?)\b|\bwhat days?\b/],
  ['date', /\bwhen\b|\bwhat month\b/],
  ['time', /\bwhat time\b|\bwhat hours?\b|\bwhich hours?\b|\btime slot\b|\bfrom what time\b/],
  ['period', /\bwhich (?:period|term|quarter|year)\b|\bwhat (?:period|term|quarter|year)\b|\bwhich (?:stage|phase)\b|\bfor what period\b|\bby what year\b|\bby which year\b/],
  ['deadline', /\bdeadlines?\b|\bby when\b|\bby what date\b|\bdue\b|\bmust (?:[\w'’-]+ ){0,12}?(?:finish|complete|be completed|be finished|be submitted|be sent|be reported|submit|end)\b|\b(?:finish|complete) (?:\w+ ){0,3}by\b/],
  ['number', /\bhow many\b|\bhow much\b|\bwhat (?:is|was|are|were) (?:the |its |their )?(?:[a-z'-]+ ){0,4}(?:budget|cost|amount|value|price|funding|capital|revenue|spending|investment|disbursement|growth|rate)s?\b|\bwhat (?:percentage|share|proportion|rate)\b|\b(?:what )?number of (?!the (?:[a-z]+ ){0,2}(?:plan|resolution|directive|document|decision|conclusion|programme|program|scheme)s?\b)/],
  ['document', /\bwhich (?:plan|resolution|directive|document|programme|program|conclusion|decision|scheme|project|regulation|instruction)s?\b/],
  ['docnumber', /\bwhat (?:plan|resolution|directive|document|scheme|conclusion) (?:number|no)\b|\b(?:plan|document|resolution|directive) number\b|\bnumber of the (?:[a-z]+ ){0,2}(?:plan|resolution|directive|document|decision|conclusion|programme|program|scheme)s?\b/],
  ['description', /\bwhat (?:is|was|are|were|does|did) (?:\w+ ){0,8}(?:about|include|cover|contain|focus on|aim|set out|propose)\b|\babout what\b|\bwhat (?:topics?|contents?|subjects?|issues?|goals?|targets?|tasks?|themes?|requirements?)\b|\bwhat\b/],
  ['result', /\boutcome\b|\bresults? of\b|\bhow did (?:\w+ ){0,4}(?:vote|end|go)\b/],
];

const WHOSE_DOCUMENT_EN = /\bwhose (?:[a-z-]+ ){0,2}(?:submissions?|reports?|proposals?|plans?|drafts?|documents?|programmes?|programs?|projects?|schemes?)\b/;
const WHOSE_DOCUMENT_VI = /\b(?:to trinh|bao cao|de an|ke hoach|du thao|van ban|chuong trinh|de xuat)(?: \w+){0,4} cua ai\b/;

/** "Whose submission …?", "Tờ trình của ai?" (folded). */
export function asksWhoseDocument(folded: string, english: boolean): boolean {
  return (english ? WHOSE_DOCUMENT_EN : WHOSE_DOCUMENT_VI).test(folded);
}

/** The kinds of answer a question wants, most specific first; "description" only when nothing else applies. */
export function wantedOf(folded: string, english: boolean, namesDocument = false): Wanted[] {
  const wants = wantedOfText(folded, english);
  // "Kế hoạch 04-KH/TU về việc gì?": the answer is what that document is about, nothing else.
  const asksSubject = /\bve (?:viec |van de |noi dung |linh vuc )?gi\b|\bnoi dung (?:gi|chinh)\b|\bwhat (?:is|was|are|were) (?:\w+ ){0,8}about\b|\babout what\b/.test(folded);
  return namesDocument && asksSubject ? ['subject', ...wants.filter((w) => w !== 'description')] : wants;
}

function wantedOfText(folded: string, english: boolean): Wanted[] {
  let wants = (english ? EN : VI).filter(([, pattern]) => pattern.test(folded)).map(([wanted]) => wanted);
  if (!english && !wants.includes('person') && NAMED_PERSON_VI.test(folded)) wants = ['person', ...wants];
  // "Which Ministry of Health official …" asks for a person, not the ministry; "who is responsible" for either.
  if (english && wants.includes('person') && !/\bresponsible\b/.test(folded)) wants = wants.filter((w) => w !== 'organization');
  // "Whose submission …?", "Tờ trình của ai?": a document's author is a body as often as a person, and written first.
  if (wants.includes('person') && asksWhoseDocument(folded, english)) wants = ['organization', ...wants.filter((w) => w !== 'organization')];
  // "Khi nào … hoàn thành?" is a deadline; "ngày nào" a day — the general "date" adds nothing then.
  const specific = wants.filter((w) => !(w === 'date' && (wants.includes('day') || wants.includes('deadline') || wants.includes('period') || wants.includes('time'))));
  // "gì" asks for a description only when no other kind of answer is asked for ("văn bản gì", "ai … làm gì").
  const others = specific.filter((w) => w !== 'description');
  return others.length > 0 && !/\b(?:noi dung|ve viec|ve van de|gom|bao gom)\b|\babout\b|\binclude\b/.test(folded) ? others : specific;
}
