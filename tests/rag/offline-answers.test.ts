import { describe, expect, it } from 'vitest';
import { useBundledApp } from '../helpers.js';

const app = useBundledApp();
const ask = (question: string, conversationId?: string) => app().answers.ask(question, { conversationId });

describe('offline answers on the bundled articles', () => {
  it('says who presented the plan for a resolution, with the titles and a citation of the sentence', async () => {
    const answer = await ask('Kế hoạch thực hiện Nghị quyết 28 do ai trình bày?');
    expect(answer).toMatchObject({ found: true, answerer: 'offline', language: 'vi' });
    expect(answer.text).toContain('Vũ Đức Bảo (Ủy viên Ban Thường vụ Thành ủy, Trưởng ban Tổ chức Thành ủy) trình bày');
    expect(answer.text).toMatch(/\[1\]/);
    expect(answer.citations[0]).toMatchObject({ n: 1, source: '000_858032534c20a8a8.txt' });
    expect(answer.citations[0]!.quote).toContain('Vũ Đức Bảo trình bày Kế hoạch');
  });

  it('answers a question typed without diacritics', async () => {
    const answer = await ask('nguyen trong dong giai trinh ve nghi quyet nao');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('10-NQ/TƯ');
  });

  it('answers in English when asked in English, quoting the Vietnamese source', async () => {
    const answer = await ask('Who presented the draft action programme for Resolution 27-NQ/TW at the December meeting?');
    expect(answer.language).toBe('en');
    expect(answer.text).toContain('Lê Hồng Sơn');
    expect(answer.text).toMatch(/— trình bày:/);
  });

  it('gives the deadline of a task the question describes', async () => {
    const answer = await ask('Các lớp do Ban Tuyên giáo Thành ủy tổ chức phải hoàn thành khi nào?');
    expect(answer.text).toContain('hoàn thành trong tháng 12/2020');
    expect(answer.citations[0]!.source).toBe('002_cb67e36fc604a1f7.txt');
  });

  it('lists every deadline before a month when asked for a list', async () => {
    const answer = await ask('Những việc nào phải hoàn thành trước tháng 2/2021?');
    expect(answer.found).toBe(true);
    for (const phrase of ['trước ngày 10/12/2020', 'trước ngày 25/12/2020', 'hoàn thành trước ngày 15/1/2021', 'trước ngày 30/1/2021', 'hoàn thành trong tháng 1/2021']) {
      expect(answer.text).toContain(phrase);
    }
    expect(answer.text).not.toContain('2/7/2021');
  });

  it('says when a document was issued and what it is about', async () => {
    const answer = await ask('Văn bản 5418/UBND-TKBT của UBND TP Hà Nội về việc gì?');
    expect(answer.text).toContain('5418/UBND-TKBT');
    expect(answer.text).toContain('triển khai thực hiện Chương trình hành động');
  });

  it('declines what the sources do not say, citing nothing', async () => {
    for (const question of ['Ai trình bày kế hoạch thực hiện Nghị quyết số 45-NQ/TW về giai cấp công nhân?', 'Ngân sách dành cho đề án chuyển đổi số của Hà Nội năm 2024 là bao nhiêu tỷ đồng?', 'Kinh phí thực hiện Kế hoạch 04-KH/TU là bao nhiêu?']) {
      const answer = await ask(question);
      expect(answer).toMatchObject({ found: false, citations: [], text: 'Các nguồn hiện có không nêu thông tin này.' });
    }
    expect((await ask('What was the budget of the digital transformation scheme?')).text).toBe('The sources available do not contain this information.');
  });

  it('records a trace that explains the answer', async () => {
    const answer = await ask('Ai tổng hợp kết quả thảo luận tổ tại Hội nghị lần thứ mười một?');
    const trace = app().store.traces.get(answer.traceId!)!;
    expect(trace).toMatchObject({ question: 'Ai tổng hợp kết quả thảo luận tổ tại Hội nghị lần thứ mười một?', answerer: 'offline', found: true });
    expect(trace.retrieved.length).toBeGreaterThan(0);
    expect(trace.decision.some((d) => (d as { chosen: boolean }).chosen)).toBe(true);
  });
});

describe('follow-up questions', () => {
  it('resolves "kế hoạch đó" to the plan of the previous answer', async () => {
    const first = await ask('Kế hoạch số 04-KH/TU được ban hành ngày nào?', 'chat-1');
    expect(first.text).toContain('18/11/2020');
    const followUp = await ask('Còn hạn chót của kế hoạch đó?', 'chat-1');
    expect(followUp.rewritten).toContain('4-KH/TU');
    expect(followUp.found).toBe(true);
    expect(followUp.text).toMatch(/15\/1\/2021|tháng 12\/2020|tháng 1\/2021/);
  });

  it('keeps conversations apart', async () => {
    await ask('Kế hoạch số 30-KH/TU về việc gì?', 'chat-2');
    const other = await ask('Còn hạn chót của kế hoạch đó?', 'chat-3');
    expect(other.rewritten).toBe('Còn hạn chót của kế hoạch đó?');
  });
});
