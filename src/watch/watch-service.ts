import { Cron } from 'croner';
import { AppError, describeError, type AppErrorCode } from '../errors.js';
import { fetchUrl } from '../ingest/fetch-url.js';
import type { IngestPipeline } from '../ingest/pipeline.js';
import { prepareArticle } from '../ingest/prepare.js';
import type { LoadLimits } from '../ingest/sources.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { Watch, WatchItem } from '../store/watch-repository.js';
import { fetchSource, type SourceFetchOptions } from './fetch-source.js';
import { mentionsAny } from './keywords.js';
import { parseSource, type ParsedSource, type SourceItem } from './parse-source.js';

export interface WatchSettings {
  maxItemsPerRun: number;
  maxFeedBytes: number;
  /** Sitemaps read from one sitemap index per check. */
  maxSitemaps?: number;
}

export interface SourceCheck {
  id: number;
  url: string;
  status: 'checked' | 'not modified' | 'failed';
  newItems: number;
  ingested: string[];
  skipped: number;
  failed: string[];
  pending: number;
  ignoredLinks: number;
  error?: string;
}

/** Told once when a source has failed for a day (the bot tells the admins); true when someone was told. */
export type FailureReporter = (watch: Watch) => Promise<boolean>;

const FAILING_REPORT_AFTER_MS = 24 * 60 * 60 * 1000;
const ITEM_ATTEMPTS = 3;
/** Failures that may pass: the network, a time-out, a server error. Anything else is the item's own. */
const TRANSIENT = new Set(['URL_NETWORK', 'URL_TIMEOUT', 'URL_HTTP_STATUS']);
/** Failures of this machine, not of the item. */
const OURS = new Set(['EMBEDDINGS_FAILED', 'STORE_UNWRITABLE', 'STORE_CORRUPT', 'UNEXPECTED']);

/**
 * Checks watched feeds and sitemaps and ingests their new items through the ingest pipeline.
 * Each item link is stored once as pending in the same transaction as the check's validators,
 * then downloaded and marked done: a restart in between finishes the pending ones and never
 * downloads a done one again. One failing source never stops the others.
 */
export class WatchService {
  private job: Cron | undefined;
  private running: Promise<SourceCheck[]> | undefined;

  constructor(
    private readonly store: Store,
    private readonly ingest: IngestPipeline,
    private readonly limits: LoadLimits,
    private readonly fetchImpl: typeof fetch,
    private readonly settings: WatchSettings,
    private readonly now: () => Date,
    private readonly logger: Logger,
    private readonly reportFailure?: FailureReporter,
  ) {}

  /** Downloads and reads a source once, to refuse a bad one before it is registered. */
  async probe(url: string): Promise<ParsedSource> {
    const fetched = await fetchSource(url, { etag: null, lastModified: null }, this.sourceOptions());
    if (fetched.notModified) throw new AppError('WATCH_NOT_FEED', `${url}: máy chủ trả lời 304 cho một yêu cầu không điều kiện`);
    return parseSource(fetched.text, url);
  }

  /** The sources whose time has come (or all of them), one after the other; overlapping calls share a run. */
  async run(options: { all?: boolean; maxItems?: number } = {}): Promise<SourceCheck[]> {
    this.running ??= this.runChecks(options).finally(() => (this.running = undefined));
    return this.running;
  }

  private async runChecks(options: { all?: boolean; maxItems?: number }): Promise<SourceCheck[]> {
    const watches = options.all ? this.store.watches.all() : this.store.watches.due(this.now());
    const checks: SourceCheck[] = [];
    for (const watch of watches) {
      try {
        checks.push(await this.check(watch, options.maxItems ?? this.settings.maxItemsPerRun));
      } catch (error) {
        // A store error, a source removed mid-check: this one stops, the others go on.
        this.logger.error({ id: watch.id, err: describeError(error) }, 'watch check failed');
      }
    }
    const busy = checks.filter((c) => c.newItems || c.ingested.length || c.failed.length || c.error);
    if (busy.length > 0) this.logger.info({ checks: busy.map(({ id, status, newItems, ingested, failed, error }) => ({ id, status, newItems, ingested: ingested.length, failed: failed.length, error })) }, 'watch run');
    return checks;
  }

