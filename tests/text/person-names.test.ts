import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameAtEnd, nameAtStart, personNamesIn } from '../../src/text/person-names.js';
import { personAtEnd, peopleInList, subjectBefore } from '../../src/facts/people.js';

const settings = { numRuns: 200, seed: 20_240_601 };

// Composed names and titles (not taken from any article): family names, middle and given syllables, offices.
const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Tôn', 'Lò', 'Hà'];
const rareFamilies = ['Giàng', 'Sùng', 'Thào', 'Vàng', 'Mùa', 'Điểu', 'Lầu', 'Hầu'];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Xuân', 'Quốc', 'Thanh', 'Kim', 'Seo', 'A'];
const givens = ['Hùng', 'Lan', 'Bình', 'Tuấn', 'Hương', 'Phong', 'Sơn', 'Dũng', 'Khánh', 'Phử', 'Chinh'];
const titleChains = [
  'Phó Bí thư Tỉnh ủy',
  'Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy',
  'Chủ tịch UBND tỉnh',
  'Giám đốc Sở Tài chính',
  'Bí thư Huyện ủy',
  'Phó Chủ tịch HĐND thành phố',
];

const name = (family: fc.Arbitrary<string>) =>
  fc.tuple(family, fc.array(fc.constantFrom(...middles), { minLength: 0, maxLength: 2 }), fc.constantFrom(...givens)).map(([f, m, g]) => [f, ...m, g].join(' '));

describe('person names', () => {
  it('takes the name after a title chain, whatever the chain', () => {
    fc.assert(
      fc.property(fc.constantFrom(...titleChains), name(fc.constantFrom(...families)), (titles, person) => {
        expect(nameAtEnd(`${titles} ${person}`)?.name).toBe(person);
      }),
      settings,
    );
  });

  it('accepts a family name it does not know, in a name position only', () => {
    fc.assert(
      fc.property(fc.constantFrom(...titleChains), name(fc.constantFrom(...rareFamilies)), (titles, person) => {
        expect(nameAtEnd(`${titles} ${person}`, { anySurname: true })?.name).toBe(person);
        expect(personAtEnd(`đồng chí ${person}, ${titles}`)?.name).toBe(person);
      }),
      settings,
    );
  });

  it('does not take a place that looks like a name, but tells a person from a province by the tone marks', () => {
    expect(nameAtEnd('Chủ tịch UBND tỉnh Lâm Đồng')).toBeNull();
    expect(nameAtEnd('Phó Bí thư Tỉnh ủy Lâm Đông')?.name).toBe('Lâm Đông');
    expect(nameAtEnd('Bí thư Tỉnh ủy Thanh Hoá Đỗ Minh Khánh')?.name).toBe('Đỗ Minh Khánh');
    expect(nameAtEnd('Ủy ban nhân dân tỉnh Hà Giang', { anySurname: true })).toBeNull();
    // The price of the place list: a person called like a district is not recognised.
    expect(nameAtEnd('Bí thư Quận ủy Hoàng Mai')).toBeNull();
  });

  it('does not take a body or a title for a name, even with any family name allowed', () => {
    for (const text of ['Ban Tuyên giáo', 'Sở Nội vụ', 'Ban Bí thư T.Ư Đảng', 'Tỉnh ủy', 'Hội nghị Trung ương', 'Đoàn Chủ tịch']) {
      expect(nameAtEnd(text, { anySurname: true })).toBeNull();
    }
  });

  it('reads a name at the start of "NAME, TITLES"', () => {
    expect(nameAtStart('Trần Minh Khánh, Giám đốc Sở Tài chính')).toEqual({ name: 'Trần Minh Khánh', start: 0 });
    expect(nameAtStart('Sùng A Chinh, Phó Chủ tịch UBND tỉnh', { anySurname: true })?.name).toBe('Sùng A Chinh');
  });

  it('lists the names of a text for checking claims, not the places', () => {
    expect(personNamesIn('Bí thư Tỉnh ủy Quảng Ninh Vũ Đức Phong và Giám đốc Sở Nội vụ Lê Thị Mai dự hội nghị.')).toEqual(['Vũ Đức Phong', 'Lê Thị Mai']);
  });

  it('knows the family names of the peoples of the north and the Central Highlands, as of the Kinh', () => {
    expect(personNamesIn('Trưởng Ban Tuyên giáo Tỉnh ủy Sần Văn Lộc quán triệt nghị quyết.')).toEqual(['Sần Văn Lộc']);
    expect(personNamesIn('Phó Bí thư Thường trực Huyện ủy Rơ Mah Thuấn trình bày báo cáo; Chủ tịch UBND huyện Ksor Phước dự.')).toEqual(['Rơ Mah Thuấn', 'Ksor Phước']);
    expect(personNamesIn('Phó Chủ tịch UBND tỉnh Vàng Seo Cón và đồng chí Thào Thị Hồng cùng dự.')).toEqual(['Vàng Seo Cón', 'Thào Thị Hồng']);
    expect(personNamesIn('Đồng chí Đào Xuân Thịnh, Phó Bí thư Thường trực Huyện ủy trình bày Báo cáo chính trị.')).toEqual(['Đào Xuân Thịnh']);
  });
});

describe('people before an act', () => {
  it('separates the titles from the name on either side', () => {
    expect(personAtEnd('Sáng 14/3, đồng chí Hoàng Văn Phong, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh')).toMatchObject({
      name: 'Hoàng Văn Phong',
      titles: ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh'],
    });
    expect(personAtEnd('Đại tá Tôn Thất Minh Khánh, chính trị viên Ban Chỉ huy quân sự huyện')).toMatchObject({ name: 'Tôn Thất Minh Khánh' });
    expect(personAtEnd('ông Lê Văn Sơn - Ủy viên Ban Thường vụ - Trưởng Ban Dân vận Tỉnh ủy')).toMatchObject({
      name: 'Lê Văn Sơn',
      titles: ['Ủy viên Ban Thường vụ', 'Trưởng Ban Dân vận Tỉnh ủy'],
    });
    expect(personAtEnd('PGS, TS. Nguyễn Văn Hùng, Giám đốc Học viện Chính trị khu vực')).toMatchObject({ name: 'Nguyễn Văn Hùng' });
  });

  it('is nobody when the words before the act are a body, a quote or a plain noun', () => {
    for (const left of ['Sở Tài chính', 'Ban Thường vụ Tỉnh ủy', 'Theo đồng chí Lê Văn Sơn, Bí thư Huyện ủy, việc', 'các đại biểu']) {
      expect(subjectBefore(left)).toEqual([]);
    }
  });

  it('reads a list of people that opens the clause, each with their titles', () => {
    fc.assert(
      fc.property(fc.uniqueArray(name(fc.constantFrom(...families)), { minLength: 2, maxLength: 4 }), fc.constantFrom(...titleChains), (people, titles) => {
        const list = people.map((p) => `${p}, ${titles}`).join('; ');
        expect(subjectBefore(`Các đồng chí: ${list} `).map((p) => p.name)).toEqual(people);
        expect(peopleInList(`có các đồng chí: ${people.map((p) => `${titles} ${p}`).join('; ')}.`).map((p) => p.name)).toEqual(people);
      }),
      settings,
    );
  });

  it('does not take an earlier list for the subject when the clause does not open with it', () => {
    expect(subjectBefore('Dự hội nghị có Bí thư Huyện ủy Lê Văn Sơn; Chủ tịch UBND huyện Trần Thị Lan').map((p) => p.name)).toEqual(['Trần Thị Lan']);
  });
});
