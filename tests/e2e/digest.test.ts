import ICAL from 'ical.js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, EmulatorProxy, repliesIn, startHarness, TOKEN, type Harness } from './harness.js';

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

describe('deadlines as a picture through Telegram', () => {
  const photosTo = (chatId: number) => h.proxy.callsTo('sendPhoto').filter((c) => EmulatorProxy.field(c, 'chat_id') === String(chatId));
  const december = () => h.app.store.facts.deadlinesBetween('2020-12-01', '2020-12-31');

  it('sends "/deadlines tháng 12/2020 ảnh" as a PNG captioned with its sources', async () => {
    const client = h.server.getClient(TOKEN, { chatId: 5353, userId: 5353, type: 'private', firstName: 'Lan', userName: 'lan3' });
    await client.sendCommand(client.makeCommand('/deadlines tháng 12/2020 ảnh'));
    await expect.poll(() => photosTo(5353).length, { timeout: 15_000 }).toBe(1);
    const call = photosTo(5353)[0]!;
    const caption = EmulatorProxy.field(call, 'caption')!;
    expect(caption).toContain(`<b>Hạn chót tháng 12/2020</b> (${december().length})`);
    expect(caption).toMatch(/<b>Nguồn:<\/b>\n\[1\] <b>[^<]+<\/b> — /);
    for (const title of new Set(december().map((d) => d.title))) expect(caption).toContain(title);
    expect(EmulatorProxy.field(call, 'parse_mode')).toBe('HTML');
    const png = PNG.sync.read(EmulatorProxy.png(call));
    expect(png.width).toBe(900);
    expect(png.height).toBeGreaterThan(december().length * 30);
    expect(await repliesIn(h.server, 5353, 1, 300)).toHaveLength(0);
  });

  it('puts a "🖼 Xem dạng ảnh" button under the list, which sends the same picture', async () => {
    const client = h.server.getClient(TOKEN, { chatId: 5454, userId: 5454, type: 'private', firstName: 'Lan', userName: 'lan4' });
    await client.sendCommand(client.makeCommand('/deadlines tháng 12/2020'));
    const [list] = await repliesIn(h.server, 5454, 1);
    expect(list!.text).toContain('Hạn chót tháng 12/2020');
    const button = (list!.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat()[0]!;
    expect(button).toEqual({ text: '🖼 Xem dạng ảnh', callback_data: 'tl:12/2020' });
    await client.sendCallback(client.makeCallbackQuery(button.callback_data, { message: { message_id: list!.message_id, chat: { id: 5454, type: 'private', first_name: 'Lan' } } } as never));
    await expect.poll(() => photosTo(5454).length, { timeout: 15_000 }).toBe(1);
    expect(EmulatorProxy.field(photosTo(5454)[0]!, 'caption')).toContain('Hạn chót tháng 12/2020');
  });

  it('answers a range without deadlines in one line, with no picture', async () => {
    const client = h.server.getClient(TOKEN, { chatId: 5555, userId: 5555, type: 'private', firstName: 'Lan', userName: 'lan5' });
    await client.sendCommand(client.makeCommand('/deadlines tháng 1/2031 ảnh'));
    const [reply] = await repliesIn(h.server, 5555, 1);
    expect(reply!.text).toBe('Hạn chót tháng 1/2031: không có hạn chót nào.');
    expect(photosTo(5555)).toEqual([]);
  });

  it('attaches the week\'s picture to the digest of a chat that asked with /subscribe ảnh, and only then', async () => {
    clock = new Date('2020-12-08T00:05:00Z'); // 07:05 in Hanoi
    const client = h.server.getClient(TOKEN, { chatId: 5656, userId: 5656, type: 'private', firstName: 'Lan', userName: 'lan6' });
    await client.sendCommand(client.makeCommand('/subscribe 07:00'));
    expect((await repliesIn(h.server, 5656, 1))[0]!.text).not.toContain('ảnh');
    expect(h.app.store.subscriptions.get(5656)?.attachPicture).toBe(false);
    await client.sendCommand(client.makeCommand('/subscribe ảnh'));
    const [, turnedOn] = await repliesIn(h.server, 5656, 2);
    expect(turnedOn!.text).toContain('kèm ảnh');
    expect(h.app.store.subscriptions.get(5656)).toMatchObject({ attachPicture: true, sendTime: '07:00' });

    await h.running.digest.runOnce();
    const [, , digest] = await repliesIn(h.server, 5656, 3);
    expect(digest!.text).toContain('Bản tin 8/12/2020');
    await expect.poll(() => photosTo(5656).length, { timeout: 15_000 }).toBe(1);
    expect(EmulatorProxy.field(photosTo(5656)[0]!, 'caption')).toContain('Hạn chót quanh ngày 8/12/2020');
    expect(PNG.sync.read(EmulatorProxy.png(photosTo(5656)[0]!)).width).toBe(900);
    // Chat 5151 subscribed without a picture: its digest came as text only.
    expect(photosTo(5151)).toEqual([]);

    await client.sendCommand(client.makeCommand('/subscribe không ảnh'));
    await repliesIn(h.server, 5656, 4);
    expect(h.app.store.subscriptions.get(5656)?.attachPicture).toBe(false);
  });
});