  async check(watch: Watch, maxItems = this.settings.maxItemsPerRun): Promise<SourceCheck> {
    const check: SourceCheck = { id: watch.id, url: watch.url, status: 'checked', newItems: 0, ingested: [], skipped: 0, failed: [], pending: 0, ignoredLinks: 0 };
    try {
      const fetched = await fetchSource(watch.url, watch, this.sourceOptions());
      if (fetched.notModified) check.status = 'not modified';
      const parsed = fetched.notModified ? null : parseSource(fetched.text, watch.url);
      const validators = fetched.notModified ? null : fetched;
      if (parsed) check.ignoredLinks += parsed.ignoredLinks;
      if (parsed?.kind === 'sitemapindex' || (!parsed && watch.kind === 'sitemapindex')) {
        // The index may stay the same while its sitemaps change: each is asked for with its own validators.
        const listed = parsed ? parsed.sitemaps : Object.keys(watch.sitemaps);
        const { items, sitemaps } = await this.itemsOfSitemaps(listed, watch.sitemaps, check);
        const [fresh, backlog] = this.splitBacklog(watch, items, maxItems);
        check.newItems = this.store.watches.recordCheck(watch.id, validators, parsed?.kind ?? null, null, fresh, sitemaps, backlog);
      } else {
        const [fresh, backlog] = this.splitBacklog(watch, parsed?.items ?? [], maxItems);
        check.newItems = this.store.watches.recordCheck(watch.id, validators, parsed?.kind ?? null, parsed?.title ?? null, fresh, null, backlog);
      }
    } catch (error) {
      check.status = 'failed';
      check.error = error instanceof AppError ? error.message : `${watch.url}: ${describeError(error)}`;
      await this.noteFailure(watch, check.error);
    }
    // Pending items are done even when the source failed now: they were seen before.
    await this.ingestPending(watch, maxItems, check);
    check.pending = this.store.watches.countPending(watch.id);
    return check;
  }

  /**
   * The first check of a source: its newest items (as many as one run takes) are news, the rest
   * — a sitemap's years of pages — is what it held before it was watched, remembered unread.
   */
  private splitBacklog(watch: Watch, items: SourceItem[], maxItems: number): [SourceItem[], SourceItem[]] {
    if (watch.lastCheckedAt !== null || items.length <= maxItems) return [items, []];
    const dated = items.every((item) => item.published && !Number.isNaN(Date.parse(item.published)));
    const newest = dated ? [...items].sort((a, b) => Date.parse(b.published!) - Date.parse(a.published!)) : items;
    return [newest.slice(0, maxItems), newest.slice(maxItems)];
  }

