import { foldForMatch } from '../../text/normalize.js';

/**
 * Question words and function syllables, with their marks: folded, many of them are also
 * content words ("hội" of hội nghị is "hỏi", "Đảng" is "đang", "chỉ thị" is "chi").
 */
const NOT_CONTENT_MARKED = new Set(
  (
    'ai gì nào khi bao nhiêu mấy thế sao ra là có được của và các những về tại ở trong theo cho với để đến từ đã sẽ đang vào ' +
    'một này đó thì mà hay hoặc cũng như phải cần hỏi xin biết ông bà đồng chí người việc làm gồm từng vừa còn đâu không hãy nêu ' +
    'nói rằng đây kia ấy họ'
  ).split(' '),
);

/** Without marks only the unambiguous ones can go: the rest weigh little anyway, being frequent. */
export const NOT_CONTENT: ReadonlySet<string> = new Set(
  (
    'ai gi nao khi nhieu may sao la cua va cac nhung tai trong theo cho voi da se vao mot nay thi ma hay hoac cung nhu phai can xin biet ' +
    'gom tung vua con dau khong hay neu rang day kia ay ' +
    'the of and to in on for at by with which what who whom whose when where why how is are was were did does do has have had ' +
    'that this these those it its he she they his her their a an as from into about number according'
  ).split(' '),
);

/** The content words of a question, folded; function words are recognised with their marks when the question has them. */
export function contentWords(text: string): string[] {
  const marked = /[\u00C0-\u1EF9]/u.test(text);
  // Without marks, question phrases go whole first: "bao nhieu" must not leave "bao" (báo) behind.
  const plain = marked ? text : foldForMatch(text).replace(/\b(?:bao nhieu|bao gio|khi nao|o dau|nhu the nao|the nao|la gi|ra sao|la ai)\b/g, ' ');
  const words = plain.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept = marked ? words.filter((word) => !NOT_CONTENT_MARKED.has(word)) : words;
  return [...new Set(kept.map((word) => foldForMatch(word)))].filter((word) => (marked || !NOT_CONTENT.has(word)) && !/^[a-z]$/.test(word));
}
