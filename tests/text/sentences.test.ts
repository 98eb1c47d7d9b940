import { describe, expect, it } from 'vitest';
import { sentencesOf, sentenceSpans } from '../../src/text/sentences.js';

describe('sentencesOf', () => {
  it('splits at full stops followed by a capital', () => {
    expect(sentencesOf('Hội nghị đã thành công. Bí thư phát biểu kết luận.')).toEqual(['Hội nghị đã thành công.', 'Bí thư phát biểu kết luận.']);
  });

  it('does not split after abbreviations, initials or inside numbers', () => {
    expect(sentencesOf('UBND TP. Hà Nội giao 1.000 cán bộ. Ông Nguyễn V. An trình bày.')).toEqual([
      'UBND TP. Hà Nội giao 1.000 cán bộ.',
      'Ông Nguyễn V. An trình bày.',
    ]);
    expect(sentencesOf('KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Trương Văn Nam')).toEqual(['KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Trương Văn Nam']);
  });

  it('treats every line break as a boundary and keeps exact offsets', () => {
    const text = 'Tiêu đề\nCâu một. Câu hai!\n\nCâu ba…';
    const spans = sentenceSpans(text);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['Tiêu đề', 'Câu một.', 'Câu hai!', 'Câu ba…']);
  });
});
