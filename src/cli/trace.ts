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
  console.log('\nCác phương án (độ phủ câu hỏi → điểm; thiếu; liên quan; chọn):');
  for (const d of trace.decision as Array<Record<string, unknown>>) {
    console.log(`  ${d.chosen ? '→' : ' '} ${String(d.strategy).padEnd(12)} ${d.coverage} → ${d.total}${(d.unmet as string[]).length ? `; thiếu ${(d.unmet as string[]).join(', ')}` : ''}${d.relevant ? '' : '; kém liên quan'} — ${d.first}`);
  }
  console.log('\nTrích dẫn:');
  for (const c of trace.citations as Array<Record<string, unknown>>) console.log(`  [${c.n}] ${c.source} ký tự ${c.start}–${c.end}: “${c.quote}”`);
  return 0;
});
