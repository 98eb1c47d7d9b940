import type { Store } from '../../store/index.js';
import { findDocumentMentions, matchesDocumentQuery, parseDocumentQuery } from '../../text/document-ids.js';
import { foldForMatch } from '../../text/normalize.js';
import { headerEnd, ownDocumentIds } from '../../text/official-header.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import { asksIssuing, namesWhatItImplements } from '../question/issuing.js';
import type { Draft } from './draft.js';
import { evidenceOfFact } from './registers.js';

/** The date as the header writes it: "ngày 04 tháng 9 năm 2024", "04/9/2024". */
const WRITTEN_DATE = /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4}/u;


/**
 * "Kế hoạch số 87/KH-UBND ban hành ngày nào?", "Kế hoạch triển khai Nghị quyết 29 … ban hành
 * ngày nào?", "… ban hành kế hoạch số mấy để thực hiện Kết luận 21?": an official document
 * answers with its own header ("Số: 87/KH-UBND, Hà Nam, ngày 04 tháng 9 năm 2024") — the
 * document the question names, or the one among the retrieved articles whose title says it
 * carries out the document named.
 */
export function issueDateRegister(store: Store, question: AnalyzedQuestion, articleIds: string[]): Draft | null {
  const folded = foldForMatch(question.text);
  const primary = question.wants[0];
  const implementing = namesWhatItImplements(folded);
  const asksDate = (primary === 'day' || primary === 'date') && asksIssuing(folded);
  const asksNumber = primary === 'docnumber' && implementing;
  if ((!asksDate && !asksNumber) || question.documents.length === 0) return null;
  const named = (id: string) => question.documents.some((d) => matchesDocumentQuery(id, d));
  for (const articleId of articleIds) {
    const article = store.articles.getArticle(articleId);
    if (!article) continue;
    const own = ownDocumentIds(article.text);
    const carriedOut = findDocumentMentions(`${article.title}\n${article.text.slice(0, headerEnd(article.text))}`);
    const about = implementing ? carriedOut.some((m) => named(m.canonicalId)) && !own.some(named) : own.some(named);
    if (own.length === 0 || !about) continue;
    const header = parseDocumentQuery(own[0]!)
      .flatMap((query) => store.facts.documentMentions(query))
      .find((m) => m.articleId === articleId && m.issuedDate && /^Số\s*:?/u.test(m.quote));
    const written = header?.quote.match(WRITTEN_DATE)?.[0];
    if (!header || !written) continue;
    // "… có số hiệu nào, ban hành ngày nào?": its number too (or alone), as the header writes it.
    const number = question.wants.includes('docnumber') ? findDocumentMentions(header.quote)[0]?.raw : undefined;
    const wantsDate = question.wants.some((w) => w === 'day' || w === 'date');
    const text = number && wantsDate ? `${number}; ${written}` : (number ?? written);
    return {
      found: true,
      claims: [{ text, evidence: [evidenceOfFact(header)] }],
      focus: { documents: own, persons: [] },
      probability: 1,
      decision: [{ strategy: 'issue date register', probability: 1, chosen: true, first: header.quote.slice(0, 100) }],
    };
  }
  return null;
}
