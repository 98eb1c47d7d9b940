import type { App } from '../app.js';
import { WatchService, type FailureReporter } from './watch-service.js';

export { DEFAULT_KEYWORDS, parseKeywords } from './keywords.js';
export { WatchService, type SourceCheck } from './watch-service.js';

/** The watch service of an app, with its limits and settings from the config. */
export function createWatchService(app: App, reportFailure?: FailureReporter): WatchService {
  const { config } = app;
  return new WatchService(
    app.store,
    app.ingest,
    { maxBytes: config.maxInputBytes, maxDocumentBytes: config.maxDocumentBytes, fetchTimeoutMs: config.fetchTimeoutMs, allowPrivateUrls: config.allowPrivateUrls },
    app.fetch,
    { maxItemsPerRun: config.watch.maxItemsPerRun, maxFeedBytes: config.watch.maxFeedBytes },
    app.now,
    app.logger,
    reportFailure,
  );
}
