import { documentNumber, findDocumentMentions, symbolKind, type DocumentQuery } from '../../text/document-ids.js';
import { foldedWordsOf, foldForMatch } from '../../text/normalize.js';

/** A kind of document as a question names it, with the symbol its number carries. */
const KINDS: Array<[RegExp, string]> = [
  [/nghi quyet$/, 'NQ'],
  [/ke hoach$/, 'KH'],
  [/chi thi$/, 'CT'],
  [/ket luan$/, 'KL'],
  [/chuong trinh(?: hanh dong)?$/, 'CTR'],
  [/de an$/, 'DA'],
];

/** "… Nghị quyết về phát triển kinh tế tư nhân?" → ["NQ", "phat trien kinh te tu nhan"]. */
function askedTopic(question: string): { kind: string; topic: string } | null {
  const folded = foldForMatch(question);
  const match = folded.match(/\b(nghi quyet|ke hoach|chi thi|ket luan|chuong trinh(?: hanh dong)?|de an)(?: so)? ve ([^?,;.]+)/);
  if (!match) return null;
  const kind = KINDS.find(([pattern]) => pattern.test(match[1]!))?.[1];
  const topic = foldedWordsOf(match[2]!.replace(/\b(?:ai|nao|gi|khi nao|bao gio|la|do|duoc|cua|tai)\b.*$/, '')).join(' ');
  return kind && topic.split(' ').length >= 2 ? { kind, topic } : null;
}

/**
 * A question that names a document by its subject, not its number ("ai trình bày kế hoạch
 * thực hiện Nghị quyết về phát triển kinh tế tư nhân?"), names the one document of that kind
 * the articles describe with those words ("Nghị quyết số 68-NQ/TW … về phát triển kinh tế tư
 * nhân"). Null when none or several do.
 */
export function impliedDocument(question: string, articleTexts: () => string[]): DocumentQuery | null {
  const asked = askedTopic(question);
  if (!asked) return null; // most questions: no article is read
  const ids = new Set<string>();
  for (const text of articleTexts()) {
    const mentions = findDocumentMentions(text);
    mentions.forEach((mention, i) => {
      if (symbolKind(mention.canonicalId) !== asked.kind) return;
      // What the text says the document is about: up to the next document, the sentence's end or 250 characters.
      const stop = Math.min(mentions[i + 1]?.start ?? Infinity, mention.end + 250);
      const about = text.slice(mention.end, stop).split(/[.;\n]/)[0] ?? '';
      if (` ${foldedWordsOf(about).join(' ')} `.includes(` ${asked.topic} `)) ids.add(mention.canonicalId);
    });
  }
  if (ids.size !== 1) return null;
  const [id] = [...ids];
  return { canonicalId: id!, symbol: asked.kind, number: documentNumber(id!) };
}
