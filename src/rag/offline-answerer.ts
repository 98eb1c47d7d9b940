import type { Document } from '@langchain/core/documents';
import type { StoredDeadline, StoredDocumentMention, StoredPresentation } from '../store/fact-repository.js';
import type { Store } from '../store/index.js';
import type { ConversationFocus } from '../store/trace-repository.js';
import { formatVietnameseDate, isoDate } from '../text/dates.js';
import { foldForMatch, foldedWordsOf } from '../text/normalize.js';
import { sentenceSpans, type Span } from '../text/sentences.js';
import type { ArticleRecord } from '../store/article-repository.js';
import type { Claim, Evidence } from './answer.js';
import { coverageOf, satisfies, sentencesOf, TermWeights, trimToClauses } from './evidence.js';
import type { RetrievedPassageMetadata } from './retrieval/hybrid-retriever.js';
import type { AnalyzedQuestion, Wanted } from './question/analyze.js';

export interface Draft {
  found: boolean;
  claims: Claim[];
  focus: ConversationFocus;
  /** Why the answer was declined, for the trace. */
  reason?: string;
  /** Every strategy's proposal and how it fared, for the trace. */
  decision?: ProposalSummary[];
}

export interface ProposalSummary {
  strategy: string;
  coverage: number;
  total: number;
  anchored: boolean;
  unmet: string[];
  relevant: boolean;
  chosen: boolean;
  first: string;
}

/** Below this share of the question's weighted terms, a sentence does not answer it. */
export const SENTENCE_THRESHOLD = 0.42;
/** A fact found by the document or person the question names needs less word overlap. */
const FACT_THRESHOLD = 0.3;
const MAX_LIST = 20;

const declined = (reason: string): Draft => ({ found: false, claims: [], focus: { documents: [], persons: [] }, reason });

/** A strategy's proposal: the draft, how much of the question its evidence covers, and whether a named document or person anchors it. */
interface Candidate {
  strategy: string;
  draft: Draft;
  coverage: number;
  anchored: boolean;
  /** A fact of the kind the question asks for (a deadline for "phải hoàn thành khi nào?"): ranks higher, still must be relevant. */
  typed?: boolean;
  /** The question itself names this fact's subject (the task of a deadline): relevant even when other sentences share more words. */
  subjectMatch?: boolean;
}

/** Facts reached through the document or person a question names outrank word overlap alone. */
const ANCHOR_BONUS = 0.25;
/** An unanchored answer's evidence must cover at least this share of what the best retrieved sentence covers. */
const RELEVANCE_RATIO = 0.75;

/**
 * Scores a sentence by the question's word pairs it shares, each weighted by how rare it is
 * among the candidate sentences: common pairs ("hội nghị") say little, rare ones say which
 * sentence is meant. At most +0.3.
 */
