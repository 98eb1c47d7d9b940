/**
 * Deterministic generator of realistic Vietnamese articles in the shape of the bundled ones:
 * a conference, officials with chains of titles presenting plans that implement resolutions,
 * deadlines, and page noise. Same seed, same corpus. Each article also returns the facts it
 * states, so benchmarks can ask questions whose answers are known.
 */

export interface GeneratedFact {
  /** "Thành ủy Hà Nội", "Tỉnh ủy Nghệ An". */
  committee: string;
  presenter: string;
  titles: string;
  document: string;
  resolution: string;
  deadline: string;
  task: string;
}

export interface GeneratedArticle {
  fileName: string;
  text: string;
  facts: GeneratedFact[];
}

/** Mulberry32: a small seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Đoàn'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Hồng', 'Quốc', 'Thanh', 'Ngọc', 'Xuân', 'Trọng', 'Mạnh', 'Tiến', 'Hữu', 'Thu'];
const GIVEN = ['Bảo', 'Sơn', 'Hải', 'Tuấn', 'Dũng', 'Tuyến', 'Phong', 'Đông', 'Quyền', 'Thành', 'Hùng', 'Lan', 'Hà', 'Long', 'Nam', 'Khánh', 'Trang', 'Đạt', 'Hiếu', 'Yến'];
const PLACES = ['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Nghệ An', 'Thanh Hóa', 'Quảng Ninh', 'Bắc Ninh', 'Thái Bình', 'Nam Định', 'Lâm Đồng', 'Đắk Lắk', 'Bình Định', 'Huế'];
const TITLES = [
  'Ủy viên Ban Thường vụ {c}, Trưởng ban Tổ chức {c}',
  'Phó Chủ tịch UBND {p}',
  'Ủy viên Ban Thường vụ {c}, Phó Chủ tịch Thường trực UBND {p}',
  'Phó Bí thư Thường trực {c}',
  'Ủy viên Ban Thường vụ {c}, Trưởng ban Tuyên giáo {c}',
  'Giám đốc Sở Kế hoạch và Đầu tư',
  'Chánh Văn phòng {c}',
];
const TOPICS = [
  'tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới',
  'tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới',
  'tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045',
  'nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045',
  'quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị Việt Nam',
  'phát triển kinh tế tập thể trong giai đoạn mới',
  'định hướng chiến lược địa chất, khoáng sản và công nghiệp khai khoáng',
  'phòng thủ dân sự đến năm 2030 và những năm tiếp theo',
  'đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
  'phát triển văn hóa, con người đáp ứng yêu cầu phát triển bền vững',
];
const TASKS = [
  'các hội nghị quán triệt do các huyện ủy, thị ủy tổ chức',
  'báo cáo sơ kết của các sở, ban, ngành',
  'dự thảo kế hoạch tổng thể trình Ủy ban nhân dân',
  'các lớp bồi dưỡng do Ban Tuyên giáo tổ chức',
  'việc rà soát, bổ sung quy hoạch cán bộ',
  'báo cáo đánh giá kết quả thực hiện chỉ tiêu',
];
const FILLER = [
  'Các đại biểu đã thảo luận sôi nổi, đóng góp nhiều ý kiến tâm huyết, trách nhiệm vào các dự thảo.',
  'Hội nghị thống nhất cao với các mục tiêu, nhiệm vụ và giải pháp đã đề ra trong giai đoạn tới.',
  'Các cấp ủy, tổ chức Đảng cần chủ động nghiên cứu, cụ thể hóa nghị quyết phù hợp với thực tiễn địa phương, đơn vị.',
  'Việc triển khai phải bảo đảm đồng bộ, thiết thực, hiệu quả, tránh hình thức, lãng phí.',
  'Ban Thường vụ yêu cầu các cơ quan tham mưu tiếp thu tối đa các ý kiến xác đáng để hoàn thiện dự thảo.',
  'Kết quả thực hiện sẽ được sơ kết, đánh giá định kỳ và báo cáo cấp ủy theo quy định.',
];
const NOISE = ['Có thể bạn quan tâm', 'Xe container bốc cháy ngùn ngụt khi đang trên đường', 'Tin khác', 'Chỉ đạo - Điều hành 06/02/2025 22:02', 'Phiên bản di động'];

export function generateArticle(index: number, random: () => number): GeneratedArticle {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const place = pick(PLACES);
  const committee = place === 'Hà Nội' || place === 'Hải Phòng' || place === 'Đà Nẵng' || place === 'Cần Thơ' ? 'Thành ủy' : 'Tỉnh ủy';
  const province = committee === 'Thành ủy' ? `thành phố ${place}` : `tỉnh ${place}`;
  const year = 2019 + Math.floor(random() * 6);
  const day = 1 + Math.floor(random() * 27);
  const month = 1 + Math.floor(random() * 12);
  const facts: GeneratedFact[] = [];
  const paragraphs: string[] = [];
  const presenters = 1 + Math.floor(random() * 3);
  paragraphs.push(`Chiều ${day}/${month}, ${committee} ${place} tổ chức hội nghị lấy ý kiến về các chương trình, kế hoạch thực hiện nghị quyết của Trung ương.`);
  paragraphs.push(pick(FILLER));
  for (let p = 0; p < presenters; p++) {
    const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const titles = pick(TITLES).replaceAll('{c}', committee).replaceAll('{p}', place);
    const resolutionNumber = 1 + Math.floor(random() * 60);
    const resolution = `${resolutionNumber}-NQ/TƯ`;
    const documentNumber = index * 3 + p + 1; // unique in a corpus, so questions about it have one answer
    const document = `Kế hoạch số ${documentNumber}-KH/TU`;
    const deadlineDay = 1 + Math.floor(random() * 28);
    const deadlineMonth = 1 + Math.floor(random() * 12);
    const deadline = `${deadlineDay}/${deadlineMonth}/${year + 1}`;
    const task = pick(TASKS);
    facts.push({ committee: `${committee} ${place}`, presenter: name, titles, document, resolution, deadline, task });
    paragraphs.push(
      `${titles} ${name} trình bày ${document} của ${committee} ${place} về thực hiện Nghị quyết số ${resolution} ngày ${1 + Math.floor(random() * 28)}/${1 + Math.floor(random() * 12)}/${year} của Ban Chấp hành Trung ương Đảng về ${pick(TOPICS)}.`,
    );
    paragraphs.push(`Theo kế hoạch, ${task} phải hoàn thành trước ngày ${deadline}. ${pick(FILLER)}`);
  }
  paragraphs.push(pick(FILLER), pick(FILLER));
  const title = `${committee} ${place} triển khai thực hiện các nghị quyết Trung ương về ${pick(TOPICS).split(',')[0]}`;
  const stamp = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year} | 08:${String(10 + (index % 50)).padStart(2, '0')}`;
  const text = [title, stamp, '', ...paragraphs.flatMap((paragraph) => [paragraph, '']), ...(random() < 0.5 ? NOISE : [])].join('\n');
  const tag = province.replace(/\s+/g, '-');
  return { fileName: `gen_${String(index).padStart(6, '0')}_${tag}.txt`, text, facts };
}

export function generateCorpus(count: number, seed = 42): GeneratedArticle[] {
  return [...corpusStream(count, seed)];
}

/** The same articles one at a time, for corpora too large to hold (a million chunks). */
export function* corpusStream(count: number, seed = 42): Generator<GeneratedArticle> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) yield generateArticle(i, random);
}
