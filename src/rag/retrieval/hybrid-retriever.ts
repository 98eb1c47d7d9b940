import type { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Store } from '../../store/index.js';
import { chunkToDocument, type PassageMetadata } from '../../store/vector-store.js';
import { foldDStroke, foldedWordsOf } from '../../text/normalize.js';
import { toFtsQuery } from './fts-query.js';
import { analyzeQuestion, type AnalyzedQuestion } from '../question/analyze.js';

export interface RetrievedPassageMetadata extends PassageMetadata {
  /** Reciprocal-rank-fusion score: higher is better. */
  score: number;
  textRank: number | null;
  vectorRank: number | null;
  factRank: number | null;
}

export interface HybridRetrieverOptions extends BaseRetrieverInput {
  /** Passages returned. */
  k?: number;
  /** Candidates taken from each of full-text and vector search before fusion. */
  candidates?: number;
  /** Which channels to use (all by default); for measuring each alone. */
  channels?: Array<'text' | 'vector' | 'facts'>;
}

/** RRF constant: 60 is the value from the original paper and works without tuning. */
const RRF_K = 60;
/** Facts found by a named document or person are strong evidence: their rank counts double. */
const FACT_WEIGHT = 2;

/**
 * Full-text (FTS5 bm25, diacritic-insensitive), vector (hnswlib) and facts (chunks holding
 * facts about the documents and people a question names), fused by reciprocal rank.
 */
export class HybridRetriever extends BaseRetriever {
  override lc_namespace = ['resolution_plans_bot', 'retrievers'];
  private readonly k: number;
  private readonly candidates: number;
  private readonly channels: Set<string>;

  constructor(
    private readonly store: Store,
    options: HybridRetrieverOptions = {},
  ) {
    super(options);
    this.k = options.k ?? 5;
    this.candidates = options.candidates ?? 30;
    this.channels = new Set(options.channels ?? ['text', 'vector', 'facts']);
  }

  override async _getRelevantDocuments(query: string): Promise<Document<RetrievedPassageMetadata>[]> {
    return this.retrieve(analyzeQuestion(query, this.store.facts.presenterIndex()));
  }

  /** Retrieval for an already analysed question (the answer service analyses once). */
  async retrieve(question: AnalyzedQuestion, k = this.k): Promise<Document<RetrievedPassageMetadata>[]> {
    const fused = new Map<number, { score: number; textRank: number | null; vectorRank: number | null; factRank: number | null }>();
    const add = (ids: number[], channel: 'textRank' | 'vectorRank' | 'factRank', weight = 1) => {
      ids.forEach((id, rank) => {
        const entry = fused.get(id) ?? { score: 0, textRank: null, vectorRank: null, factRank: null };
        if (entry[channel] !== null) return;
        entry.score += weight / (RRF_K + rank + 1);
        entry[channel] = rank + 1;
        fused.set(id, entry);
      });
    };
    if (this.channels.has('text')) {
      const words = [...new Set(foldedWordsOf(foldDStroke(question.searchText)))];
      const df = this.store.articles.termFrequencies(words);
      const frequency = { total: this.store.articles.chunkCount(), of: (term: string) => df.get(term) ?? 0 };
      add(this.store.articles.searchText(toFtsQuery(question.searchText, frequency), this.candidates).map((h) => h.chunkId), 'textRank');
    }
    if (this.channels.has('vector')) {
      const vector = await this.store.vectors.embeddings.embedQuery(question.searchText);
      add(this.store.vectors.nearest(vector, this.candidates).map((h) => h.id), 'vectorRank');
    }
    if (this.channels.has('facts')) add(this.factChunks(question), 'factRank', FACT_WEIGHT);
    // "Theo báo Lao Động, …": the named outlet's own passages, whatever the other channels found.
    if (this.channels.has('text') && question.outlet) {
      const outletKeys = question.outlet.filter((key) => key.length >= 4);
      add(this.store.articles.searchTextInSources(toFtsQuery(question.searchText), outletKeys, 5).map((h) => h.chunkId), 'factRank', FACT_WEIGHT);
    }
    const best = [...fused.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, k);
    const chunks = this.store.articles.getChunks(best.map(([id]) => id));
    const byId = new Map(best);
    return chunks.map((chunk) => chunkToDocument(chunk, byId.get(chunk.id)!) as Document<RetrievedPassageMetadata>);
  }

  private factChunks(question: AnalyzedQuestion): number[] {
    const { facts } = this.store;
    const ids: Array<number | null> = [];
    for (const document of question.documents) {
      ids.push(...facts.presentationsByDocument(document).map((p) => p.chunkId));
      ids.push(...facts.documentMentions(document).map((m) => m.chunkId));
      ids.push(...facts.deadlinesOfDocument(document).map((d) => d.chunkId));
    }
    for (const person of question.persons) ids.push(...facts.presentationsByPerson(person).map((p) => p.chunkId));
    return [...new Set(ids.filter((id): id is number => id !== null))].slice(0, this.candidates);
  }
}
