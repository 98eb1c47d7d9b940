import { statesBasisOf } from '../answering/document-scope.js';
import { findDocumentMentions, matchesDocumentQuery, parseDocumentQuery, type DocumentQuery } from '../../text/document-ids.js';
import { dayMonthOf, findDateSpans } from '../../text/date-spans.js';
import { identifierTokens } from '../../text/identifiers.js';
import { foldForMatch, foldedWordsOf } from '../../text/normalize.js';
import { isSignatureLine } from '../../text/titles.js';
import { ACT_FORMS, showsAct, type Act } from '../question/acts.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import type { Candidate } from './collect.js';
import type { TermWeights } from './term-weights.js';
import { spansAnswering, type TypedSpan } from './typed-spans.js';
import { bigrams, daysOf, heaviestCommonRun, identifiersOf, nounMatches, plenumResolutions, titlesAfterLength, tokens, type TextWords } from './text-measures.js';
import { hasAskedTitle } from './person-titles.js';

/**
 * What the scoring model sees of a candidate sentence: how well it aligns with the question,
 * whether it holds the kind of answer asked for, near the words that matched, and whether the
 * constraints the question states (documents, days, numbers, outlet, act) hold in it or its
 * article. Every feature is a number in a small range; the model's weights are fitted.
 */
export const FEATURES = [
  'cov', 'covRel', 'focus', 'nearWords', 'nearPhrase', 'ctx', 'artRel', 'phrase', 'rarePhrase', 'run',
  'type', 'typeAll', 'typeMissing', 'typeUnique', 'listFit', 'near', 'count',
  'act', 'actMissing', 'actSubject', 'object', 'titleMatch', 'factDoc', 'factDeadline',
  'idsMissing', 'idsSentMissing', 'docMissing', 'docSent', 'dateMismatch', 'dateSent',
  'placeMissing', 'outlet', 'articleRank', 'chunkRank', 'lead', 'len',
] as const;

export type FeatureName = (typeof FEATURES)[number];
export type FeatureVector = Record<FeatureName, number>;

/** What stays the same for every candidate of one question. */
export class QuestionFeatures {
  /** Weight of every concept of the question: what full coverage is. */
  readonly total: number;
  /** Weight of every word of the question, concepts aside (for words a sentence adds to another). */
  readonly flatTotal: number;
  private readonly focusTotal: number;
  private readonly nearPairs: Set<string>;
  private readonly questionWords: string[];
  private readonly questionBigrams: Set<string>;
  private readonly bigramTotal: number;
  private rarity: (pair: string) => number = () => 0;
  /** What every candidate of one article shares: its identifiers, the documents it cites, the days of its opening. */
  private readonly articles = new Map<
    string,
    {
      ids: Set<string>;
      mentions: ReturnType<typeof findDocumentMentions>;
      /** The documents the article's title names: an official document's subject ("KẾ HOẠCH Triển khai Nghị quyết số 29 …"). */
      titleMentions: string[];
      named: DocumentQuery[];
      leadDays: Array<{ day: number; month: number }>;
      folded: string;
    }
  >();
  private readonly strong: Set<string>;
  private maxCoverage = 1e-9;
  /** How many candidates of each article hold a span of the first kind of answer asked for. */
  private readonly typedInArticle = new Map<string, number>();
  /** How many candidates hold each question word pair: a pair few of them share marks the sentence asked about. */
  private readonly pairCounts = new Map<string, number>();
  private rareTop = 1e-9;
  private maxArticle = 1e-9;
  private readonly articleCoverage = new Map<string, number>();

