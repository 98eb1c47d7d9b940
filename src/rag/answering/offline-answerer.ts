import type { Document } from '@langchain/core/documents';
import type { StoredPresentation } from '../../store/fact-repository.js';
import type { Store } from '../../store/index.js';
import { findDocumentMentions, matchesDocumentQuery } from '../../text/document-ids.js';
import { foldForMatch, foldedWordsOf } from '../../text/normalize.js';
import { personNamesIn } from '../../text/person-names.js';
import { provincesIn } from '../../text/places.js';
import { collectCandidates, type Candidate } from '../candidates/collect.js';
import { FEATURES, QuestionFeatures, type FeatureVector } from '../candidates/features.js';
import { askedTitleCount } from '../candidates/person-titles.js';
import { TermWeights } from '../candidates/term-weights.js';
import { bigrams, isFigureOf } from '../candidates/text-measures.js';
import { spansAnswering } from '../candidates/typed-spans.js';
import { showsAct, withFamilies, type Act } from '../question/acts.js';
import type { AnalyzedQuestion, QuestionPart, Wanted } from '../question/analyze.js';
import { impliedDocument } from '../question/implied-document.js';
import { asksWhichPerson } from '../question/wanted.js';
import { shareSubjectOf } from '../question/share-subject.js';
import type { RetrievedPassageMetadata } from '../retrieval/hybrid-retriever.js';
import { composeClaims } from './compose.js';
import { declined, type DecisionEntry, type Draft } from './draft.js';
import { speaksOfAnotherDocument } from './document-scope.js';
import { implementedRegister } from './implemented-register.js';
import { issueDateRegister } from './issue-date-register.js';
import { DEFAULT_MODEL, type AnswerModel } from './model.js';
import { deadlineRegister, implementingRegister, meetingRegister, personRegister } from './registers.js';
import { taskRegister } from './task-register.js';
import { disjoint, presentationText, shortAnswer } from './short-answer.js';

export interface ScoredCandidate {
  candidate: Candidate;
  features: FeatureVector;
  probability: number;
}

/** True when a sentence holds a figure of what is counted (money in its units: "bao nhiêu vốn" → "10.950 tỷ đồng"). */
function countsOf(candidate: Candidate, noun: string): boolean {
  return candidate.spans.some((s) => s.type === 'number' && isFigureOf(s, noun));
}

/** The years a question asks about: "năm 2025", "in 2025". */
function yearsIn(question: string): number[] {
  return [...foldForMatch(question).matchAll(/\b(?:nam|in|year)\s+((?:19|20)\d{2})\b/g)].map((m) => Number(m[1]));
}

