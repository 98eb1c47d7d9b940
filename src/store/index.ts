import type Database from 'better-sqlite3';
import type { EmbeddingModel } from '../embeddings/index.js';
import { ArticleRepository } from './article-repository.js';
import { openDatabase } from './database.js';
import { FactRepository } from './fact-repository.js';
import { FeedbackRepository } from './feedback-repository.js';
import { SubscriptionRepository } from './subscription-repository.js';
import { TraceRepository } from './trace-repository.js';
import { UpdateRepository } from './update-repository.js';
import { type IndexOpenState, VectorIndex } from './vector-index.js';
import { VectorSync } from './vector-sync.js';
import { WatchRepository } from './watch-repository.js';
import { SqliteHnswVectorStore } from './vector-store.js';

export interface Store {
  dataDir: string;
  db: Database.Database;
  articles: ArticleRepository;
  facts: FactRepository;
  traces: TraceRepository;
  feedback: FeedbackRepository;
  subscriptions: SubscriptionRepository;
  watches: WatchRepository;
  updates: UpdateRepository;
  vectors: SqliteHnswVectorStore;
  /** Catches the vector index up with what other processes stored, and saves it safely. */
  vectorSync: VectorSync;
  /** What opening had to do to make index and database agree. */
  openReport: OpenReport;
  close(): void;
}

export interface OpenReport {
  index: IndexOpenState;
  reembedded: number;
  vectorsAdded: number;
  vectorsRemoved: number;
  rebuilt: boolean;
}

const EMBEDDING_MODEL_KEY = 'embedding_model';

/**
 * Opens the store in `dataDir` for `model`. On the way in it checks the vector index against
 * the database (rebuilding or catching it up from stored embeddings) and re-embeds every
 * chunk when the embedding model changed, so vector spaces are never mixed.
 */
export async function openStore(dataDir: string, model: EmbeddingModel, now?: () => Date): Promise<Store> {
  const db = openDatabase(dataDir);
  try {
    const facts = new FactRepository(db);
    const articles = new ArticleRepository(db, now, facts);
    const report: OpenReport = { index: 'loaded', reembedded: 0, vectorsAdded: 0, vectorsRemoved: 0, rebuilt: false };

    const storedModel = articles.getMeta(EMBEDDING_MODEL_KEY);
    if (storedModel !== model.modelId) {
      report.reembedded = await reembedAll(articles, model);
      articles.setMeta(EMBEDDING_MODEL_KEY, model.modelId);
    }

    let { index, state } = VectorIndex.open(dataDir, model.dimensions);
    report.index = state;
    if (report.reembedded > 0 || state !== 'loaded' || index.needsCompaction()) {
      index = VectorIndex.create(dataDir, model.dimensions, articles.counts().chunks * 1.2 + 16);
      report.rebuilt = true;
    }
    const vectorSync = new VectorSync(db, articles, index);
    const change = vectorSync.reconcile();
    report.vectorsAdded = change.added;
    report.vectorsRemoved = change.removed;
    if (report.rebuilt || change.added > 0 || change.removed > 0) vectorSync.save();

    const vectors = new SqliteHnswVectorStore(model.embeddings, articles, index, vectorSync);
    return {
      dataDir,
      db,
      articles,
      facts,
      traces: new TraceRepository(db, now),
      feedback: new FeedbackRepository(db, now),
      subscriptions: new SubscriptionRepository(db, now),
      watches: new WatchRepository(db, now),
      updates: new UpdateRepository(db, now),
      vectors,
      vectorSync,
      openReport: report,
      close() {
        vectorSync.save();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

async function reembedAll(articles: ArticleRepository, model: EmbeddingModel): Promise<number> {
  let count = 0;
  for (const page of articles.chunkTexts()) {
    const vectors = await model.embeddings.embedDocuments(page.map((chunk) => chunk.text));
    articles.saveEmbeddings(page.map((chunk, i) => ({ id: chunk.id, vector: Float32Array.from(vectors[i] ?? []) })));
    count += page.length;
  }
  return count;
}
