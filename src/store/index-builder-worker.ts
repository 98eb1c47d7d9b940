/**
 * Worker thread of a bulk ingest: builds the next vector index (hnswlib inserts are most of
 * the writing thread's work) from the current one's snapshot and the changes it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { addToHnsw, newHnsw, readHnsw, removeFromHnsw } from './hnsw.js';
import type { BuilderMessage, BuilderOptions, BuilderReply } from './index-builder.js';

const options = workerData as BuilderOptions;
const index = options.snapshot ? readHnsw(options.snapshot, options.dimensions) : newHnsw(options.dimensions, options.capacity);
const deleted = new Set(options.deleted);
let done = 0;

const reply = (message: BuilderReply) => parentPort!.postMessage(message);

parentPort!.on('message', (message: BuilderMessage) => {
  if (message.op === 'apply') {
    for (const id of message.removed) removeFromHnsw(index, deleted, id);
    const { ids, vectors } = message;
    const dimensions = options.dimensions;
    ids.forEach((id, i) => addToHnsw(index, deleted, id, vectors.subarray(i * dimensions, (i + 1) * dimensions)));
    done += message.removed.length + ids.length;
    reply({ op: 'progress', done });
  } else {
    index.writeIndexSync(message.file);
    reply({ op: 'finished', deleted: [...deleted] });
  }
});