const YEAR_OR_PERIOD = /(?<![\d.,])((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?(?![\d.,]\d)/g;

function namesYear(text: string): boolean {
  return [...text.matchAll(YEAR_OR_PERIOD)].length > 0;
}

/** A text that names years, none of them (nor a period holding them) the ones asked about. */
function aboutOtherYears(text: string, asked: number[]): boolean {
  const periods = [...text.matchAll(YEAR_OR_PERIOD)].map((m) => [Number(m[1]), Number(m[2] ?? m[1])] as const);
  return periods.length > 0 && !asked.some((year) => periods.some(([from, to]) => from <= year && year <= to));
}

/** Kinds of answer a list question may want several of, each a span of one sentence. */
const LISTED_KINDS: ReadonlySet<Wanted> = new Set(['document', 'organization', 'place', 'region']);

/** The article's opening names a province and none of `places`, nor does the article anywhere. */
function setElsewhere(c: Candidate, places: string[]): boolean {
  const opening = provincesIn(c.article.lead);
  return opening.length > 0 && !opening.some((place) => places.includes(place)) && !provincesIn(`${c.article.title} ${c.article.text}`).some((place) => places.includes(place));
}

const MEETING_ACTS: ReadonlySet<Act> = new Set(['chair', 'open', 'close', 'attend', 'speak', 'direct', 'summarize']);

/** At most this many sentences beside the best one, when they answer a part of the question it leaves out. */
const MAX_EXTRA_SENTENCES = 2;
/** A sentence that completes the answer must be at least this likely, relative to the best. */
const EXTRA_RELATIVE = 0.5;
/** …and bring this share of the question's weighted words that the best sentence lacks. */
const EXTRA_GAIN = 0.2;

/**
 * Answers from the store alone, no LLM. Register questions (every deadline of a plan or a
 * month) are looked up in the facts; every other question is answered by the candidate
 * sentence the fitted model finds likeliest to hold the answer, declined when none is likely
 * enough, and written as the short answer first, then the sentence it comes from.
 */
export class OfflineAnswerer {
  constructor(
    private readonly store: Store,
    private readonly model: AnswerModel = DEFAULT_MODEL,
  ) {}

  /** Every candidate sentence with its features and probability, best first (also what the model is fitted on). */
  score(question: AnalyzedQuestion, passages: Document<RetrievedPassageMetadata>[]): { scored: ScoredCandidate[]; features: QuestionFeatures } {
    const candidates = collectCandidates(this.store, question, passages);
    const features = new QuestionFeatures(question, new TermWeights(this.store.articles, new Set(question.ownWords)), candidates);
    const scored = candidates.map((candidate) => {
      const previous = candidate.article.sentences[candidate.index - 1];
      const sameParagraph = previous && !candidate.article.text.slice(previous.end, candidate.start).includes('\n');
      const vector = features.of(candidate, sameParagraph ? candidate.article.text.slice(previous.start, previous.end) : '');
      return { candidate, features: vector, probability: this.model.probability(vector) };
    });
    return { scored: scored.sort((a, b) => b.probability - a.probability), features };
  }

  answer(asked: AnalyzedQuestion, passages: Document<RetrievedPassageMetadata>[]): Draft {
    const { facts } = this.store;
    // "… Nghị quyết về phát triển kinh tế tư nhân?": the document the articles describe so, as if named by number.
    const implied = asked.documents.length === 0 ? impliedDocument(asked.text, () => [...new Set(passages.map((p) => p.metadata.articleId))].map((id) => this.store.articles.getArticle(id)?.text ?? '')) : null;
    const question = implied ? { ...asked, documents: [implied] } : asked;
    // A document named by its full number ("45-NQ/TW") that no article mentions: nothing to answer from. A kind and a
    // number alone ("Nghị quyết 4") may be written otherwise ("Nghị quyết Trung ương 4"): the model weighs that.
    const numbered = question.documents.filter((q) => q.canonicalId);
    const known = numbered.filter((q) => facts.documentMentions(q).length > 0 || facts.presentationsByDocument(q).length > 0 || facts.deadlinesOfDocument(q).length > 0);
    if (numbered.length > 0 && known.length === 0) return declined('the documents named are in no article');
    const describe = (fact: StoredPresentation) => presentationText(fact, question);
    const articleIds = [...new Set(passages.slice(0, 3).map((p) => p.metadata.articleId))];
    const register =
      deadlineRegister(this.store, question) ??
      personRegister(this.store, question, describe) ??
      meetingRegister(this.store, question, articleIds, describe) ??
      issueDateRegister(this.store, question, articleIds) ??
      implementedRegister(this.store, question, articleIds) ??
      taskRegister(this.store, question) ??
      implementingRegister(this.store, question, describe);
    if (register) return register;

    const { scored, features } = this.score(question, passages);
    const decision = scored.slice(0, 5).map((s, i): DecisionEntry => ({
      strategy: 'sentence',
      probability: Number(s.probability.toFixed(3)),
      chosen: false,
      first: s.candidate.text.slice(0, 100),
      features: i === 0 ? Object.fromEntries(FEATURES.map((name) => [name, Number(s.features[name].toFixed(3))])) : undefined,
    }));
    // The likeliest sentence that can answer at all: it holds the kind of answer asked for and shows the act asked about.
    const best = scored.find((s) => this.lacks(question, [s.candidate]) === null);
    if (!best) return declined(scored[0] ? (this.lacks(question, [scored[0].candidate]) ?? 'no sentence can answer') : 'no candidate sentence', decision, 0);
    if (best.probability < this.model.threshold) {
      return declined(`no sentence is likely enough to answer (best ${best.probability.toFixed(2)} < ${this.model.threshold.toFixed(2)})`, decision, best.probability);
    }
    const chosenEntry = decision.find((d, i) => scored[i] === best);
    if (chosenEntry) chosenEntry.chosen = true;
    const chosen = [best.candidate, ...this.completing(question, best, scored, features)];
    const claims = composeClaims(question, chosen, shortAnswer(question, chosen), (text) => features.matched(text));
    const cited = chosen.map((c) => c.text).join(' ');
    return {
      found: true,
      claims,
      focus: { documents: [...new Set(findDocumentMentions(cited).map((m) => m.canonicalId))], persons: [...new Set(personNamesIn(cited))].slice(0, 3) },
      probability: best.probability,
      decision,
    };
  }

  /**
   * Why sentences cannot answer, however likely the model finds them: they hold
   * nothing of the kind the question asks for first (no date for "ngày nào", no figure for
   * "bao nhiêu"), or no sign of the act it asks about ("ai ký …" with no "ký"). Null when they can.
   */
  private lacks(question: AnalyzedQuestion, chosen: Candidate[]): string | null {
    const primary = question.wants.find((w) => w !== 'description' && w !== 'kind');
    // "Ai chịu trách nhiệm …?" may be answered by a body as well as by a person; "Thứ trưởng nào …?" only by a person.
    const onlyPerson = asksWhichPerson(foldForMatch(question.text), question.language === 'en');
    const accepted = primary === 'person' ? (onlyPerson ? (['person'] as const) : (['person', 'organization'] as const)) : primary ? [primary] : [];
    if (primary && !chosen.some((c) => accepted.some((wanted) => spansAnswering(wanted, c, question).length > 0))) return `the evidence holds no ${primary}`;
    // "Bao nhiêu tỷ đồng?" is not answered by "4 nội dung": a figure of what the question counts, or nothing.
    const nouns = [question.countNoun, ...question.parts.map((p) => p.countNoun)].filter((n): n is string => Boolean(n));
    if (primary === 'number' && nouns.length > 0 && !chosen.some((c) => nouns.some((noun) => countsOf(c, noun)))) return `the evidence holds no figure of ${nouns[0]}`;
    // "… bao nhiêu phần trăm đại biểu tán thành?" is not answered by a growth target of "8%".
    // Its head noun ("đại biểu", "dự án") must be there: a share of the budget is no share of projects.
    const shareHead = (primary === 'number' ? shareSubjectOf(question.text) : []).slice(0, 2).join(' ');
    if (shareHead && !chosen.some((c) => ` ${foldedWordsOf(c.text).join(' ')} `.includes(` ${shareHead} `))) return `the evidence gives a share of something else than ${shareHead}`;
    // "Chủ tịch UBND tỉnh là ai?" asks for whoever holds that title: not their deputy, nor someone signing for them.
    const holds = (c: Candidate) => spansAnswering('person', c, question).some((span) => askedTitleCount(question, c.text, span) > 0);
    if (primary === 'person' && question.acts.every((act) => act === 'attend') && question.titles.length > 0 && !chosen.some(holds)) return `no one in the evidence holds the title asked about (${question.titles[0]})`;
    // "… năm 2025 là bao nhiêu?" is not answered by the figure of a sentence about 2024 alone.
    const years = yearsIn(question.text);
    // A sentence naming no year is of the year its article's lead names ("… 10 tháng năm 2024 …").
    const ofOtherYears = (c: Candidate) => aboutOtherYears(c.text, years) || (!namesYear(c.text) && aboutOtherYears(c.article.lead, years));
    if (primary === 'number' && years.length > 0 && chosen.every(ofOtherYears)) return `the evidence gives figures of other years than ${years.join(', ')}`;
    // "… hội nghị của Thành ủy Cần Thơ?" is not answered from an article whose opening sets it in Lào Cai and that never
    // names Cần Thơ. (Only the opening: an article names other provinces in passing, and may name its own nowhere.)
    if (question.places.length > 0 && chosen.every((c) => setElsewhere(c, question.places))) return `the evidence is about another place than ${question.places.join(', ')}`;
    // "Kế hoạch 8215 … báo cáo trước ngày nào?" is not answered by the next plan's sentence of the same article.
    // Who chaired or spoke names the meeting by its documents ("hội nghị quán triệt Nghị quyết 66"): that is no fact of a document.
    const ofMeeting = question.acts.some((act) => MEETING_ACTS.has(act));
    const signing = question.acts.some((act) => act === 'sign' || act === 'issue');
    if (question.documents.length > 0 && !ofMeeting && chosen.every((c) => speaksOfAnotherDocument(c, question.documents, { signing }))) return 'the evidence is about another document';
    // "Ai ký …?", "… được ký ngày nào?": the person or the day of that act, so the act must be there.
    const asksWhoOrWhen = primary === 'person' || primary === 'day' || primary === 'date';
    // Attending is written in too many ways ("có đồng chí …", "về phía …"); presenting a topic in several ("trình bày", "thông tin", "truyền đạt").
    const acts = withFamilies(question.acts.filter((act) => act !== 'attend'));
    // An official document's own header (number, place and date) is where its signing or issuing is written.
    const ownHeader = (c: Candidate) =>
      acts.every((act) => act === 'sign' || act === 'issue') && (c.headerOf ?? []).some((id) => question.documents.length === 0 || question.documents.some((d) => matchesDocumentQuery(id, d)));
    if (asksWhoOrWhen && acts.length > 0 && !chosen.some((c) => showsAct(acts, c.text) || ownHeader(c) || c.presentations.some((f) => showsAct(acts, f.act)))) {
      return `the evidence does not show the act asked about (${question.acts.join(', ')})`;
    }
    return null;
  }

  /**
   * Sentences of the same article that complete the best one: for each part of the question
   * ("… diễn ra những ngày nào, phiên chính thức khai mạc hôm nào?") the best does not answer,
   * the likeliest sentence that does; then any sentence bringing a good share of the question
   * it leaves out. In article order, after the best.
   */
  private completing(question: AnalyzedQuestion, best: ScoredCandidate, scored: ScoredCandidate[], features: QuestionFeatures): Candidate[] {
    // A sentence about another document than the one asked completes nothing ("Cùng ngày, … ký Kế hoạch số 52 …").
    const ofArticle = scored.filter(
      (s) => s !== best && s.candidate.article.id === best.candidate.article.id && !(question.documents.length > 0 && speaksOfAnotherDocument(s.candidate, question.documents)),
    );
    const sameArticle = ofArticle.filter((s) => s.probability >= best.probability * EXTRA_RELATIVE);
    const extra: Candidate[] = [];
    // A part that counts something is answered by a figure of that ("bao nhiêu hội nghị" by "21 hội nghị", not "1 nội dung").
    const answers = (c: Candidate, part: QuestionPart) =>
      part.wants.every((wanted) => wanted === 'description' || (wanted === 'number' && part.countNoun ? countsOf(c, part.countNoun) : spansAnswering(wanted, c, question).length > 0));
    // A part is about the words next to its question word ("mục tiêu tổng quát đến năm nào"), more than about the event it shares with the others.
    const share = (c: Candidate, words: string[]) => {
      if (words.length === 0) return 1;
      const present = new Set(foldedWordsOf(c.text));
      return features.weights.sum(words.filter((t) => present.has(t))) / (features.weights.sum(words) || 1);
    };
    // "Chương trình … thực hiện Nghị quyết 70 mang số hiệu gì …?": the words next to "số hiệu" say nothing; a sentence
    // naming the resolution with a programme's number ("Chương trình hành động số 15-CTr/ĐU thực hiện Nghị quyết số 70") does.
    const namesAsked = (c: Candidate) => findDocumentMentions(c.text).some((m) => question.documents.some((d) => matchesDocumentQuery(m.canonicalId, d)));
    const partShare = (c: Candidate, part: QuestionPart) =>
      part.wants.includes('docnumber') && question.documents.length > 0 && namesAsked(c) ? 1 : share(c, part.near.length > 0 ? part.near : part.terms);
    // "… cho nhiệm kỳ nào và mục tiêu tổng quát đến năm nào?": a sentence of the first part ("mục tiêu, nhiệm vụ")
    // does not answer the second unless it holds most of the word pairs only the second has ("tổng quát").
    const ownPairs = (part: QuestionPart) => {
      const others = new Set(question.parts.filter((p) => p !== part).flatMap((p) => [...bigrams(p.terms)]));
      return [...bigrams(part.near.length > 0 ? part.near : part.terms)].filter((pair) => !others.has(pair));
    };
    const holdsOwn = (c: Candidate, part: QuestionPart) => {
      const own = question.parts.length < 2 ? [] : ownPairs(part);
      if (own.length === 0) return true;
      const present = bigrams(foldedWordsOf(c.text));
      return own.filter((pair) => present.has(pair)).length * 2 >= own.length;
    };
    for (const part of question.parts.length > 0 ? question.parts : [{ terms: [], wants: question.wants, near: [] }]) {
      if ([best.candidate, ...extra].some((c) => answers(c, part) && partShare(c, part) >= 0.5 && holdsOwn(c, part))) continue;
      // A part the best sentence leaves out is answered elsewhere in the article, however the model ranks that sentence for the whole question.
      const options = ofArticle.filter((s) => !extra.includes(s.candidate) && answers(s.candidate, part) && partShare(s.candidate, part) >= 0.3);
      // The sentence about that part: its words first, the model's view of the whole question only to break ties.
      const pick = options.sort(
        (a, b) => partShare(b.candidate, part) - partShare(a.candidate, part) || share(b.candidate, part.terms) - share(a.candidate, part.terms) || b.probability - a.probability,
      )[0];
      if (pick && extra.length < MAX_EXTRA_SENTENCES) extra.push(pick.candidate);
    }
    // "Những nghị quyết nào …": a best sentence naming them together ("Nghị quyết Trung ương 6") is completed by the one listing them.
    const kind = question.isList ? question.wants.find((w) => LISTED_KINDS.has(w)) : undefined;
    const listing = (c: Candidate) => (kind ? disjoint(spansAnswering(kind, c, question)).length : 0);
    if (kind && extra.length < MAX_EXTRA_SENTENCES && ![best.candidate, ...extra].some((c) => listing(c) >= 2)) {
      const list = sameArticle.find((s) => !extra.includes(s.candidate) && listing(s.candidate) >= 2);
      if (list) extra.push(list.candidate);
    }
    const covered = new Set([best.candidate, ...extra].flatMap((c) => [...features.matched(c.text)]));
    for (const other of sameArticle) {
      if (extra.length >= MAX_EXTRA_SENTENCES) break;
      if (extra.includes(other.candidate)) continue;
      const gained = [...features.matched(other.candidate.text)].filter((t) => !covered.has(t));
      if (features.weights.sum(gained) / features.flatTotal < EXTRA_GAIN) continue;
      extra.push(other.candidate);
      gained.forEach((t) => covered.add(t));
    }
    return extra.sort((a, b) => a.start - b.start);
  }
}