function rarePhraseWeights(question: AnalyzedQuestion, sentences: string[]): (sentence: string) => number {
  const words = foldedWordsOf(question.searchText);
  const pairs = [...new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`))];
  const sentencePairs = sentences.map((sentence) => {
    const w = foldedWordsOf(sentence);
    return new Set(w.slice(1).map((word, i) => `${w[i]} ${word}`));
  });
  const n = sentences.length || 1;
  const weight = new Map(pairs.map((pair) => [pair, Math.log(1 + n / (1 + sentencePairs.filter((set) => set.has(pair)).length))]));
  const best = Math.max(1e-9, [...weight.values()].sort((a, b) => b - a).slice(0, 4).reduce((sum, x) => sum + x, 0));
  return (sentence) => {
    const w = foldedWordsOf(sentence);
    const own = new Set(w.slice(1).map((word, i) => `${w[i]} ${word}`));
    const gained = pairs.filter((pair) => own.has(pair)).reduce((sum, pair) => sum + weight.get(pair)!, 0);
    return 0.3 * Math.min(1, gained / best);
  };
}

/** Weighted share of a question's deadline subject found in a text. */
function subjectShare(subject: string[], text: string, weights: TermWeights): number {
  if (subject.length === 0) return 0;
  const words = new Set(foldedWordsOf(text));
  const total = subject.reduce((sum, w) => sum + weights.weight(w), 0) || 1;
  return subject.filter((w) => words.has(w)).reduce((sum, w) => sum + weights.weight(w), 0) / total;
}

/** Share of the question's weighted terms in the first claim's evidence: strategies compare on this, not on their own bonuses. */
function mainCoverage(question: AnalyzedQuestion, draft: Draft, weights: TermWeights): number {
  const main = draft.claims[0];
  if (!main) return 0;
  const sequence = foldedWordsOf(`${main.text} ${main.evidence.map((e) => e.quote).join(' ')}`);
  const words = new Set(sequence);
  const total = question.terms.reduce((sum, t) => sum + weights.weight(t), 0) || 1;
  const coverage = question.terms.filter((t) => words.has(t)).reduce((sum, t) => sum + weights.weight(t), 0) / total;
  // A long stretch of the question found word for word ("tổng hợp, xây dựng dự thảo báo cáo sơ kết") is strong evidence.
  const run = longestCommonRun(foldedWordsOf(question.searchText), sequence);
  return coverage + Math.min(0.3, 0.05 * Math.max(0, run - 3));
}

/** Length of the longest run of consecutive words two sequences share. */
function longestCommonRun(a: string[], b: string[]): number {
  let best = 0;
  const previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
      best = Math.max(best, previous[j]!);
      diagonal = above;
    }
  }
  return best;
}

/** Acts as written in articles: folding would make "ký" (sign) and "kỳ" (term) the same word. */
const ACT_FORMS: Record<string, string[]> = {
  'trinh bay': ['trình bày'],
  'tiep thu': ['tiếp thu', 'giải trình'],
  'giai trinh': ['giải trình', 'tiếp thu'],
  'bao cao': ['báo cáo'],
  'thay mat': ['thay mặt'],
  'tong hop': ['tổng hợp'],
  'ket luan': ['kết luận'],
  ky: ['ký', 'kí'],
};

/** True when the text shows one of the acts the question asks about (whole words, marks kept). */
function actMatches(questionActs: string[], text: string): boolean {
  const lower = text.normalize('NFC').toLowerCase();
  return questionActs.some((act) =>
    (ACT_FORMS[act] ?? [act]).some((form) => new RegExp(`(?<![\\p{L}])${form}(?![\\p{L}])`, 'u').test(lower)),
  );
}

function sameDay(question: AnalyzedQuestion, raw: string | null, iso: string | null): boolean | null {
  if (question.dates.length === 0 || (!raw && !iso)) return null;
  const rawDate = raw?.match(/(\d{1,2})\s*[/-]\s*(\d{1,2})/);
  const day = iso ? Number(iso.slice(8, 10)) : Number(rawDate?.[1]);
  const month = iso ? Number(iso.slice(5, 7)) : Number(rawDate?.[2]);
  return question.dates.some((d) => d.day === day && d.month === month);
}

const evidenceOfFact = (fact: StoredPresentation | StoredDeadline | StoredDocumentMention): Evidence => ({
  articleId: fact.articleId,
  chunkId: fact.chunkId,
  source: fact.source,
  title: fact.title,
  publishedDate: fact.publishedDate,
  quote: fact.quote,
  start: fact.start,
  end: fact.end,
});

/**
 * Answers from the store alone, no LLM: facts first (who presented what, what a document
 * is, what is due when), then the sentences of the retrieved passages that cover the
 * question best. Declines when the evidence is weak or lacks what the question asks for.
 */
export class OfflineAnswerer {
  /** Articles and their sentence spans, loaded once per answer (strategies look at the same few articles). */
  private readonly articles = new Map<string, { article: ArticleRecord; spans: Span[] } | null>();

  constructor(private readonly store: Store) {}

  private article(id: string): { article: ArticleRecord; spans: Span[] } | null {
    if (!this.articles.has(id)) {
      const article = this.store.articles.getArticle(id);
      this.articles.set(id, article ? { article, spans: sentenceSpans(article.text) } : null);
    }
    return this.articles.get(id)!;
  }

  answer(question: AnalyzedQuestion, passages: Document<RetrievedPassageMetadata>[]): Draft {
    this.articles.clear();
    const weights = new TermWeights(this.store.articles);
    weights.load(question.terms);
    const { facts } = this.store;

    const knownDocuments = question.documents.filter(
      (q) => facts.documentMentions(q).length > 0 || facts.presentationsByDocument(q).length > 0 || facts.deadlinesOfDocument(q).length > 0,
    );
    if (question.documents.length > 0 && knownDocuments.length === 0) return declined('the documents named are in no article');

    const list = this.deadlineList(question);
    if (list) return list;

    const proposals = [
      this.presentations(question, weights, passages),
      this.documentDescription(question, weights),
      this.deadline(question, weights, passages),
      this.sentences(question, weights, passages),
    ].filter((c): c is Candidate => c !== null && c.draft.found);
    // A question in parts ("ai trình bày … và kết quả biểu quyết ra sao?"): complete each proposal first.
    for (const proposal of proposals) {
      this.addUncovered(question, weights, proposal.draft.claims, proposal.draft.claims.flatMap((c) => c.evidence.map((e) => e.articleId)));
    }
    // The most relevant sentence retrieved, whatever it says: an answer must be about as relevant.
    const bestRelevance = Math.max(0, ...sentencesOf(passages.slice(0, 8)).map((e) => coverageOf(question, e.quote, weights).coverage));
    const judged = proposals.map((candidate) => ({
      candidate,
      total: mainCoverage(question, candidate.draft, weights) + (candidate.anchored || candidate.typed ? ANCHOR_BONUS : 0),
      unmet: this.unmetWants(question, candidate.draft.claims),
      relevant: candidate.anchored || candidate.subjectMatch === true || candidate.coverage >= bestRelevance * RELEVANCE_RATIO,
    }));
    const best = judged.filter((j) => j.unmet.length === 0 && j.relevant).sort((a, b) => b.total - a.total)[0];
    const decision: ProposalSummary[] = judged.map((j) => ({
      strategy: j.candidate.strategy,
      coverage: Number(j.candidate.coverage.toFixed(3)),
      total: Number(j.total.toFixed(3)),
      anchored: j.candidate.anchored,
      unmet: j.unmet,
      relevant: j.relevant,
      chosen: j === best,
      first: j.candidate.draft.claims[0]?.text.slice(0, 100) ?? '',
    }));
    if (!best) return { ...declined(`no evidence covers the question and what it asks for (best relevance ${bestRelevance.toFixed(2)})`), decision };
    return { ...best.candidate.draft, decision };
  }

  private unmetWants(question: AnalyzedQuestion, claims: Claim[]): Wanted[] {
    const text = claims.map((c) => `${c.text} ${c.evidence.map((e) => e.quote).join(' ')}`).join(' ');
    const unmet = question.wants.filter((wanted) => !satisfies(wanted, text));
    // "Who signed / presented …": the evidence must show that act.
    if ((question.wants.includes('person') || question.wants.includes('responsible')) && question.acts.length > 0 && !actMatches(question.acts, text)) {
      unmet.push('person');
    }
    return unmet;
  }

  /**
   * Every deadline in a range ("Những việc nào phải hoàn thành trước tháng 2/2021?"), or of a
   * plan when the question names no particular task ("Hạn chót của Kế hoạch 04-KH/TU?").
   */
  private deadlineList(question: AnalyzedQuestion): Draft | null {
    const ofPlan = question.wants.includes('deadline') && question.documents.length > 0 && question.deadlineSubject.length === 0;
    if (!ofPlan && (!question.isList || (!question.dueBy && !question.dueWithin))) return null;
    const deadlines = ofPlan
      ? question.documents.flatMap((q) => this.store.facts.deadlinesOfDocument(q))
      : question.dueBy
        ? this.store.facts.deadlinesDueBy(question.dueBy)
        : this.store.facts.deadlinesBetween(question.dueWithin!.from, question.dueWithin!.to);
    if (ofPlan && deadlines.length === 0) return null;
    if (deadlines.length === 0) return declined('no deadline in the range');
    const claims = deadlines.slice(0, MAX_LIST).map((d) => ({ text: this.deadlineText(d, question, true), evidence: [evidenceOfFact(d)] }));
    return { found: true, claims, focus: this.focusOfDeadlines(deadlines) };
  }

  private presentations(question: AnalyzedQuestion, weights: TermWeights, passages: Document<RetrievedPassageMetadata>[]): Candidate | null {
    const asksWho = question.wants.includes('person');
    const asksAboutSomethingElse = question.wants.some((w) => w === 'number' || w === 'result' || w === 'date' || w === 'responsible');
    const asksWhatPersonDid = question.persons.length > 0 && !asksWho && !asksAboutSomethingElse && (question.asksAct || question.acts.length > 0 || question.wants.includes('document'));
    if (!asksWho && !asksWhatPersonDid) return null;
    const { facts } = this.store;
    let candidates: StoredPresentation[];
    if (question.documents.length > 0) candidates = question.documents.flatMap((q) => facts.presentationsByDocument(q));
    else if (question.persons.length > 0) candidates = question.persons.flatMap((p) => facts.presentationsByPerson(p));
    else candidates = [...new Set(passages.map((p) => p.metadata.articleId))].flatMap((id) => facts.presentationsOfArticle(id));
    if (question.persons.length > 0 && question.documents.length > 0) {
      const persons = new Set(question.persons.map(foldForMatch));
      candidates = candidates.filter((c) => persons.has(foldForMatch(c.presenter)));
    }
    const unique = [...new Map(candidates.map((c) => [c.id, c])).values()];
    if (unique.length === 0) return null;

    const anchored = question.documents.length > 0 || question.persons.length > 0;
    const scored = unique
      .map((fact) => {
        const coverage = coverageOf(question, `${fact.act} ${fact.document} ${fact.titles.join(' ')} ${fact.quote}`, weights).coverage;
        let score = coverage;
        if (question.acts.length > 0) score += actMatches(question.acts, fact.act) ? 0.4 : -0.6;
        const day = sameDay(question, fact.eventDateRaw, fact.eventDate);
        if (day !== null) score += day ? 0.3 : -0.3;
        return { fact, score, coverage };
      })
      .sort((a, b) => b.score - a.score);
    const top = scored[0]!;
    if (top.score < (anchored ? FACT_THRESHOLD : SENTENCE_THRESHOLD) || top.coverage < (anchored ? FACT_THRESHOLD * 0.5 : SENTENCE_THRESHOLD)) return null;

    const chosen = asksWhatPersonDid || question.isList ? scored.filter((s) => s.score >= Math.max(top.score * 0.7, FACT_THRESHOLD)) : [top];
    // "Ai vừa trình bày … vừa tiếp thu …": the same person's other matching acts belong in the answer.
    if (asksWho && !question.isList) {
      const topDocuments = new Set([...top.fact.documentIds, ...top.fact.resolutions]);
      for (const other of scored.slice(1)) {
        const shares = [...other.fact.documentIds, ...other.fact.resolutions].some((id) => topDocuments.has(id));
        if (other.fact.presenter === top.fact.presenter && shares && other.score >= FACT_THRESHOLD && other.score >= top.score * 0.6) chosen.push(other);
      }
    }
    const claims: Claim[] = chosen.map(({ fact }) => {
      const evidence = [evidenceOfFact(fact)];
      // The meeting date is usually in the article's lead, not in the presenter's sentence: cite it too.
      const dateSentence = fact.eventDateRaw && !fact.quote.includes(fact.eventDateRaw) ? this.sentenceContaining(fact.articleId, fact.eventDateRaw) : null;
      if (dateSentence) evidence.push(dateSentence);
      return { text: this.presentationText(fact, question, Boolean(dateSentence) || fact.quote.includes(fact.eventDateRaw ?? '\u0000')), evidence };
    });
    const draft: Draft = {
      found: true,
      claims,
      focus: {
        documents: [...new Set(chosen.flatMap(({ fact }) => [...fact.documentIds, ...fact.resolutions]))],
        persons: [...new Set(chosen.map(({ fact }) => fact.presenter))],
      },
    };
    return { strategy: 'presentation', draft, coverage: top.coverage, anchored };
  }

  /** "Nghị quyết 28 ban hành ngày nào, về gì?", "Which plan was issued on 8 June 2021?" */
  private documentDescription(question: AnalyzedQuestion, weights: TermWeights): Candidate | null {
    const { facts } = this.store;
    let mentions: StoredDocumentMention[];
    if (question.documents.length > 0) {
      if (!question.wants.some((w) => w === 'date' || w === 'topic' || w === 'document') && question.wants.length > 0) return null;
      mentions = question.documents.flatMap((q) => facts.documentMentions(q));
    } else if (question.wants.includes('document') && question.dates.some((d) => d.year)) {
      mentions = question.dates.flatMap((d) => (d.year ? facts.documentsIssuedOn(isoDate(d.year, d.month, d.day) ?? '') : []));
    } else {
      return null;
    }
    if (mentions.length === 0) return null;
    const wantsDate = question.wants.includes('date');
    const ranked = mentions
      .map((mention) => {
        const clause = this.describingClause(mention);
        let score = coverageOf(question, clause.quote, weights).coverage;
        if (mention.issuedDate) score += wantsDate ? 0.4 : 0.1;
        if (/(?<![\p{L}])về(?![\p{L}])/u.test(clause.quote.slice(mention.label.length))) score += 0.1;
        return { mention, clause, score };
      })
      .sort((a, b) => b.score - a.score);
    const best = ranked[0]!;
    const lead = best.mention.issuedDate
      ? question.language === 'en'
        ? `${best.mention.label} was issued on ${formatVietnameseDate(best.mention.issuedDate)}`
        : `${best.mention.kind ? `${best.mention.kind} ` : ''}${best.mention.label} ban hành ngày ${formatVietnameseDate(best.mention.issuedDate)}`
      : null;
    const claims: Claim[] = [];
    if (lead) claims.push({ text: lead, evidence: [best.clause] });
    claims.push({ text: this.quoted(best.clause.quote, question), evidence: [best.clause] });
    const draft: Draft = { found: true, claims, focus: { documents: [best.mention.canonicalId], persons: [] } };
    return { strategy: 'document', draft, coverage: coverageOf(question, best.clause.quote, weights).coverage, anchored: true };
  }

  /** "… phải hoàn thành trước ngày nào?": the deadline whose task the question describes. */
  private deadline(question: AnalyzedQuestion, weights: TermWeights, passages: Document<RetrievedPassageMetadata>[]): Candidate | null {
    if (!question.wants.includes('date') && !question.wants.includes('responsible')) return null;
    const { facts } = this.store;
    let candidates: StoredDeadline[] = question.documents.flatMap((q) => facts.deadlinesOfDocument(q));
    if (candidates.length === 0) {
      const articles = [...new Set(passages.map((p) => p.metadata.articleId))];
      candidates = articles.flatMap((id) => facts.deadlinesOfArticle(id));
    }
    if (candidates.length === 0) return null;
    const questionWords = new Set(foldedWordsOf(question.text));
    const ranked = candidates
      .map((d) => {
        // The sentence before, in the same paragraph, often says who was given the task and what for.
        const own = coverageOf(question, `${d.task} ${d.responsible ?? ''} ${d.quote}`, weights).coverage;
        const withContext = coverageOf(question, `${d.task} ${d.responsible ?? ''} ${d.quote} ${this.previousSentence(d)}`, weights).coverage;
        // Context helps tell plans apart, but the task itself must carry the match.
        const coverage = own + 0.5 * (withContext - own);
        // "Các lớp do Ban Tuyên giáo Thành ủy tổ chức …": the question names who is responsible.
        const responsibleWords = d.responsible ? foldedWordsOf(d.responsible) : [];
        const namesResponsible = responsibleWords.length > 0 && responsibleWords.filter((w) => questionWords.has(w)).length / responsibleWords.length >= 0.7;
        // What the question says must be done ("các hội nghị do đảng ủy cơ sở tổ chức") must be this task.
        const subjectCoverage = subjectShare(question.deadlineSubject, `${d.task} ${d.responsible ?? ''}`, weights);
        return { deadline: d, coverage, subjectCoverage, score: coverage + 0.5 * subjectCoverage + (namesResponsible ? 0.3 : 0) };
      })
      .sort((a, b) => b.score - a.score);
    const best = ranked[0]!;
    if (best.coverage < SENTENCE_THRESHOLD) return null;
    const evidence = [evidenceOfFact(best.deadline)];
    const responsibleSpan = best.deadline.responsible && !best.deadline.quote.includes(best.deadline.responsible) ? this.sentenceWith(best.deadline, best.deadline.responsible) : null;
    if (responsibleSpan) evidence.unshift(responsibleSpan);
    const claims: Claim[] = [{ text: this.deadlineText(best.deadline, question, question.wants.includes('responsible') || question.wants.includes('person')), evidence }];
    const draft: Draft = { found: true, claims, focus: this.focusOfDeadlines([best.deadline]) };
    const typed = question.wants.includes('deadline') || (question.wants.includes('responsible') && best.deadline.responsible !== null);
    return { strategy: 'deadline', draft, coverage: best.coverage, anchored: question.documents.length > 0, typed, subjectMatch: best.subjectCoverage >= 0.7 };
  }

  /** The sentence before a fact's sentence, when both are in one paragraph. */
  private previousSentence(fact: StoredDeadline): string {
    const loaded = this.article(fact.articleId);
    if (!loaded) return '';
    const { article, spans } = loaded;
    const index = spans.findIndex((s) => s.start === fact.start);
    const previous = spans[index - 1];
    if (!previous || article.text.slice(previous.end, fact.start).includes('\n')) return '';
    return article.text.slice(previous.start, previous.end);
  }

  /** The sentences of the passages that cover the question best (two or three for a question in parts). */
  private sentences(question: AnalyzedQuestion, weights: TermWeights, passages: Document<RetrievedPassageMetadata>[]): Candidate | null {
    const sentences = sentencesOf(passages.slice(0, 8));
    const phraseWeight = rarePhraseWeights(question, sentences.map((e) => e.quote));
    const candidates = sentences.map((evidence) => {
      const { coverage, matched } = coverageOf(question, evidence.quote, weights);
      // A phrase of the question that few candidate sentences share ("chủ đề công tác") marks the one asked about.
      let score = coverage + phraseWeight(evidence.quote);
      for (const wanted of question.wants) if (!satisfies(wanted, evidence.quote)) score -= 0.25;
      // "Các hội nghị do đảng ủy cơ sở tổ chức … phải hoàn thành khi nào?": the sentence must be about that task.
      if (question.deadlineSubject.length > 0) score += 0.3 * subjectShare(question.deadlineSubject, evidence.quote, weights);
      // "bao nhiêu ý kiến" is answered by "73 ý kiến": a number right before what is counted.
      if (question.countNoun && new RegExp(`\\d+(?:[.,]\\d+)?%?\\s+${question.countNoun.split(' ')[0]}\\b`).test(foldForMatch(evidence.quote))) score += 0.2;
      return { evidence, coverage, matched, score };
    });
    candidates.sort((a, b) => b.score - a.score);
    // When the answer is a date, a deadline, a number or an outcome, the first sentence must hold one.
    const contentWants = question.wants.filter((w) => w === 'date' || w === 'deadline' || w === 'number' || w === 'result');
    const best = candidates.find((c) => contentWants.every((wanted) => satisfies(wanted, c.evidence.quote)));
    if (!best || best.coverage < SENTENCE_THRESHOLD || best.score < SENTENCE_THRESHOLD - 0.1) return null;

    const chosen = [best];
    const covered = new Set(best.matched);
    const remaining = () => question.terms.filter((t) => !covered.has(t)).reduce((sum, t) => sum + weights.weight(t), 0);
    const total = question.terms.reduce((sum, t) => sum + weights.weight(t), 0) || 1;
    for (const candidate of candidates.slice(1)) {
      if (chosen.length >= 3 || remaining() / total < 0.2) break;
      const gain = [...candidate.matched].filter((t) => !covered.has(t)).reduce((sum, t) => sum + weights.weight(t), 0);
      if (gain / total >= 0.15 && candidate.evidence.articleId === best.evidence.articleId && candidate.coverage >= SENTENCE_THRESHOLD * 0.6) {
        chosen.push(candidate);
        candidate.matched.forEach((t) => covered.add(t));
      }
    }
    // The best sentence leads; the ones that complete it follow in article order.
    const [lead, ...rest] = chosen;
    rest.sort((a, b) => (a.evidence.articleId === b.evidence.articleId ? a.evidence.start - b.evidence.start : 0));
    chosen.splice(0, chosen.length, lead!, ...rest);
    const claims = chosen.map((c) => {
      const evidence = trimToClauses(c.evidence, c.matched);
      return { text: this.quoted(evidence.quote, question), evidence: [evidence] };
    });
    const coverage = coverageOf(question, chosen.map((c) => c.evidence.quote).join(' '), weights).coverage;
    return { strategy: 'sentences', draft: { found: true, claims, focus: { documents: [], persons: [] } }, coverage, anchored: false };
  }

  /**
   * Adds the best sentence of the same articles for what the claims leave out: a part of the
   * question they do not cover, or a kind of answer they lack ("… và kết quả biểu quyết ra sao?").
   */
  private addUncovered(question: AnalyzedQuestion, weights: TermWeights, claims: Claim[], articleIds: string[]): void {
    const said = foldedWordsOf(claims.map((c) => `${c.text} ${c.evidence.map((e) => e.quote).join(' ')}`).join(' '));
    const present = new Set(said);
    const missing = question.terms.filter((t) => !present.has(t));
    const total = question.terms.reduce((sum, t) => sum + weights.weight(t), 0) || 1;
    const missingWeight = missing.reduce((sum, t) => sum + weights.weight(t), 0);
    const unmet = this.unmetWants(question, claims);
    if (missingWeight / total < 0.25 && unmet.length === 0) return;
    if (missingWeight === 0) return;
    const questionWords = foldedWordsOf(question.searchText);
    const questionPairs = new Set(questionWords.slice(1).map((w, i) => `${questionWords[i]} ${w}`));
    const cited = claims.flatMap((c) => c.evidence);
    let best: { evidence: Evidence; gain: number } | null = null;
    for (const articleId of new Set(articleIds)) {
      const loaded = this.article(articleId);
      if (!loaded) continue;
      const { article } = loaded;
      for (const span of loaded.spans) {
        const quote = article.text.slice(span.start, span.end);
        const sequence = foldedWordsOf(quote);
        const words = new Set(sequence);
        if (unmet.length > 0 && !unmet.every((wanted) => satisfies(wanted, quote))) continue;
        let gain = missing.filter((t) => words.has(t)).reduce((sum, t) => sum + weights.weight(t), 0);
        // Pairs of the question ("biểu quyết") and nearness to what is already cited break ties.
        const pairs = sequence.slice(1).filter((w, i) => questionPairs.has(`${sequence[i]} ${w}`)).length;
        gain *= 1 + 0.25 * Math.min(pairs, 4);
        if (cited.some((e) => e.articleId === articleId && Math.abs(span.start - e.end) < 300)) gain *= 1.5;
        if (!best || gain > best.gain) {
          best = { evidence: { articleId, chunkId: this.chunkAt(articleId, span.start), source: article.source, title: article.title, publishedDate: article.publishedDate, quote, start: span.start, end: span.end }, gain };
        }
      }
    }
    const enough = unmet.length > 0 ? best !== null && best.gain > 0 : best !== null && best.gain / missingWeight >= 0.5;
    if (best && enough && !claims.some((c) => c.evidence.some((e) => e.start === best!.evidence.start))) {
      claims.push({ text: this.quoted(best.evidence.quote, question), evidence: [best.evidence] });
    }
  }

  private chunkAt(articleId: string, offset: number): number | null {
    const row = this.store.db
      .prepare<[string, number, number], { id: number }>('SELECT id FROM chunks WHERE article_id = ? AND start <= ? AND end > ? ORDER BY position LIMIT 1')
      .get(articleId, offset, offset);
    return row?.id ?? null;
  }

  /** The clause that describes a document: from its mention to the end of the clause (";") or sentence. */
  private describingClause(mention: StoredDocumentMention): Evidence {
    const { article, spans } = this.article(mention.articleId)!;
    const sentence = spans.find((s) => s.start <= mention.start && mention.start < s.end) ?? { start: mention.start, end: mention.end };
    const from = article.text.lastIndexOf(';', article.text.lastIndexOf(mention.label, sentence.end)) + 1;
    const start = Math.max(sentence.start, from > sentence.start ? from : sentence.start);
    const semicolon = article.text.indexOf(';', mention.end);
    const end = semicolon > 0 && semicolon < sentence.end ? semicolon : sentence.end;
    const raw = article.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const quote = raw.trim();
    return { ...evidenceOfFact(mention), chunkId: this.chunkAt(mention.articleId, start + lead) ?? mention.chunkId, quote, start: start + lead, end: start + lead + quote.length };
  }

  /** The first sentence of an article that contains `text`, as evidence. */
  private sentenceContaining(articleId: string, text: string): Evidence | null {
    const loaded = this.article(articleId);
    if (!loaded) return null;
    const { article } = loaded;
    const span = loaded.spans.find((s) => article.text.slice(s.start, s.end).includes(text));
    if (!span) return null;
    const quote = article.text.slice(span.start, span.end);
    return { articleId, chunkId: this.chunkAt(articleId, span.start), source: article.source, title: article.title, publishedDate: article.publishedDate, quote, start: span.start, end: span.end };
  }

  /** The sentence of a fact's article that names `text` (who a deadline's task was given to). */
  private sentenceWith(fact: StoredDeadline, text: string): Evidence | null {
    const loaded = this.article(fact.articleId);
    if (!loaded) return null;
    const { article } = loaded;
    const spans = loaded.spans.filter((s) => s.end <= fact.start && article.text.slice(s.start, s.end).includes(text));
    const span = spans.at(-1);
    if (!span) return null;
    return { ...evidenceOfFact(fact), chunkId: this.chunkAt(fact.articleId, span.start), quote: article.text.slice(span.start, span.end), start: span.start, end: span.end };
  }

  private presentationText(fact: StoredPresentation, question: AnalyzedQuestion, withDate: boolean): string {
    const titles = fact.titles.length > 0 ? ` (${fact.titles.join(', ')})` : '';
    const when = withDate ? fact.eventDateRaw : null;
    if (question.language === 'en') {
      return `${fact.presenter}${titles} — ${fact.act}: ${fact.document}${when ? `; meeting: ${when}` : ''}`;
    }
    return `${when ? `${when}, ` : ''}${fact.presenter}${titles} ${fact.act} ${fact.document}`;
  }

  private deadlineText(deadline: StoredDeadline, question: AnalyzedQuestion, withResponsible: boolean): string {
    const who = withResponsible && deadline.responsible && !deadline.task.includes(deadline.responsible) ? deadline.responsible : null;
    if (question.language === 'en') return `${deadline.task} — due: ${deadline.phrase}${who ? ` (responsible: ${who})` : ''}`;
    return `${deadline.task}: ${deadline.phrase}${who ? ` (chủ trì/thực hiện: ${who})` : ''}`;
  }

  private quoted(quote: string, question: AnalyzedQuestion): string {
    return question.language === 'en' ? `The source says: “${quote}”` : quote;
  }

  private focusOfDeadlines(deadlines: StoredDeadline[]): ConversationFocus {
    return { documents: [...new Set(deadlines.flatMap((d) => (d.relatedDocument ? [d.relatedDocument] : [])))], persons: [] };
  }
}
