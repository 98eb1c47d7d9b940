import path from 'node:path';
import ICAL from 'ical.js';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { buildDigest, digestTimeline } from '../../src/digest/build.js';
import { deadlinesToIcs } from '../../src/digest/calendar.js';
import { ChatBlockedError, DigestService } from '../../src/digest/service.js';
import { BUNDLED_ARTICLES, createTestApp, tempDir } from '../helpers.js';

let dir: ReturnType<typeof tempDir>;
let app: App;
let clock: Date;
const silent = pino({ level: 'silent' });

beforeEach(async () => {
  dir = tempDir();
  clock = new Date('2020-12-01T00:00:00Z');
  app = await createTestApp(path.join(dir.path, 'store'), {}, { now: () => new Date(clock) });
  await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
});
afterEach(() => {
  app.close();
  dir.remove();
});

const HANOI = 'Asia/Ho_Chi_Minh';
const phrases = (list: Array<{ phrase: string }>) => list.map((d) => d.phrase);

describe('the digest of a day', () => {
  it('on 8/12/2020 lists "trước ngày 10/12/2020" as due within 7 days and the month\'s other deadlines', () => {
    const digest = buildDigest(app.store, new Date('2020-12-08T00:00:00Z'), HANOI, null);
    expect(digest.date).toBe('2020-12-08');
    expect(phrases(digest.dueSoon)).toEqual(['trước ngày 10/12/2020']);
    expect(phrases(digest.laterThisMonth)).toEqual(['trước ngày 25/12/2020', 'trong tháng 12/2020', 'hoàn thành trong tháng 12/2020']);
    expect(digest.overdue).toEqual([]);
  });

  it('treats a deadline on the last day of a month as this month\'s, then due soon, then overdue', async () => {
    await app.ingest.ingestDocuments([
      { source: 'cuoi-thang.txt', format: 'text', body: 'Kế hoạch rà soát\nNgày 5/1/2021, UBND quận Ba Đình ban hành kế hoạch rà soát. Các phường hoàn thành rà soát hộ nghèo trước ngày 31/1/2021.' },
    ]);
    const tasks = (list: Array<{ task: string }>) => list.map((d) => d.task);
    const task = 'Các phường hoàn thành rà soát hộ nghèo';
    expect(tasks(buildDigest(app.store, new Date('2021-01-10T01:00:00Z'), HANOI, null).laterThisMonth)).toContain(task);
    expect(tasks(buildDigest(app.store, new Date('2021-01-28T01:00:00Z'), HANOI, null).dueSoon)).toContain(task);
    expect(tasks(buildDigest(app.store, new Date('2021-02-01T01:00:00Z'), HANOI, null).overdue)).toContain(task);
  });

  it('takes the day in Hanoi: 23:30 UTC is already the next morning', () => {
    expect(buildDigest(app.store, new Date('2020-12-07T23:30:00Z'), HANOI, null).date).toBe('2020-12-08');
    expect(buildDigest(app.store, new Date('2020-12-07T23:30:00Z'), 'UTC', null).date).toBe('2020-12-07');
  });

  it('lists the articles ingested since the last digest with who presented what', () => {
    const digest = buildDigest(app.store, new Date('2020-12-08T00:00:00Z'), HANOI, '2000-01-01T00:00:00Z');
    const article = digest.newArticles.find((a) => a.source === '000_858032534c20a8a8.txt')!;
    expect(article.presentations.map((p) => p.presenter)).toEqual(['Vũ Đức Bảo', 'Lê Hồng Sơn', 'Hà Minh Hải']);
  });
});