  constructor(
    readonly question: AnalyzedQuestion,
    readonly weights: TermWeights,
    candidates: Candidate[],
  ) {
    weights.load(question.terms);
    this.total = question.groups.reduce((sum, group) => sum + Math.max(...group.alternatives.map((alt) => this.alternativeWeight(alt))), 0) || 1;
    this.flatTotal = weights.sum(question.terms) || 1;
    this.focusTotal = weights.sum(question.focus);
    this.questionWords = foldedWordsOf(question.searchText);
    // The pairs of the question's own word sequence among the words next to its question word.
    const near = new Set(question.near);
    this.nearPairs = new Set([...bigrams(this.questionWords)].filter((pair) => pair.split(' ').every((w) => near.has(w))));
    const content = new Set(question.terms);
    this.questionBigrams = new Set([...bigrams(this.questionWords)].filter((pair) => pair.split(' ').some((w) => content.has(w))));
    this.bigramTotal = [...this.questionBigrams].reduce((sum, pair) => sum + this.bigramWeight(pair), 0) || 1;
    // The rarer half of the question's words: the ones an answer's span should sit next to.
    const sorted = [...question.terms].sort((a, b) => weights.weight(b) - weights.weight(a));
    this.strong = new Set(sorted.slice(0, Math.max(2, Math.ceil(sorted.length / 2))));
    for (const candidate of candidates) {
      for (const pair of this.wordsOfText(candidate.text).pairs) if (this.questionBigrams.has(pair)) this.pairCounts.set(pair, (this.pairCounts.get(pair) ?? 0) + 1);
    }
    const rarity = (pair: string) => Math.log(1 + candidates.length / (1 + (this.pairCounts.get(pair) ?? 0)));
    this.rarity = rarity;
    this.rareTop = [...this.pairCounts.keys()].map(rarity).sort((a, b) => b - a).slice(0, 4).reduce((sum, x) => sum + x, 0) || 1e-9;
    const firstWanted = question.wants[0];
    for (const candidate of candidates) {
      if (firstWanted && spansAnswering(firstWanted, candidate, question).length > 0) this.typedInArticle.set(candidate.article.id, (this.typedInArticle.get(candidate.article.id) ?? 0) + 1);
      this.maxCoverage = Math.max(this.maxCoverage, this.coverage(candidate.text));
      if (!this.articleCoverage.has(candidate.article.id)) {
        const value = this.coverage(candidate.article.text, candidate.article.title);
        this.articleCoverage.set(candidate.article.id, value);
        this.maxArticle = Math.max(this.maxArticle, value);
      }
    }
  }

  /** A word pair weighs what its words weigh: "điểm cầu chính" says more than "hội nghị". */
  private bigramWeight(pair: string): number {
    const [a, b] = pair.split(' ');
    return this.weights.weight(a!) + this.weights.weight(b!);
  }

  private article(candidate: Candidate) {
    const { article } = candidate;
    let cached = this.articles.get(article.id);
    if (!cached) {
      cached = {
        ids: new Set(identifierTokens(`${article.title} ${article.text} ${article.publishedDate?.split('-').reverse().join('/') ?? ''}`)),
        mentions: this.question.documents.length > 0 ? findDocumentMentions(article.text) : [],
        titleMentions: findDocumentMentions(article.title).map((m) => m.canonicalId),
        // "Nghị quyết 79" written without its symbol still names document 79 of that kind.
        named: this.question.documents.length > 0 ? [...parseDocumentQuery(article.text), ...plenumResolutions(article.text)] : [],
        leadDays: findDateSpans(article.lead).flatMap((d) => dayMonthOf(d) ?? []),
        folded: ` ${foldForMatch(`${article.title} ${article.text}`).replace(/[^a-z0-9]+/g, ' ')} `,
      };
      this.articles.set(article.id, cached);
    }
    return cached;
  }

  /**
   * An alternative phrasing weighs the mean of its words (a long phrasing is not worth more
   * than a short one); a text covers a phrasing of several words by the share of its word
   * pairs it holds as pairs ("chuyển đổi số", not "chuyển hóa … số 30").
   */
  private alternativeWeight(words: string[], present?: { words: Pick<Set<string>, 'has'>; pairs: Pick<Set<string>, 'has'> }): number {
    if (words.length === 0) return 0;
    const weight = this.weights.sum(words) / words.length;
    if (!present) return weight;
    if (words.length === 1) return present.words.has(words[0]!) ? weight : 0;
    const pairs = [...bigrams(words)];
    return (weight * pairs.filter((pair) => present.pairs.has(pair)).length) / pairs.length;
  }

  /** Folded words of a text, with their set and word pairs, worked out once per text (candidates share articles and sentences). */
  private readonly textCache = new Map<string, TextWords>();

  private wordsOfText(text: string): TextWords {
    let cached = this.textCache.get(text);
    if (!cached) {
      const words = foldedWordsOf(text);
      cached = { words, set: new Set(words), pairs: bigrams(words) };
      this.textCache.set(text, cached);
    }
    return cached;
  }

  /** Weighted share of the question's concepts a text holds (each by its best-covered phrasing); several texts count as one. */
  coverage(...texts: string[]): number {
    const parts = texts.map((text) => this.wordsOfText(text));
    // Several texts are looked up in turn rather than merged: this runs for every candidate.
    const present =
      parts.length === 1
        ? { words: parts[0]!.set, pairs: parts[0]!.pairs }
        : { words: { has: (word: string) => parts.some((p) => p.set.has(word)) }, pairs: { has: (pair: string) => parts.some((p) => p.pairs.has(pair)) } };
    let gained = 0;
    for (const group of this.question.groups) gained += Math.max(...group.alternatives.map((alt) => this.alternativeWeight(alt, present)));
    return gained / this.total;
  }

