import type { ArticleRepository } from '../../store/article-repository.js';
import { foldDStroke } from '../../text/normalize.js';

/**
 * IDF weights from the full-text index: rare words say more about what is asked than
 * common ones. A word no article has weighs like the rarest, since it may be exactly what
 * the sources lack — except an English question's own words, which no article has.
 */
export class TermWeights {
  private readonly cache = new Map<string, number>();
  private readonly total: number;

  constructor(
    private readonly articles: ArticleRepository,
    /** Words that weigh nothing when no article has them (an English question's own words). */
    private readonly foreign: ReadonlySet<string> = new Set(),
  ) {
    this.total = Math.max(1, articles.chunkCount());
  }

  load(terms: string[]): void {
    const missing = terms.filter((t) => !this.cache.has(t));
    const frequencies = this.articles.termFrequencies(missing.map(foldDStroke));
    for (const term of missing) {
      const df = frequencies.get(foldDStroke(term)) ?? 0;
      this.cache.set(term, df === 0 && this.foreign.has(term) ? 0 : Math.log(1 + this.total / (df + 0.5)));
    }
  }

  weight(term: string): number {
    if (!this.cache.has(term)) this.load([term]);
    return this.cache.get(term)!;
  }

  /** Sum of the weights of terms. */
  sum(terms: Iterable<string>): number {
    let total = 0;
    for (const term of terms) total += this.weight(term);
    return total;
  }
}
