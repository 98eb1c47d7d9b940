import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from './config/index.js';
import { describeError } from './errors.js';
import { createEmbeddingModel, type EmbeddingModel } from './embeddings/index.js';
import { extractFacts, FACTS_VERSION } from './facts/extract.js';
import { refineFactsWithLlm } from './facts/llm-facts.js';
import { BANDING_VERSION, bandKeys } from './ingest/fingerprint.js';
import { createChatModel } from './llm/chat-model.js';
import { IngestPipeline, type FactRefiner, type IngestOptions, type IngestSummary } from './ingest/pipeline.js';
import { createLogger, type Logger } from './logger.js';
import { AnswerService } from './rag/answer-service.js';
import { CircuitBreaker } from './rag/llm/circuit-breaker.js';
import { LlmAnswerer } from './rag/llm/llm-answerer.js';
import { HybridRetriever } from './rag/retrieval/hybrid-retriever.js';
import { openStore, type Store } from './store/index.js';

export interface App {
  config: Config;
  logger: Logger;
  model: EmbeddingModel;
  store: Store;
  ingest: IngestPipeline;
  retriever: HybridRetriever;
  answers: AnswerService;
  /** How pages and feeds are downloaded (a test's loopback double, or the real fetch). */
  fetch: typeof fetch;
  /** The one clock of the app: `NOW` (or a test's) when set, the real time otherwise. */
  now: () => Date;
  close(): void;
}

export interface AppOverrides {
  embeddingModel?: EmbeddingModel;
  chatModel?: BaseChatModel;
  fetch?: typeof fetch;
  logger?: Logger;
  now?: () => Date;
}

/**
 * The composition root: wires store, embeddings, ingest and retrieval from one config.
 * Tests build the whole app with their own config and overrides; only entry points read
 * the environment.
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const now = overrides.now ?? clockFor(config.now);
  const model = overrides.embeddingModel ?? (await createEmbeddingModel(config));
  const store = await openStore(config.dataDir, model, now);
  const report = store.openReport;
  if (report.vectorsAdded || report.vectorsRemoved || report.reembedded) {
    logger.info({ ...report }, 'vector index brought in line with the database');
  }
  if (store.articles.getMeta('banding_version') !== String(BANDING_VERSION)) {
    store.articles.rebandAll(bandKeys);
    store.articles.setMeta('banding_version', String(BANDING_VERSION));
  }
  const refreshed = refreshFacts(store);
  if (refreshed > 0) logger.info({ articles: refreshed }, 'facts re-extracted with the current extractor');
  const chatModel = overrides.chatModel ?? createChatModel(config);
  // Its own breaker: a model whose fact output is malformed keeps answering questions.
  const refinementBreaker = new CircuitBreaker(now);
  const refineFacts: FactRefiner | undefined = chatModel
    ? async (article) => {
        if (!refinementBreaker.allow()) return article.facts; // a bulk ingest is not held up by one time-out per article
        const result = await refineFactsWithLlm(chatModel, article, article.facts);
        if (result.error) {
          refinementBreaker.failure();
          logger.warn({ source: article.source, err: describeError(result.error) }, 'LLM fact refinement failed; rule facts kept');
        } else {
          refinementBreaker.success();
          if (result.added || result.rejected) logger.info({ source: article.source, added: result.added, rejected: result.rejected }, 'LLM facts verified');
        }
        return result.facts;
      }
    : undefined;
  const ingest = new IngestPipeline(store, model, { maxBytes: config.maxInputBytes, maxDocumentBytes: config.maxDocumentBytes, fetchTimeoutMs: config.fetchTimeoutMs, allowPrivateUrls: config.allowPrivateUrls }, overrides.fetch, refineFacts);
  const retriever = new HybridRetriever(store);
  const answers = new AnswerService(store, retriever, logger, chatModel ? new LlmAnswerer(chatModel) : undefined, undefined, new CircuitBreaker(now));
  return { config, logger, model, store, ingest, retriever, answers, fetch: overrides.fetch ?? fetch, now, close: () => store.close() };
}

/** `NOW=2020-12-08` is that day at 07:00 in Vietnam (digest time); a full timestamp is taken as it is. */
export function clockFor(fixed: string | undefined): () => Date {
  if (!fixed) return () => new Date();
  const instant = new Date(/^\d{4}-\d{2}-\d{2}$/.test(fixed) ? `${fixed}T07:00:00+07:00` : fixed);
  return () => new Date(instant);
}

const FACTS_VERSION_KEY = 'facts_version';

/** Re-extracts every stored article's facts when the extractor changed since they were stored (or when forced). */
function refreshFacts(store: Store, force = false): number {
  if (!force && store.articles.getMeta(FACTS_VERSION_KEY) === String(FACTS_VERSION)) return 0;
  let count = 0;
  store.db.transaction(() => {
    for (const article of [...store.articles.articlesForFacts()]) {
      store.facts.replaceFacts(article.id, extractFacts(article));
      count++;
    }
    store.articles.setMeta(FACTS_VERSION_KEY, String(FACTS_VERSION));
  })();
  return count;
}

/** Rebuilds the vector index from the stored embeddings and re-extracts every article's facts. */
export function reindex(app: App): { vectors: number; articles: number; seconds: number } {
  const started = performance.now();
  const { store } = app;
  store.vectorSync.rebuild();
  const articles = refreshFacts(store, true);
  return { vectors: store.vectors.index.size, articles, seconds: (performance.now() - started) / 1000 };
}

const SEEDED_KEY = 'bundled_articles_ingested';

/**
 * The first time a store is used, ingests the bundled articles (`ARTICLES_DIR`), so a
 * newcomer's first question has something to answer from. Never again afterwards: an admin
 * who deleted them meant it.
 */
export async function ensureBundledArticles(app: App, options: IngestOptions = {}): Promise<IngestSummary | null> {
  const { articles } = app.store;
  if (articles.getMeta(SEEDED_KEY) || articles.counts().articles > 0) return null;
  const summary = await app.ingest.ingestInputs([app.config.articlesDir], options);
  articles.setMeta(SEEDED_KEY, new Date().toISOString());
  return summary;
}
