import { describe, expect, it } from 'vitest';
import { PRESENTATION_ROLES, roleOfAct } from '../../src/facts/roles.js';

describe('the role of an act', () => {
  it.each([
    ['trình bày tóm tắt', 'present'],
    ['báo cáo', 'report'],
    ['tổng hợp', 'report'],
    ['quán triệt, triển khai', 'brief'],
    ['phổ biến', 'brief'],
    ['thông tin nhanh', 'brief'],
    ['truyền đạt', 'convey'],
    ['ký ban hành', 'sign'],
    ['thay mặt Bộ Chính trị ký ban hành', 'sign'],
    ['đồng chủ trì', 'chair'],
    ['có bài phát biểu khai mạc', 'open'],
    ['phát biểu khai mạc và chỉ đạo', 'open'],
    ['thay mặt Đoàn Chủ tịch trình bày diễn văn bế mạc', 'close'],
    ['dự và phát biểu chỉ đạo', 'direct'],
    ['có những ý kiến chỉ đạo', 'direct'],
    ['phát biểu', 'speak'],
    ['phát biểu kết luận', 'speak'],
    ['tiếp thu, giải trình', 'respond'],
    ['thay mặt Ban Chỉ đạo tiếp thu', 'respond'],
    ['thay mặt Ban Chỉ đạo trình bày', 'present'],
  ])('"%s" is %s', (act, role) => {
    expect(roleOfAct(act)).toBe(role);
    expect(PRESENTATION_ROLES).toContain(role);
  });
});
