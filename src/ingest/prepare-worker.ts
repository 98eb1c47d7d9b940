/**
 * Worker thread of a bulk ingest: cleans, fingerprints, chunks and mines facts of one
 * document at a time, and embeds its chunks when the model is the local one, so the main
 * thread only writes the store and the vector index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LocalHashEmbeddings, type LocalHashEmbeddingsOptions } from '../embeddings/local-hash-embeddings.js';
import { AppError } from '../errors.js';
import { prepareArticle } from './prepare.js';
import type { PrepareReply, PrepareRequest } from './prepare-pool.js';

const options = workerData as { embeddings: LocalHashEmbeddingsOptions | null };
const embeddings = options.embeddings ? new LocalHashEmbeddings(options.embeddings) : null;

parentPort!.on('message', (request: PrepareRequest) => {
  let reply: PrepareReply;
  try {
    const article = prepareArticle(request.document);
    // An unchanged article is not written again: its vectors would be thrown away.
    const vectors = embeddings && article.contentHash !== request.knownHash ? article.chunks.map((chunk) => embeddings.embedForStorage(chunk.text)) : undefined;
    reply = { id: request.id, article, vectors };
  } catch (error) {
    reply = {
      id: request.id,
      error: error instanceof AppError ? { code: error.code, message: error.message } : { code: 'UNEXPECTED', message: (error as Error)?.message ?? String(error) },
    };
  }
  parentPort!.postMessage(reply, reply.vectors?.map((vector) => vector.buffer as ArrayBuffer) ?? []);
});
parentPort!.postMessage('ready');
