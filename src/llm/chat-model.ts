import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config/index.js';

/**
 * The chat model for any OpenAI-compatible server. No `streaming: true` flag (it makes
 * `invoke` fetch tokenizer files from the internet and hang offline); callers stream with
 * `.stream()`. Bounded time and retries: on failure the offline path answers instead.
 */
export function createChatModel(config: Config): ChatOpenAI | undefined {
  if (!config.llmEnabled) return undefined;
  return new ChatOpenAI({
    model: config.openai.chatModel,
    apiKey: config.openai.apiKey ?? 'not-needed',
    configuration: config.openai.baseUrl ? { baseURL: config.openai.baseUrl } : undefined,
    temperature: 0,
    maxRetries: 1,
    timeout: config.llmTimeoutMs,
  });
}
