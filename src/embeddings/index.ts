import type { Embeddings } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { Config } from '../config/index.js';
import { LocalHashEmbeddings } from './local-hash-embeddings.js';

export interface EmbeddingModel {
  embeddings: Embeddings;
  /** Stored with the vectors: a different id means the stored vectors must be recomputed. */
  modelId: string;
  dimensions: number;
}

/** Dimensions of the OpenAI models we know; others are measured with one call. */
const OPENAI_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

export function createLocalEmbeddingModel(): EmbeddingModel {
  const embeddings = new LocalHashEmbeddings();
  return { embeddings, modelId: embeddings.modelId, dimensions: embeddings.dimensions };
}

/**
 * The embeddings the configuration asks for: the offline local model by default, or any
 * OpenAI-compatible `/v1/embeddings` endpoint.
 */
export async function createEmbeddingModel(config: Config): Promise<EmbeddingModel> {
  if (config.embeddings === 'local') return createLocalEmbeddingModel();
  const embeddings = new OpenAIEmbeddings({
    model: config.openai.embeddingModel,
    apiKey: config.openai.apiKey ?? 'not-needed',
    configuration: config.openai.baseUrl ? { baseURL: config.openai.baseUrl } : undefined,
    // Local servers answer plain float arrays; base64 decoding would silently yield garbage.
    encodingFormat: 'float',
    maxRetries: 2,
    timeout: 30_000,
  });
  const dimensions = OPENAI_DIMENSIONS[config.openai.embeddingModel] ?? (await embeddings.embedQuery('dimensions')).length;
  const server = config.openai.baseUrl ?? 'openai';
  return { embeddings, modelId: `openai:${server}:${config.openai.embeddingModel}:${dimensions}`, dimensions };
}
