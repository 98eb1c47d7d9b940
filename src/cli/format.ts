import type { IngestSummary } from '../ingest/pipeline.js';

const OUTCOME_LABELS = { added: 'thêm mới', updated: 'cập nhật', unchanged: 'không đổi', reprint: 'bản đăng lại' } as const;

/** The ingest summary as a person reads it: one line of counts, then one line per failure. */
export function formatIngestSummary(summary: IngestSummary): string {
  const counts = (Object.keys(OUTCOME_LABELS) as Array<keyof typeof OUTCOME_LABELS>)
    .map((outcome) => `${summary.count(outcome)} ${OUTCOME_LABELS[outcome]}`)
    .join(', ');
  const lines = [`Kết quả: ${counts}, ${summary.failures.length} lỗi.`];
  for (const result of summary.results.filter((r) => r.outcome === 'reprint')) {
    lines.push(`  = ${result.source}: cùng nội dung với bài ${result.reprintOf}, đã ghi thêm nguồn`);
  }
  for (const failure of summary.failures) lines.push(`  ✗ ${failure.message}`);
  return lines.join('\n');
}
