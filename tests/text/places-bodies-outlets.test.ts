import { describe, expect, it } from 'vitest';
import { findOrganizations } from '../../src/text/organizations.js';
import { fromOutlet, outletMarkerLength, outletOfQuestion } from '../../src/text/outlets.js';
import { findPlaces } from '../../src/text/places.js';

describe('findPlaces', () => {
  it('finds units with their names, provinces, venues after "tại" and listed units', () => {
    const places = (text: string) => findPlaces(text).map((p) => [p.kind, p.text]);
    expect(places('Ban Thường vụ đã chọn Đảng bộ phường Nha Trang để tổ chức đại hội điểm')).toEqual([['unit', 'phường Nha Trang']]);
    expect(places('Ngày 9-4, tại Hội trường Tỉnh ủy, Ban Thường vụ tổ chức hội nghị')).toEqual([['venue', 'Hội trường Tỉnh ủy']]);
    expect(places('xây dựng 5 huyện: Đông Anh, Gia Lâm, Thanh Trì thành quận')).toEqual([['unit', '5 huyện: Đông Anh, Gia Lâm, Thanh Trì']]);
    expect(places('diễn ra tại Cung Văn hóa thiếu nhi tỉnh Khánh Hòa.').map((p) => p[0])).toEqual(['venue', 'unit', 'province']);
  });
});

describe('findOrganizations', () => {
  it('takes a body by its head word and the name that follows, not the verb after it', () => {
    const bodies = (text: string) => findOrganizations(text).map((o) => o.text);
    expect(bodies('UBND TP giao Sở Kế hoạch và Đầu tư chủ trì')).toEqual(['UBND TP', 'Sở Kế hoạch và Đầu tư']);
    expect(bodies('Ban Thường vụ Tỉnh ủy đã chọn Đảng bộ phường Nha Trang để tổ chức')).toEqual(['Ban Thường vụ Tỉnh ủy', 'Đảng bộ phường Nha Trang']);
    expect(bodies('Đảng ủy – Ban Chỉ huy quân sự Quận 1 tổ chức quán triệt')).toEqual(['Đảng ủy', 'Ban Chỉ huy quân sự Quận 1']);
  });
});

describe('outlets', () => {
  it('measures the outlet marker a report opens with, and nothing else', () => {
    for (const text of ['(HNMO) - Sáng 29-9', 'SKĐS - Chủ tịch UBND', 'BDK.VN - Sáng 4-4-2022', '(Quanlynhanuoc.vn) – Sáng ngày', 'Trực tiếp - Ngày 9-4']) {
      expect(outletMarkerLength(text)).toBeGreaterThan(0);
    }
    expect(outletMarkerLength('Hà Nội - Thủ đô ngàn năm văn hiến')).toBe(0);
    expect(outletMarkerLength('Ngày 15/7/2019, Ban Chấp hành')).toBe(0);
  });

  it('reads the outlet a question names, in Vietnamese or English', () => {
    expect(outletOfQuestion('Theo báo Sức khỏe & Đời sống, Hà Nội hoàn thiện hồ sơ khi nào?')).toEqual(['suckhoedoisong', 'skds']);
    expect(outletOfQuestion('Theo Dân trí, đại hội có bầu cử không?')).toEqual(['dantri', 'dt']);
    expect(outletOfQuestion('Sau hội nghị, cấp ủy phải xây dựng văn bản gì (theo PLO)?')).toEqual(['plo']);
    expect(outletOfQuestion('According to Lao Động, who signed the plan?')).toEqual(['laodong', 'ld']);
    expect(outletOfQuestion('Theo Nghị quyết 28, ai chịu trách nhiệm?')).toBeNull();
    expect(outletOfQuestion('Theo kế hoạch của tỉnh, việc học tập hoàn thành khi nào?')).toBeNull();
  });

  it('tells an article of the outlet by its address, its file name or its marker', () => {
    expect(fromOutlet(['laodong'], 'https://laodong.vn/thoi-su/bai-viet.html', 'Sáng 3/4')).toBe(true);
    expect(fromOutlet(['suckhoedoisong', 'skds'], 'bai-khac.txt', 'SKĐS - Chủ tịch UBND')).toBe(true);
    expect(fromOutlet(['dantri'], 'https://sggp.org.vn/dong-nai.html', 'Sáng 29-9')).toBe(false);
  });
});