  /** The question's terms a text holds. */
  matched(text: string): Set<string> {
    const present = this.wordsOfText(text).set;
    return new Set(this.question.terms.filter((t) => present.has(t)));
  }

  of(candidate: Candidate, previous: string): FeatureVector {
    const q = this.question;
    const { text, article } = candidate;
    const { words, set: wordSet, pairs } = this.wordsOfText(text);
    const askedPairs = [...pairs].filter((pair) => this.questionBigrams.has(pair));
    const cov = this.coverage(text);
    const answering = q.wants.map((wanted) => spansAnswering(wanted, candidate, q));
    const first = answering[0] ?? [];
    const sentenceDays = daysOf(text);
    const cached = this.article(candidate);
    const articleDays = cached.leadDays;
    const sameDay = (d: { day: number; month: number }) => (x: { day: number; month: number }) => x.day === d.day && x.month === d.month;
    const share = (present: Set<string>) => (q.identifiers.length === 0 ? 1 : q.identifiers.filter((forms) => forms.some((id) => present.has(id))).length / q.identifiers.length);
    const namedDocuments = q.documents;
    const articleMentions = cached.mentions;
    const sentenceMentions = namedDocuments.length > 0 ? findDocumentMentions(text) : [];
    const wantsWho = q.wants.includes('person') || q.wants.includes('organization');
    // The signature at an official document's foot signs that document: the one the question names, or any when it names none.
    const signs =
      q.acts.includes('sign') && isSignatureLine(text) && (candidate.headerOf ?? []).some((id) => namedDocuments.length === 0 || namedDocuments.some((d) => matchesDocumentQuery(id, d)));
    const shows = signs || showsAct(q.acts, text);
    return {
      cov,
      covRel: cov / this.maxCoverage,
      nearWords: q.near.length > 0 ? this.weights.sum(q.near.filter((t) => wordSet.has(t))) / (this.weights.sum(q.near) || 1) : 0,
      // …and next to each other, as the question writes them ("chủ đề công tác").
      nearPhrase: this.nearPairs.size > 0 ? [...this.nearPairs].filter((pair) => pairs.has(pair)).length / this.nearPairs.size : 0,
      focus: this.focusTotal > 0 ? this.weights.sum(q.focus.filter((t) => wordSet.has(t))) / this.focusTotal : 0,
      ctx: this.coverage(previous, text, article.title, article.lead),
      artRel: (this.articleCoverage.get(article.id) ?? 0) / this.maxArticle,
      phrase: askedPairs.reduce((sum, pair) => sum + this.bigramWeight(pair), 0) / this.bigramTotal,
      rarePhrase: Math.min(1, askedPairs.reduce((sum, pair) => sum + this.rarity(pair), 0) / this.rareTop),
      run: Math.min(1, heaviestCommonRun(this.questionWords, words, (w) => this.weights.weight(w)) / this.total),
      type: q.wants.length === 0 ? 0 : first.length > 0 ? 1 : 0,
      typeAll: q.wants.length > 0 && answering.every((spans, i) => q.wants[i] === 'description' || spans.length > 0) ? 1 : 0,
      typeMissing: q.wants.length > 0 && answering.every((spans) => spans.length === 0) ? 1 : 0,
      // The one sentence of its article that holds the kind of answer asked for ("khung giờ nào" and one time of day).
      typeUnique: first.length > 0 ? 1 / (this.typedInArticle.get(article.id) ?? 1) : 0,
      // "Những nghị quyết nào …": a sentence that lists several.
      listFit: q.isList && first.length > 1 ? Math.min(1, first.length / 3) : 0,
      near: this.nearness(first, text),
      count: q.countNoun ? (candidate.spans.some((s) => s.type === 'number' && s.noun && nounMatches(s.noun, q.countNoun!)) ? 1 : 0) : 0,
      act: q.acts.length > 0 && (shows || candidate.presentations.some((f) => showsAct(q.acts, f.act))) ? 1 : 0,
      actMissing: q.acts.length > 0 && wantsWho && !shows ? 1 : 0,
      object: q.actObject.length > 0 ? this.weights.sum(q.actObject.filter((t) => wordSet.has(t))) / (this.weights.sum(q.actObject) || 1) : 0,
      // The person is the one who did the act: an extracted fact says so, or the verb stands right after their name and titles.
      actSubject: !wantsWho || q.acts.length === 0 ? 0 : candidate.presentations.some((f) => showsAct(q.acts, f.act)) ? 1 : signs && first.length > 0 ? 1 : showsAct(q.acts, text) && first.length > 0 ? this.nearAct(first, text, q) : 0,
      factDoc: namedDocuments.length > 0 && candidate.presentations.some((f) => [...f.documentIds, ...f.resolutions].some((id) => namedDocuments.some((d) => matchesDocumentQuery(id, d)))) ? 1 : 0,
      factDeadline: q.wants.includes('deadline') ? Math.max(0, ...candidate.deadlines.map((d) => this.subjectShare(`${d.task} ${d.responsible ?? ''}`))) : 0,
      titleMatch: q.titles.length > 0 && candidate.spans.some((span) => span.type === 'person' && hasAskedTitle(q, text, span)) ? 1 : 0,
      idsMissing: 1 - share(cached.ids),
      idsSentMissing: 1 - share(new Set([previous, text, article.title].flatMap(identifiersOf))),
      docMissing:
        namedDocuments.length > 0 &&
        !articleMentions.some((m) => namedDocuments.some((d) => matchesDocumentQuery(m.canonicalId, d))) &&
        !cached.named.some((x) => namedDocuments.some((d) => !d.canonicalId && d.number === x.number && (!d.symbol || !x.symbol || d.symbol === x.symbol)))
          ? 1
          : 0,
      // An official document's own header and title are about it, and about what its title says it carries out.
      // …and so is the sentence before it that says what it carries out.
      docSent:
        sentenceMentions.some((m) => namedDocuments.some((d) => matchesDocumentQuery(m.canonicalId, d))) ||
        statesBasisOf(candidate, namedDocuments) ||
        (candidate.headerOf !== undefined && [...candidate.headerOf, ...cached.titleMentions].some((id) => namedDocuments.some((d) => matchesDocumentQuery(id, d))))
          ? 1
          : 0,
      dateMismatch: q.dates.length > 0 && articleDays.length > 0 && !q.dates.some((d) => articleDays.some(sameDay(d))) && !q.dates.some((d) => sentenceDays.some(sameDay(d))) ? 1 : 0,
      dateSent: q.dates.length > 0 && q.dates.some((d) => sentenceDays.some(sameDay(d))) ? 1 : 0,
      placeMissing: q.places.length > 0 && !q.places.some((place) => cached.folded.includes(` ${place} `)) ? 1 : 0,
      outlet: article.outlet,
      articleRank: 1 / (1 + article.rank),
      chunkRank: 1 / (1 + Math.max(0, candidate.rank - article.rank)),
      lead: candidate.index < 3 ? 1 : 0,
      len: Math.log(1 + text.length / 100),
    };
  }

