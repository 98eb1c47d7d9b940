/**
 * English questions about Vietnamese articles: a glossary that adds the Vietnamese terms the
 * articles use, so full-text and vector search (both built on Vietnamese words) can match.
 */
const GLOSSARY: Array<[RegExp, string]> = [
  [/\bwho\b/i, 'ai'],
  [/\bpresent(?:ed|s|ing)?\b|\bintroduc(?:ed|es)\b/i, 'trình bày'],
  [/\brespond(?:ed|s)?\b|\brepl(?:ied|y)\b|\bexplain(?:ed|s)?\b/i, 'tiếp thu giải trình ý kiến'],
  [/\bcomments?\b|\bfeedback\b|\bopinions?\b/i, 'ý kiến góp ý'],
  [/\bdelegates?\b/i, 'đại biểu'],
  [/\bplans?\b/i, 'kế hoạch'],
  [/\baction (?:programme|program)s?\b/i, 'chương trình hành động'],
  [/\bwork (?:programme|program)s?\b/i, 'chương trình công tác'],
  [/\b(?:programme|program)s?\b/i, 'chương trình'],
  [/\bresolutions?\b/i, 'nghị quyết'],
  [/\bregulations?\b/i, 'quy định'],
  [/\bconclusions?\b/i, 'kết luận'],
  [/\bdirectives?\b/i, 'chỉ thị'],
  [/\bdeadlines?\b|\bdue\b|\bby when\b|\bcomplete[ds]?\b|\bfinish(?:ed)?\b/i, 'hạn hoàn thành trước ngày'],
  [/\bparty committee\b|\bcity party\b/i, 'Thành ủy'],
  [/\bstanding committee\b|\bstanding board\b/i, 'Ban Thường vụ'],
  [/\bvice[- ]chairm(?:a|e)n\b|\bdeputy chairm(?:a|e)n\b/i, 'Phó Chủ tịch UBND'],
  [/\bchairm(?:a|e)n\b/i, 'Chủ tịch'],
  [/\bdeputy secretar(?:y|ies)\b/i, 'Phó Bí thư'],
  [/\bsecretar(?:y|ies)\b/i, 'Bí thư'],
  [/\bpeople'?s committee\b/i, 'UBND Ủy ban nhân dân'],
  [/\bpeople'?s council\b/i, 'HĐND Hội đồng nhân dân'],
  [/\bpolitburo\b/i, 'Bộ Chính trị'],
  [/\bcentral committee\b|\bcentral\b/i, 'Trung ương'],
  [/\bplenum\b|\bplenary\b|\bconference\b|\bmeeting\b/i, 'hội nghị'],
  [/\bconfidence vote\b|\bvote of confidence\b/i, 'lấy phiếu tín nhiệm'],
  [/\bvot(?:e|ed|ing)\b/i, 'biểu quyết'],
  [/\bmid-?term\b/i, 'giữa nhiệm kỳ'],
  [/\bterm\b|\btenure\b/i, 'khóa nhiệm kỳ'],
  [/\bleadership\b|\bleaders?\b/i, 'lãnh đạo'],
  [/\bposts?\b|\bpositions?\b|\btitles?\b/i, 'chức danh chức vụ'],
  [/\bpolitical system\b/i, 'hệ thống chính trị'],
  [/\bpreliminary review\b|\breview\b/i, 'sơ kết'],
  [/\burban\b/i, 'đô thị'],
  [/\bplanning\b/i, 'quy hoạch'],
  [/\bsustainable\b/i, 'bền vững'],
  [/\bagricultur\w*\b|\bfarmers?\b|\brural\b/i, 'nông nghiệp nông dân nông thôn'],
  [/\bindustriali[sz]ation\b/i, 'công nghiệp hóa'],
  [/\bmodernization\b/i, 'hiện đại hóa'],
  [/\brule of law\b|\blaw-governed\b/i, 'Nhà nước pháp quyền'],
  [/\bdigital transformation\b/i, 'chuyển đổi số'],
  [/\bscience\b|\btechnology\b|\binnovation\b/i, 'khoa học công nghệ đổi mới sáng tạo'],
  [/\bhanoi\b|\bha noi\b/i, 'Hà Nội'],
  [/\bcity\b/i, 'thành phố'],
  [/\bprovince\b|\bprovincial\b/i, 'tỉnh'],
  [/\bdepartment\b/i, 'Sở'],
  [/\bhow many\b|\bnumber of\b/i, 'bao nhiêu'],
  [/\bwhen\b|\bwhat date\b/i, 'khi nào ngày'],
  [/\bissued\b|\bpromulgated\b/i, 'ban hành'],
  [/\bimplement(?:s|ed|ing|ation)?\b/i, 'thực hiện triển khai'],
  [/\bdraft\b/i, 'dự thảo'],
  [/\b(?:sixth|6th)\b/i, 'lần thứ sáu 6'],
  [/\b(?:fourth|4th)\b/i, 'Trung ương 4'],
  [/\b(?:eleventh|11th)\b/i, 'lần thứ mười một'],
  [/\b(?:thirteenth|13th)\b/i, 'khóa XIII'],
  [/\b(?:twelfth|12th)\b/i, 'khóa XII'],
  [/\b(?:seventeenth|17th)\b/i, 'khóa XVII'],
  [/\boutcome\b|\bresult\b/i, 'kết quả'],
  [/\bsign(?:ed|s)?\b/i, 'ký'],
];

const ENGLISH_WORDS = new Set(
  'the of and to in on for at by with which what who whom whose when where why how is are was were did does do has have had that this these those it its he she they his her their plan plans resolution presented meeting committee party city number deadline must should will'.split(
    ' ',
  ),
);

/** True when a question is written in English (ASCII Vietnamese without marks is not). */
export function isEnglish(question: string): boolean {
  if (/[\u00C0-\u1EF9]/.test(question.normalize('NFC'))) return false; // Vietnamese letters with marks
  const words = question.toLowerCase().match(/[a-z]+/g) ?? [];
  const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  return english >= 2 && english / words.length >= 0.2;
}

/** The Vietnamese terms an English question is about, to add to the search text. */
export function vietnameseTermsFor(question: string): string[] {
  return GLOSSARY.filter(([pattern]) => pattern.test(question)).map(([, terms]) => terms);
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
  return out;
}
