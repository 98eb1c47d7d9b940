import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, repliesIn, startHarness, TOKEN, type Harness } from './harness.js';

let clock = new Date('2020-12-07T20:00:00Z'); // 03:00 on 8/12/2020 in Hanoi
let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, {}, { now: () => new Date(clock) });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

describe('the daily digest through Telegram', () => {
  it('arrives once after /subscribe 07:00 when the clock passes 07:00 in Hanoi', async () => {
    const client = h.server.getClient(TOKEN, { chatId: 5151, userId: 5151, type: 'private', firstName: 'Lan', userName: 'lan' });
    await client.sendCommand(client.makeCommand('/subscribe 07:00'));
    const [confirmation] = await repliesIn(h.server, 5151, 1);
    expect(confirmation!.text).toContain('07:00');

    await h.running.digest.runOnce();
    expect(await repliesIn(h.server, 5151, 2, 300)).toHaveLength(1);

    clock = new Date('2020-12-08T00:01:00Z'); // 07:01 in Hanoi
    await h.running.digest.runOnce();
    await h.running.digest.runOnce();
    const messages = await repliesIn(h.server, 5151, 2);
    expect(messages).toHaveLength(2);
    expect(messages[1]!.text).toContain('Bản tin 8/12/2020');
    expect(messages[1]!.text).toContain('trước ngày 10/12/2020');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await repliesIn(h.server, 5151, 3, 100)).toHaveLength(2);
  });

  it('lets only group admins subscribe a group', async () => {
    const member = h.server.getClient(TOKEN, { chatId: -777, userId: 4321, type: 'group', firstName: 'M', userName: 'm', chatTitle: 'Nhóm' });
    await member.sendCommand(member.makeCommand('/subscribe 08:00'));
    const [refusal] = await repliesIn(h.server, -777, 1);
    expect(refusal!.text).toContain('chỉ quản trị viên của nhóm');
    expect(h.app.store.subscriptions.get(-777)).toBeUndefined();
    const admin = h.server.getClient(TOKEN, { chatId: -777, userId: ADMIN_ID, type: 'group', firstName: 'A', userName: 'a', chatTitle: 'Nhóm' });
    await admin.sendCommand(admin.makeCommand('/subscribe 08:00'));
    await repliesIn(h.server, -777, 2);
    expect(h.app.store.subscriptions.get(-777)?.sendTime).toBe('08:00');
  });

  it('sends the deadlines of a month as an .ics file that parses back', async () => {
    const client = h.server.getClient(TOKEN, { chatId: 5252, userId: 5252, type: 'private', firstName: 'Lan', userName: 'lan2' });
    await client.sendCommand(client.makeCommand('/deadlines ics tháng 12/2020'));
    await expect.poll(() => h.proxy.callsTo('sendDocument').length, { timeout: 10_000 }).toBeGreaterThan(0);
    const raw = h.proxy.callsTo('sendDocument').at(-1)!.raw;
    const ics = raw.slice(raw.indexOf('BEGIN:VCALENDAR'), raw.indexOf('END:VCALENDAR') + 'END:VCALENDAR'.length);
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.description.split('\n')[0]).sort()).toEqual(
      h.app.store.facts.deadlinesBetween('2020-12-01', '2020-12-31').map((d) => d.phrase).sort(),
    );
  });
});