  private async itemsOfSitemaps(listed: string[], known: Watch['sitemaps'], check: SourceCheck): Promise<{ items: SourceItem[]; sitemaps: Watch['sitemaps'] }> {
    const items: SourceItem[] = [];
    const sitemaps: Watch['sitemaps'] = {};
    const errors: string[] = [];
    for (const url of listed.slice(0, this.settings.maxSitemaps ?? 20)) {
      const before = known[url] ?? { etag: null, lastModified: null };
      sitemaps[url] = before;
      try {
        const fetched = await fetchSource(url, before, this.sourceOptions());
        if (fetched.notModified) continue;
        const sitemap = parseSource(fetched.text, url);
        items.push(...sitemap.items);
        check.ignoredLinks += sitemap.ignoredLinks;
        sitemaps[url] = { etag: fetched.etag, lastModified: fetched.lastModified };
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (errors.length > 0 && errors.length === Math.min(listed.length, this.settings.maxSitemaps ?? 20)) throw new AppError('WATCH_NOT_FEED', errors[0]!);
    return { items, sitemaps };
  }

  private async noteFailure(watch: Watch, message: string): Promise<void> {
    const failing = this.store.watches.recordFailure(watch.id, message);
    if (!failing || failing.failureReported || !this.reportFailure) return; // a CLI run tells no one: the bot will
    if (this.now().getTime() - Date.parse(failing.failingSince ?? '') < FAILING_REPORT_AFTER_MS) return;
    const told = await this.reportFailure(failing).catch((error: unknown) => {
      this.logger.warn({ err: describeError(error) }, 'watch failure not reported');
      return false;
    });
    if (told) this.store.watches.markFailureReported(watch.id);
  }

  private async ingestPending(watch: Watch, maxItems: number, check: SourceCheck): Promise<void> {
    try {
      for (const item of this.store.watches.pendingItems(watch.id, maxItems)) {
        if (!this.store.watches.get(watch.id)) break; // removed by /unwatch meanwhile
        const outcome = await this.ingestItem(watch, item);
        if (outcome.status === 'ingested') check.ingested.push(outcome.title);
        else if (outcome.status === 'skipped') check.skipped++;
        else if (outcome.status === 'failed') check.failed.push(outcome.detail);
      }
    } finally {
      // Once per source, not per item: a large index takes a while to write.
      if (check.ingested.length > 0) this.store.vectorSync.save();
    }
  }

  private async ingestItem(watch: Watch, item: WatchItem): Promise<{ status: 'ingested' | 'skipped' | 'failed' | 'pending'; title: string; detail: string }> {
    const { watches, articles } = this.store;
    // Stored before a restart cut the run short: done, without downloading it again.
    const known = articles.findSource(item.url);
    if (known) {
      watches.finishItem(item.url, 'ingested', known.articleId, null);
      return { status: 'ingested', title: articles.getArticle(known.articleId)?.title ?? item.url, detail: '' };
    }
    try {
      const document = await fetchUrl(item.url, this.limits, this.fetchImpl);
      // The feed's title or summary usually tells; only otherwise is the page cleaned once more to read its text.
      if (!mentionsAny(`${item.title ?? ''}\n${item.summary ?? ''}`, watch.keywords)) {
        const article = prepareArticle(document);
        if (!mentionsAny(`${article.title}\n${article.text}`, watch.keywords)) {
          watches.finishItem(item.url, 'skipped', null, 'không có từ khóa');
          return { status: 'skipped', title: article.title, detail: '' };
        }
      }
      const summary = await this.ingest.ingestDocuments([document], { deferIndexSave: true });
      const result = summary.results[0];
      const failure = summary.failures[0];
      if (!result) throw new AppError((failure?.code ?? 'INPUT_INVALID') as AppErrorCode, failure?.message ?? `${item.url}: không nạp được`);
      watches.finishItem(item.url, 'ingested', result.articleId, result.outcome);
      return { status: 'ingested', title: result.title, detail: '' };
    } catch (error) {
      const message = error instanceof AppError ? error.message : `${item.url}: ${describeError(error)}`;
      // Our side failed (embeddings, the store): the item waits for the next run, no attempt counted.
      if (!(error instanceof AppError) || OURS.has(error.code)) return { status: 'pending', title: item.url, detail: message };
      if (TRANSIENT.has(error.code)) {
        return { status: watches.retryItem(item.url, message, ITEM_ATTEMPTS), title: item.url, detail: message };
      }
      watches.finishItem(item.url, 'failed', null, message);
      return { status: 'failed', title: item.url, detail: message };
    }
  }

  private sourceOptions(): SourceFetchOptions {
    return { fetchImpl: this.fetchImpl, allowPrivate: this.limits.allowPrivateUrls ?? false, timeoutMs: this.limits.fetchTimeoutMs, maxBytes: this.settings.maxFeedBytes };
  }

  /** Every minute, the sources whose interval has passed (and once now, to catch up after downtime). */
  start(): void {
    this.job = new Cron('* * * * *', { protect: true }, () => void this.run().catch((error: unknown) => this.logger.error({ err: describeError(error) }, 'watch run failed')));
    void this.run().catch((error: unknown) => this.logger.error({ err: describeError(error) }, 'watch run failed'));
  }

  stop(): void {
    this.job?.stop();
  }
}
