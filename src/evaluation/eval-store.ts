import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, ensureBundledArticles, type App } from '../app.js';
import type { Config } from '../config/index.js';
import { AnswerService } from '../rag/answer-service.js';
import type { EvalSet } from './cross-validation.js';
import { articlesBeside, readArticleFolder, readQaFile } from './qa-set.js';

/** A QA set on a fresh store of its articles (the folder given, the `articles/` beside the file, or the bundled ones). */
export async function openEvalSet(config: Config, qaFile: string, articlesDir: string | null = articlesBeside(qaFile)): Promise<{ app: App; set: EvalSet; close: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rpb-eval-'));
  const app = await createApp({ ...config, dataDir: dir, llmEnabled: false, logLevel: 'silent' });
  if (articlesDir) await app.ingest.ingestDocuments(readArticleFolder(articlesDir));
  else await ensureBundledArticles(app);
  const set: EvalSet = {
    name: path.basename(qaFile),
    items: readQaFile(qaFile),
    serviceWith: (model) => new AnswerService(app.store, app.retriever, app.logger, undefined, model),
  };
  return {
    app,
    set,
    close: () => {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