describe('sending digests', () => {
  function service(sent: Array<{ chatId: number; date: string }>, failFor: Record<number, Error> = {}) {
    return new DigestService(
      app.store,
      async (subscription, digest) => {
        const failure = failFor[subscription.chatId];
        if (failure) throw failure;
        sent.push({ chatId: subscription.chatId, date: digest.date });
      },
      () => new Date(clock),
      silent,
    );
  }

  it('sends at the chat\'s hour in Hanoi, once, even across a restart', async () => {
    app.store.subscriptions.subscribe(1, '07:00', HANOI);
    const sent: Array<{ chatId: number; date: string }> = [];
    clock = new Date('2020-12-07T23:30:00Z'); // 06:30 in Hanoi
    await service(sent).runOnce();
    expect(sent).toEqual([]);
    clock = new Date('2020-12-08T00:00:00Z'); // 07:00 in Hanoi
    await service(sent).runOnce();
    await service(sent).runOnce(); // a restarted bot
    expect(sent).toEqual([{ chatId: 1, date: '2020-12-08' }]);
    clock = new Date('2020-12-09T00:05:00Z');
    await service(sent).runOnce();
    expect(sent.map((s) => s.date)).toEqual(['2020-12-08', '2020-12-09']);
  });

  it('catches up the day\'s digest when the bot was down at the hour', async () => {
    app.store.subscriptions.subscribe(2, '07:00', HANOI);
    const sent: Array<{ chatId: number; date: string }> = [];
    clock = new Date('2020-12-08T03:15:00Z'); // 10:15 in Hanoi: started late
    await service(sent).runOnce();
    expect(sent).toEqual([{ chatId: 2, date: '2020-12-08' }]);
  });

  it('unsubscribes a chat that blocked the bot, and one failing chat stops no other', async () => {
    for (const chatId of [3, 4, 5]) app.store.subscriptions.subscribe(chatId, '07:00', HANOI);
    const sent: Array<{ chatId: number; date: string }> = [];
    clock = new Date('2020-12-08T00:10:00Z');
    const run = await service(sent, { 3: new ChatBlockedError('Forbidden: bot was blocked by the user'), 4: new Error('network down') }).runOnce();
    expect(run.unsubscribed).toEqual([3]);
    expect(run.failed).toEqual([{ chatId: 4, error: 'network down' }]);
    expect(sent).toEqual([{ chatId: 5, date: '2020-12-08' }]);
    expect(app.store.subscriptions.get(3)).toBeUndefined();
    expect(app.store.subscriptions.get(4)).toBeDefined();
  });

  it('sends nothing on an empty day to a chat that asked for quiet', async () => {
    app.store.subscriptions.subscribe(6, '07:00', HANOI, 'vi', false);
    app.store.subscriptions.subscribe(7, '07:00', HANOI, 'vi', true);
    const sent: Array<{ chatId: number; date: string }> = [];
    clock = new Date('2026-11-23T00:30:00Z');
    const run = await service(sent).runOnce();
    expect(run.empty).toEqual([6, 7]);
    expect(sent).toEqual([{ chatId: 7, date: '2026-11-23' }]);
  });
});

describe('the digest picture setting', () => {
  it('is off for a new subscription, kept when the hour changes, and only for subscribed chats', () => {
    app.store.subscriptions.subscribe(8, '07:00', HANOI);
    expect(app.store.subscriptions.get(8)?.attachPicture).toBe(false);
    expect(app.store.subscriptions.setAttachPicture(8, true)).toBe(true);
    app.store.subscriptions.subscribe(8, '09:30', HANOI);
    expect(app.store.subscriptions.get(8)).toMatchObject({ sendTime: '09:30', attachPicture: true });
    expect(app.store.subscriptions.setAttachPicture(9, true)).toBe(false);
    expect(app.store.subscriptions.get(9)).toBeUndefined();
  });

  it('draws the digest\'s overdue and coming week\'s deadlines, on an axis to a week ahead', () => {
    const { deadlines, options } = digestTimeline(buildDigest(app.store, new Date('2020-12-12T00:00:00Z'), HANOI, null));
    expect(phrases(deadlines)).toEqual(['trước ngày 10/12/2020']);
    expect(options).toMatchObject({ today: '2020-12-12', from: '2020-12-10', to: '2020-12-19', heading: 'Hạn chót quanh ngày 12/12/2020' });
  });
});

describe('the deadline calendar', () => {
  it('writes one event per deadline that parses back to the same dates and tasks', () => {
    const deadlines = app.store.facts.allDeadlines();
    const calendar = new ICAL.Component(ICAL.parse(deadlinesToIcs(deadlines)));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(deadlines.length);
    const byDay = new Map(events.map((e) => [e.summary, e]));
    for (const d of deadlines) {
      const event = byDay.get(`Hạn: ${d.task}`.slice(0, 250))!;
      expect(event).toBeDefined();
      const last = event.endDate.clone();
      last.adjust(-1, 0, 0, 0);
      expect(last.toString().slice(0, 10)).toBe(d.endDate);
      expect(event.description).toContain(d.phrase);
    }
  });
});
