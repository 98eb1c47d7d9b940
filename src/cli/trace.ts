import { runCommand } from './main.js';

/** Explains an answer: what was asked, what was retrieved with which ranks, what was cited, and why. */
await runCommand(async (app, [idText]) => {
  const id = idText === 'last' || idText === undefined ? app.store.traces.latestId() : Number(idText);
  const trace = id ? app.store.traces.get(id) : undefined;
  if (!trace) {
    console.error(`Không có trace #${idText ?? ''}. Cách dùng: npm run trace -- <id | last>`);
    return 2;
  }
  console.log(`Trace #${trace.id} (${trace.createdAt}), ${trace.answerer}, ${trace.latencyMs} ms${trace.conversationId ? `, hội thoại ${trace.conversationId}` : ''}`);
  console.log(`Câu hỏi:     ${trace.question}`);
  if (trace.rewritten !== trace.question) console.log(`Viết lại:    ${trace.rewritten}`);
  console.log(`Tìm thấy:    ${trace.found ? 'có' : 'không'}${trace.error ? ` — ${trace.error}` : ''}`);
  console.log(`\nTrả lời:\n${trace.answer}`);
  console.log('\nĐoạn truy xuất (điểm RRF; hạng toàn văn / vector / dữ kiện):');
  for (const [i, r] of (trace.retrieved as Array<Record<string, unknown>>).entries()) {
    console.log(`  ${i + 1}. #${r.chunkId} ${r.source} — ${r.score} (${r.textRank ?? '-'} / ${r.vectorRank ?? '-'} / ${r.factRank ?? '-'})`);
  }
  console.log('\nCác câu ứng viên (xác suất chứa câu trả lời; → đã chọn):');
  for (const d of trace.decision as Array<Record<string, unknown>>) {
    console.log(`  ${d.chosen ? '→' : ' '} ${String(d.strategy).padEnd(17)} ${d.probability} — ${d.first}`);
    if (d.features) console.log(`      ${Object.entries(d.features as Record<string, number>).filter(([, v]) => v !== 0).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  }
  console.log('\nTrích dẫn:');
  for (const c of trace.citations as Array<Record<string, unknown>>) console.log(`  [${c.n}] ${c.source} ký tự ${c.start}–${c.end}: “${c.quote}”`);
  return 0;
});
