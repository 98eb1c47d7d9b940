/** A stretch of an article that supports a claim: what a citation points to. */
export interface Evidence {
  articleId: string;
  chunkId: number | null;
  source: string;
  title: string;
  publishedDate: string | null;
  /** Exactly the article's text between `start` and `end`. */
  quote: string;
  start: number;
  end: number;
}

export interface Citation extends Evidence {
  /** The number the answer text uses: [1], [2] … in order of first use. */
  n: number;
  /** Link to the source when it is a web page. */
  url: string | null;
}

/** One statement of an answer and the evidence it rests on. */
export interface Claim {
  text: string;
  evidence: Evidence[];
}

export interface RetrievedSummary {
  chunkId: number;
  source: string;
  title: string;
  score: number;
  textRank: number | null;
  vectorRank: number | null;
  factRank: number | null;
}

/** What every answerer returns, and what the CLI, the bot and the eval consume. */
export interface Answer {
  question: string;
  /** The question as searched, after follow-up resolution. */
  rewritten: string;
  language: 'vi' | 'en';
  /** False when the sources do not contain the answer. */
  found: boolean;
  /** The answer with [n] markers. */
  text: string;
  citations: Citation[];
  answerer: 'offline' | 'llm';
  retrieved: RetrievedSummary[];
  latencyMs: number;
  traceId?: number;
  /** The offline model's probability that its best sentence answers the question (see `Draft.probability`). */
  modelProbability?: number;
  /** Set when the LLM failed and the offline answer was returned instead. */
  fallbackReason?: string;
}

export const NOT_FOUND_TEXT = {
  vi: 'Các nguồn hiện có không nêu thông tin này.',
  en: 'The sources available do not contain this information.',
} as const;

const urlOf = (source: string) => (/^https?:\/\//i.test(source) ? source : null);

/**
 * Numbers the evidence of the claims in order of first use (the same span cited twice gets
 * one number) and writes each claim followed by its markers.
 */
export function assembleAnswer(claims: Claim[]): { text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const numberOf = (evidence: Evidence) => {
    const existing = citations.find((c) => c.articleId === evidence.articleId && c.start === evidence.start && c.end === evidence.end);
    if (existing) return existing.n;
    const n = citations.length + 1;
    citations.push({ ...evidence, n, url: urlOf(evidence.source) });
    return n;
  };
  const parts = claims.map((claim) => {
    const markers = [...new Set(claim.evidence.map(numberOf))].map((n) => `[${n}]`).join('');
    const body = claim.text.trim().replace(/[.;:,]+$/u, '');
    const closing = /[.!?…”"]$/u.test(body) ? '' : '.';
    return markers ? `${body} ${markers}${closing}` : `${body}${closing}`;
  });
  return { text: parts.join('\n'), citations };
}