  /** Share of the question's deadline subject ("các hội nghị do đảng ủy cơ sở tổ chức") a task holds; 1 when the question names none. */
  private subjectShare(task: string): number {
    const subject = this.question.deadlineSubject;
    if (subject.length === 0) return 1;
    const words = new Set(foldedWordsOf(task));
    return this.weights.sum(subject.filter((w) => words.has(w))) / (this.weights.sum(subject) || 1);
  }

  /** How close the nearest answering span is to the question's rarer words in the sentence: 1 beside them, towards 0 far away. */
  private nearness(spans: TypedSpan[], text: string): number {
    if (spans.length === 0) return 0;
    const anchors = tokens(text).filter((t) => this.strong.has(t.word));
    if (anchors.length === 0) return 0;
    let best = Infinity;
    for (const span of spans) {
      for (const anchor of anchors) {
        if (anchor.start >= span.start && anchor.start < span.end) continue; // a word of the span itself
        const gap = anchor.start < span.start ? text.slice(anchor.start, span.start) : text.slice(span.end, anchor.start);
        best = Math.min(best, (gap.match(/\s+/g) ?? []).length);
      }
    }
    return Number.isFinite(best) ? Math.exp(-best / 6) : 0;
  }

  /** 1 when a person span stands within a few words of the act the question asks about. */
  private nearAct(spans: TypedSpan[], text: string, q: AnalyzedQuestion): number {
    const lower = text.toLowerCase();
    const positions = q.acts.flatMap((act) => [...lower.matchAll(new RegExp(`(?<![\\p{L}])${actPattern(act)}(?![\\p{L}])`, 'gu'))].map((m) => m.index!));
    const words = (from: number, to: number) => (text.slice(Math.min(from, to), Math.max(from, to)).match(/\s+/g) ?? []).length;
    // A person is the one who acts when the verb stands right after their name and titles ("NAME, TITLES trình bày").
    const best = Math.min(
      ...spans.flatMap((span) => {
        const end = span.end + titlesAfterLength(text, span.end);
        return positions.map((p) => (p >= end ? words(end, p) : p >= span.start ? 0 : words(p, span.start)));
      }),
    );
    return Number.isFinite(best) ? Math.exp(-best / 8) : 0;
  }
}

const actPattern = (act: Act) => `(?:${ACT_FORMS[act].join('|')})`;
