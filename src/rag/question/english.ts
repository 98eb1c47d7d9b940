/**
 * English questions about Vietnamese articles: a glossary of the Party and government
 * vocabulary that adds the Vietnamese terms articles use, so full-text search, vectors and
 * the answer's word overlap (all built on Vietnamese words) can match. Names need no
 * glossary: "Pham Minh Chinh" folds to the same words as "Phạm Minh Chính".
 */
/** Each English concept and the ways articles write it; "|" separates alternatives, any one of which is a match. */
const GLOSSARY: Array<[RegExp, string]> = [
  // people and offices
  [/\bdeputy prime minister\b/i, 'Phó Thủ tướng'],
  [/\bprime minister\b|\bpremier\b/i, 'Thủ tướng Chính phủ'],
  [/\bgeneral secretary\b|\bparty chief\b/i, 'Tổng Bí thư'],
  [/\bpresident\b|\bstate president\b/i, 'Chủ tịch nước'],
  [/\bvice[- ]chairm(?:a|e)n\b|\bdeputy chairm(?:a|e)n\b|\bvice[- ]chairwom(?:a|e)n\b/i, 'Phó Chủ tịch'],
  [/\bchairm(?:a|e)n\b|\bchairwom(?:a|e)n\b|\bchairperson\b/i, 'Chủ tịch'],
  [/\bpermanent deputy secretar(?:y|ies)\b|\bstanding deputy secretar(?:y|ies)\b/i, 'Phó Bí thư Thường trực'],
  [/\bdeputy (?:party )?secretar(?:y|ies)\b/i, 'Phó Bí thư'],
  [/\bparty secretar(?:y|ies)\b/i, 'Bí thư Thành ủy|Bí thư Tỉnh ủy'],
  [/\bsecretar(?:y|ies)\b/i, 'Bí thư'],
  [/\bdirector\b/i, 'Giám đốc'],
  [/\bminister\b/i, 'Bộ trưởng'],
  [/\bhead of\b|\bchief of\b/i, 'Trưởng ban'],
  [/\bformer\b|\bex-/i, 'nguyên'],
  [/\bofficials?\b|\bleaders?\b|\bleadership\b/i, 'đồng chí|lãnh đạo'],
  [/\bcadres?\b/i, 'cán bộ'],
  [/\bparty members?\b/i, 'đảng viên'],
  [/\bdelegates?\b|\bdelegation\b|\bdeputies\b/i, 'đại biểu'],
  [/\bpresidium\b/i, 'Đoàn Chủ tịch'],
  [/\bspeakers?\b|\blecturers?\b|\breporters?\b/i, 'báo cáo viên'],
  // bodies
  [/\bpolitburo\b|\bpolitical bureau\b/i, 'Bộ Chính trị'],
  [/\bsecretariat\b/i, 'Ban Bí thư'],
  [/\bcentral committee\b/i, 'Ban Chấp hành Trung ương'],
  [/\bexecutive (?:committee|board)\b|\bparty committee\b/i, 'Ban Chấp hành Đảng bộ'],
  [/\bstanding (?:committee|board)\b/i, 'Ban Thường vụ'],
  [/\bstanding (?:body|office)\b|\bstanding members?\b/i, 'Thường trực'],
  [/\bcity party\b|\bmunicipal party\b/i, 'Thành ủy'],
  [/\bprovincial party\b/i, 'Tỉnh ủy'],
  [/\bdistrict party\b/i, 'Huyện ủy|Quận ủy'],
  [/\bparty organi[sz]ations?\b|\bparty (?:cells?|chapters?)\b/i, 'tổ chức cơ sở đảng|chi bộ'],
  [/\bparty (?:units?|committees?) under\b|\baffiliated party\b|\bsubordinate party\b/i, 'đảng bộ trực thuộc'],
  [/\bparty building\b|\bbuild(?:ing)? the party\b/i, 'xây dựng Đảng'],
  [/\bparty\b/i, 'Đảng'],
  [/\bpeople'?s committee\b|\bcity government\b|\bprovincial government\b/i, 'UBND|Ủy ban nhân dân'],
  [/\bpeople'?s council\b/i, 'HĐND|Hội đồng nhân dân'],
  [/\bfatherland front\b/i, 'Mặt trận Tổ quốc'],
  [/\bnational assembly\b/i, 'Quốc hội'],
  [/\bgovernment\b/i, 'Chính phủ'],
  [/\bpropaganda (?:and \w+ )?(?:department|commission|board)\b|\bpropaganda\b/i, 'Ban Tuyên giáo'],
  [/\borgani[sz]ation (?:department|commission|board)\b|\bpersonnel\b/i, 'Ban Tổ chức|nhân sự'],
  [/\binspection commission\b/i, 'Ủy ban Kiểm tra'],
  [/\bministry of health\b|\bhealth ministry\b/i, 'Bộ Y tế'],
  [/\bministry of home affairs\b|\bhome affairs\b/i, 'Bộ Nội vụ'],
  [/\bministry\b|\bministerial\b/i, 'Bộ'],
  [/\bdepartment\b/i, 'Sở|Ban'],
  [/\bbloc\b|\bcentral agencies\b/i, 'Đảng ủy Khối các cơ quan'],
  [/\bcentral\b|\bnational\b|\bnationwide\b/i, 'Trung ương|toàn quốc'],
  [/\bmilitary\b|\bcommand\b/i, 'quân sự|Ban Chỉ huy'],
  [/\btheoretical council\b|\btheory council\b/i, 'Hội đồng Lý luận'],
  // documents and acts
  [/\bplans?\b/i, 'kế hoạch'],
  [/\baction (?:programme|program|plan)s?\b/i, 'chương trình hành động'],
  [/\bwork (?:programme|program)s?\b/i, 'chương trình công tác'],
  [/\b(?:programme|program)s?\b/i, 'chương trình'],
  [/\bresolutions?\b/i, 'nghị quyết'],
  [/\bregulations?\b/i, 'quy định'],
  [/\bconclusions?\b/i, 'kết luận'],
  [/\bdirectives?\b/i, 'chỉ thị'],
  [/\bdecisions?\b/i, 'quyết định'],
  [/\bschemes?\b|\bprojects?\b|\bproposals?\b/i, 'đề án'],
  [/\bguidelines?\b|\binstructions?\b/i, 'hướng dẫn'],
  [/\bsubmissions?\b/i, 'tờ trình'],
  [/\bpolitical report\b/i, 'Báo cáo chính trị'],
  [/\breports?\b/i, 'báo cáo'],
  [/\bdocuments?\b/i, 'văn bản|văn kiện'],
  [/\bdrafts?\b/i, 'dự thảo'],
  [/\bcapital law\b/i, 'Luật Thủ đô'],
  [/\brule of law\b|\blaw-governed\b/i, 'Nhà nước pháp quyền'],
  [/\blaw\b/i, 'Luật'],
  [/\bcapital\b/i, 'Thủ đô'],
  [/\bpresent(?:ed|s|ing)?\b|\bintroduc(?:ed|es)\b/i, 'trình bày'],
  [/\brespond(?:ed|s)?\b|\brepl(?:ied|y)\b|\bexplain(?:ed|s)?\b|\bincorporat\w*\b/i, 'tiếp thu|giải trình'],
  [/\bbrief(?:ed|s|ing)?\b|\bdisseminat\w*\b/i, 'quán triệt|phổ biến'],
  [/\bconvey(?:ed|s|ing)?\b|\bdeliver(?:ed|s|ing)?\b/i, 'truyền đạt|trình bày'],
  [/\bsign(?:ed|s|ing)?\b/i, 'ký|ký ban hành'],
  [/\bchair(?:ed|s|ing)?\b|\bpresid(?:ed|es|ing)\b/i, 'chủ trì'],
  [/\bopening (?:speech|remarks|address)\b/i, 'phát biểu khai mạc|diễn văn khai mạc'],
  [/\bclosing (?:speech|remarks|address)\b/i, 'diễn văn bế mạc|phát biểu bế mạc'],
  [/\bopen(?:ed|ing)?\b/i, 'khai mạc'],
  [/\bclos(?:ed|ing)\b/i, 'bế mạc'],
  [/\bspeech\b|\baddress(?:ed)?\b|\bspoke\b|\bremarks\b/i, 'phát biểu|diễn văn'],
  [/\bdirect(?:ed|ion|ions)?\b|\bguidance\b|\bsteer\w*\b/i, 'chỉ đạo'],
  [/\battend(?:ed|s|ing)?\b|\bpresent at\b/i, 'dự|tham dự'],
  [/\bquoted\b|\bsaid\b|\bstressed\b|\bemphasi[sz]ed\b/i, 'cho biết|nhấn mạnh'],
  [/\burg(?:ed|es|ing)\b|\brequested\b|\basked\b/i, 'yêu cầu|đề nghị'],
  [/\breport(?:ed|s|ing)?\b/i, 'báo cáo'],
  [/\bissu(?:ed|es|ing)\b|\bpromulgat\w*\b|\badopted\b/i, 'ban hành'],
  [/\bapprov(?:ed|al)\b|\bpassed\b|\bvoted\b/i, 'thông qua|biểu quyết'],
  [/\bimplement(?:s|ed|ing|ation)?\b|\bcarry(?:ing)? out\b|\bput into practice\b/i, 'thực hiện|triển khai'],
  [/\bconcreti[sz]\w*\b/i, 'cụ thể hóa'],
  [/\bstud(?:y|ying|ied)\b|\blearn(?:ing)?\b/i, 'học tập|nghiên cứu'],
  [/\bsummar(?:y|ize|ise|ising|izing)\b|\breview(?:ed|s|ing)?\b/i, 'tổng kết|sơ kết'],
  [/\bcomments?\b|\bfeedback\b|\bopinions?\b|\bcontributions?\b/i, 'ý kiến|góp ý'],
  [/\bproposals?\b|\brecommendations?\b|\bpetitions?\b/i, 'đề xuất|kiến nghị'],
  [/\bconfidence vote\b|\bvote of confidence\b/i, 'lấy phiếu tín nhiệm'],
  [/\bvot(?:e|ed|ing)\b|\bballots?\b/i, 'biểu quyết|phiếu'],
  [/\belect(?:ed|ion|ions)?\b/i, 'bầu cử'],
  [/\bpilot\b|\bmodel\b/i, 'điểm'],
  // meetings
  [/\bworking (?:session|visit|meeting)\b/i, 'buổi làm việc'],
  [/\bplenum\b|\bplenary\b|\bconference\b|\bmeeting\b|\bsession\b/i, 'hội nghị|phiên|kỳ họp'],
  [/\bpreparatory\b/i, 'trù bị'],
  [/\bcongress\b/i, 'Đại hội'],
  [/\bconnection points?\b|\bbridge points?\b|\bvenues?\b|\bonline points?\b/i, 'điểm cầu'],
  [/\bthematic\b|\btopics?\b|\bsubjects?\b/i, 'chuyên đề'],
  [/\bhall\b|\broom\b/i, 'hội trường|phòng họp'],
  [/\bheadquarters\b/i, 'trụ sở'],
  [/\bonline\b|\bvirtual\b/i, 'trực tuyến'],
  [/\bin person\b|\bdirect(?:ly)?\b/i, 'trực tiếp'],
  [/\bterm\b|\btenure\b/i, 'khóa|nhiệm kỳ'],
  [/\bmid-?term\b/i, 'giữa nhiệm kỳ'],
  [/\bquarter\b/i, 'quý'],
  [/\bperiod\b|\bstage\b|\bphase\b/i, 'giai đoạn'],
  [/\bvision\b/i, 'tầm nhìn'],
  // subjects
  [/\bstate(?:-owned)? (?:economy|sector|enterprises?)\b/i, 'kinh tế nhà nước'],
  [/\bsocio-?economic\b|\beconom(?:y|ic)\b/i, 'kinh tế - xã hội'],
  [/\bcultur(?:e|al)\b/i, 'văn hóa'],
  [/\btourism\b/i, 'du lịch'],
  [/\bdigital transformation\b/i, 'chuyển đổi số'],
  [/\bscience\b|\btechnology\b|\binnovation\b/i, 'khoa học|công nghệ|đổi mới sáng tạo'],
  [/\burban\b|\burbani[sz]ation\b/i, 'đô thị'],
  [/\binfrastructure\b/i, 'kết cấu hạ tầng'],
  [/\binvestment\b|\bcapital (?:for|of)\b|\bfunds?\b|\bfunding\b/i, 'vốn|đầu tư'],
  [/\bmobili[sz]\w*\b|\braise\b/i, 'huy động'],
  [/\bbudget\b/i, 'ngân sách'],
  [/\bplanning\b/i, 'quy hoạch'],
  [/\bsustainable\b/i, 'bền vững'],
  [/\bagricultur\w*\b|\bfarmers?\b|\brural\b/i, 'nông nghiệp|nông dân|nông thôn'],
  [/\bindustr(?:y|ial)\b|\bindustriali[sz]ation\b/i, 'công nghiệp hóa'],
  [/\bmoderni[sz]ation\b|\bmodern\b/i, 'hiện đại hóa'],
  [/\bpolitical system\b/i, 'hệ thống chính trị'],
  [/\bsocialism\b|\bsocialist\b/i, 'chủ nghĩa xã hội'],
  [/\bdefen[cs]e\b|\bsecurity\b/i, 'quốc phòng|an ninh'],
  [/\btargets?\b|\bgoals?\b|\bobjectives?\b|\baims?\b/i, 'mục tiêu|chỉ tiêu'],
  [/\btasks?\b|\bduties\b/i, 'nhiệm vụ'],
  [/\bsolutions?\b|\bmeasures?\b/i, 'giải pháp'],
  [/\brequirements?\b/i, 'yêu cầu'],
  [/\bcontents?\b|\bissues?\b|\bitems?\b/i, 'nội dung'],
  [/\bmost important\b|\bkey\b|\bcore\b/i, 'quan trọng nhất|trọng tâm'],
  [/\bachievements?\b|\bresults?\b|\boutcomes?\b/i, 'kết quả'],
  [/\bseriously\b|\bstrictly\b/i, 'nghiêm túc'],
  [/\bcit(?:y|ies)\b|\bmunicipal\b|\bmunicipality\b/i, 'thành phố'],
  [/\bprovinc(?:e|es|ial)\b/i, 'tỉnh'],
  [/\bdistricts?\b/i, 'huyện|quận'],
  [/\bwards?\b/i, 'phường'],
  [/\bcommunes?\b/i, 'xã'],
  [/\blocalit(?:y|ies)\b/i, 'địa phương'],
  [/\bmerg(?:er|ed|ing)\b/i, 'hợp nhất|sáp nhập'],
  [/\bhanoi\b/i, 'Hà Nội'],
  [/\bho chi minh city\b|\bhcmc\b|\bsaigon\b/i, 'TP Hồ Chí Minh'],
  [/\bvietnam(?:ese)?\b/i, 'Việt Nam'],
  // question words
  [/\bwho\b|\bwhom\b/i, 'ai'],
  [/\bhow many\b|\bnumber of\b|\bhow much\b/i, 'bao nhiêu'],
  [/\bpercent(?:age)?\b|\bshare\b|\bproportion\b|\brate\b/i, 'tỷ lệ'],
  [/\bwhen\b|\bwhat date\b|\bon what day\b/i, 'khi nào|ngày'],
  [/\bwhere\b/i, 'ở đâu|tại'],
  [/\bdeadlines?\b|\bdue\b|\bby when\b|\bby what date\b/i, 'hạn|hoàn thành|trước ngày'],
  [/\bcomplet(?:e|ed|es|ion)\b|\bfinish(?:ed)?\b/i, 'hoàn thành'],
];

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const VIETNAMESE_NUMBERS = ['một', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai', 'mười ba', 'mười bốn', 'mười lăm', 'mười sáu', 'mười bảy', 'mười tám', 'mười chín', 'hai mươi'];

/** 17 → "XVII": congresses and terms are numbered in Roman numerals ("khóa XVII", "Đại hội XIII"). */
export function romanNumeral(n: number): string {
  const table: Array<[number, string]> = [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of table) while (n >= value) (out += letters), (n -= value);
  return out;
}

/** "seventh", "17th", "21st" → "lần thứ 7 bảy VII": the ways articles write the ordinal of a meeting, term or congress. */
function ordinalTerms(question: string): string[] {
  const out: string[] = [];
  for (const m of question.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)\b|\b([a-z]+)\b/gi)) {
    const n = m[1] ? Number(m[1]) : ORDINAL_WORDS.indexOf(m[2]!.toLowerCase()) + 1;
    if (n < 1 || n > 60) continue;
    out.push(`lần thứ ${n}|${romanNumeral(n)}${n <= VIETNAMESE_NUMBERS.length ? `|thứ ${VIETNAMESE_NUMBERS[n - 1]}` : ''}`);
  }
  return out;
}

const ENGLISH_WORDS = new Set(
  (
    'the of and to in on for at by with which what who whom whose when where why how is are was were did does do has have had that this these those it its he she they his her their ' +
    'plan plans resolution resolutions presented meeting committee party city number deadline must should will according about from into under during after before ' +
    'province provincial congress conference session official chaired signed spoke attended session first second third date many much'
  ).split(' '),
);

/** True when a question is written in English; Vietnamese without marks is not, and a Vietnamese name or outlet inside an English question does not make it Vietnamese. */
export function isEnglish(question: string): boolean {
  const words = question.normalize('NFC').toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const plain = words.filter((word) => /^[a-z]+$/.test(word));
  const english = plain.filter((word) => ENGLISH_WORDS.has(word)).length;
  return english >= 2 && english / words.length >= 0.2;
}

interface GlossaryHit {
  alternatives: string[];
  /** A title written before a name ("Prime Minister Pham Minh Chinh") describes that person; it is not asked for. */
  beforeName: boolean;
}

/**
 * The glossary concepts an English question names, most specific first: each match takes its
 * words, so "Prime Minister" is not also a "minister", nor "working session" a "session".
 */
function glossaryHits(question: string): { hits: GlossaryHit[]; residue: string } {
  let rest = question;
  const hits: GlossaryHit[] = [];
  for (const [pattern, terms] of GLOSSARY) {
    const match = rest.match(pattern);
    if (!match) continue;
    const end = match.index! + match[0].length;
    hits.push({ alternatives: terms.split('|'), beforeName: /^\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3}\b/.test(rest.slice(end)) });
    rest = `${rest.slice(0, match.index)}${' '.repeat(match[0].length)}${rest.slice(end)}`;
  }
  return { hits, residue: rest };
}

