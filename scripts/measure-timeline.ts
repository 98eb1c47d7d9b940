/**
 * Times the deadline picture for a full page (40 rows: ranges, days, overdue), the way the bot
 * draws it, and writes it for a look. Usage: tsx scripts/measure-timeline.ts [out.png]
 */
import { writeFileSync } from 'node:fs';
import { renderTimeline } from '../src/digest/timeline/index.js';
import type { StoredDeadline } from '../src/store/fact-repository.js';
import { addDays } from '../src/text/clock.js';

const TASKS = ['Xây dựng kế hoạch thực hiện Nghị quyết 57-NQ/TW về chuyển đổi số', 'Tổ chức hội nghị quán triệt, triển khai', 'Báo cáo sơ kết 6 tháng', 'Rà soát, đánh giá đội ngũ cán bộ chủ chốt', 'Hoàn thành đề án sắp xếp đơn vị hành chính cấp xã'];
const BODIES = ['Sở Nội vụ', 'Ban Tuyên giáo Thành ủy', 'Sở Thông tin và Truyền thông', 'UBND các quận, huyện', 'Đảng đoàn HĐND tỉnh'];

function deadline(i: number): StoredDeadline {
  const end = addDays('2020-12-01', (i * 7) % 31);
  const range = i % 3 === 0;
  return {
    id: i, articleId: `a${i % 6}`, chunkId: null, source: `https://baodientu.vn/bai-${i % 6}.html`, title: `Bài viết số ${i % 6} về kế hoạch`, publishedDate: '2020-11-20',
    task: `${TASKS[i % TASKS.length]} (${i + 1})`, responsible: BODIES[i % BODIES.length]!, phrase: range ? 'trong tháng 12/2020' : `trước ngày ${end}`,
    kind: range ? 'within_month' : 'before_date', startDate: range ? '2020-12-01' : null, endDate: range ? '2020-12-31' : end,
    inference: null, relatedDocument: null, quote: '…', start: 0, end: 1, origin: 'rules',
  };
}

const deadlines = Array.from({ length: 40 }, (_, i) => deadline(i));
const options = { heading: 'Hạn chót tháng 12/2020', today: '2020-12-15', from: '2020-12-01', to: '2020-12-31' };
await renderTimeline(deadlines.slice(0, 2), options); // warm-up: module loading and font parsing are paid once per process
const times: number[] = [];
let last;
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  last = await renderTimeline(deadlines, options);
  times.push(performance.now() - started);
}
const picture = last!.pictures[0]!;
writeFileSync(process.argv[2] ?? 'timeline-40.png', picture.png);
times.sort((a, b) => a - b);
console.log(`40 hạn: ${picture.width}×${picture.height} px, ${(picture.png.length / 1024).toFixed(0)} KiB; render median ${times[2]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)})`);
