import type { Store } from '../../store/index.js';
import { findDocumentMentions, matchesDocumentQuery, symbolKind, symbolOfKind } from '../../text/document-ids.js';
import { foldForMatch } from '../../text/normalize.js';
import { headerEnd, ownDocumentIds } from '../../text/official-header.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import type { Draft } from './draft.js';
import { evidenceOfFact } from './registers.js';


/** "… thực hiện kết luận nào?", "… triển khai nghị quyết nào?", "Which plan … ?": the kind of document asked for (folded). */
const KIND_ASKED = /\b(nghi quyet|chi thi|ket luan|chuong trinh(?: hanh dong)?|ke hoach|quyet dinh|huong dan|de an)\s+nao\b/;
const KIND_ASKED_EN = /\bwhich (?:[a-z-]+ ){0,2}?(resolution|directive|conclusion|plan|programme|program|decision)s?\b/;

/**
 * "Kế hoạch số 78-KH/TU thực hiện kết luận nào?": an official document says what it carries out
 * in its title, under its header ("KẾ HOẠCH / thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 …"),
 * before any sentence of its body names other documents. Null when no retrieved article is the
 * document the question names, or its header names none of the kind asked.
 */
export function implementedRegister(store: Store, question: AnalyzedQuestion, articleIds: string[]): Draft | null {
  const folded = foldForMatch(question.text);
  const kind = (question.language === 'en' ? folded.match(KIND_ASKED_EN) : folded.match(KIND_ASKED))?.[1];
  const symbol = kind ? symbolOfKind(kind) : undefined;
  if (question.wants[0] !== 'document' || question.documents.length === 0 || !symbol) return null;
  const named = (id: string) => question.documents.some((d) => matchesDocumentQuery(id, d));
  for (const articleId of articleIds) {
    const article = store.articles.getArticle(articleId);
    if (!article || !ownDocumentIds(article.text).some(named)) continue;
    const end = headerEnd(article.text);
    const carriedOut = store.facts
      .documentsOfArticle(articleId)
      .filter((m) => m.start < end && !named(m.canonicalId) && symbolKind(m.canonicalId) === symbol)
      .sort((a, b) => a.start - b.start);
    const first = carriedOut[0];
    if (!first) continue;
    const listed = question.isList ? [...new Map(carriedOut.map((m) => [m.canonicalId, m])).values()] : [first];
    return {
      found: true,
      // As the header writes it ("Kết luận số 21-KL/TW"), not as it is filed.
      claims: [{ text: listed.map((m) => findDocumentMentions(m.quote).find((x) => x.canonicalId === m.canonicalId)?.raw ?? m.label).join('; '), evidence: listed.map(evidenceOfFact) }],
      focus: { documents: listed.map((m) => m.canonicalId), persons: [] },
      probability: 1,
      decision: [{ strategy: 'implemented register', probability: 1, chosen: true, first: first.quote.slice(0, 100) }],
    };
  }
  return null;
}