/** The Vietnamese phrasings of the concepts an English question names, each a list of alternatives ("tổng kết|sơ kết"). */
export function vietnameseConceptsFor(question: string): string[][] {
  return [...glossaryHits(question).hits.map((hit) => hit.alternatives), ...ordinalTerms(question).map((t) => t.split('|'))];
}

/** The glossary's Vietnamese titles an English question asks about ("Which deputy chairman …"), not those before a name. */
export function askedTitlesFor(question: string): string[] {
  return glossaryHits(question).hits.filter((hit) => !hit.beforeName).flatMap((hit) => hit.alternatives);
}

/** What the glossary leaves of an English question: names and numbers the articles write as the question does. */
export function englishResidue(question: string): string {
  return glossaryHits(question).residue;
}

/** The Vietnamese terms an English question is about, to add to the search text. */
export function vietnameseTermsFor(question: string): string[] {
  return vietnameseConceptsFor(question).map((alternatives) => alternatives.join(' '));
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "8 June 2021", "June 8, 2021", "6 December" → "8/6/2021", "6/12": dates written the Vietnamese way. */
export function englishDatesToVietnamese(question: string): string[] {
  const out: string[] = [];
  const month = `(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?`;
  for (const m of question.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${month}(?:,?\\s+(\\d{4}))?`, 'gi'))) {
    const index = MONTHS.findIndex((name) => name.startsWith(m[2]!.toLowerCase().slice(0, 3))) + 1;
    out.push(m[3] ? `${Number(m[1])}/${index}/${m[3]}` : `${Number(m[1])}/${index}`);
  }
  for (const m of question.matchAll(new RegExp(`\\b${month}\\s+(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`, 'gi'))) {
    const index = MONTHS.findIndex((name) => name.startsWith(m[1]!.toLowerCase().slice(0, 3))) + 1;
    out.push(m[3] ? `${Number(m[2])}/${index}/${m[3]}` : `${Number(m[2])}/${index}`);
  }
  for (const m of question.matchAll(new RegExp(`\\b${month}\\s+(\\d{4})\\b`, 'gi'))) {
    const index = MONTHS.findIndex((name) => name.startsWith(m[1]!.toLowerCase().slice(0, 3))) + 1;
    out.push(`tháng ${index}/${m[2]}`);
  }
  return out;
}
