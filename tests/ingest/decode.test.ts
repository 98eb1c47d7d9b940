import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';
import { isAppError } from '../../src/errors.js';

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('decodeText', () => {
  it('decodes UTF-8 and drops the byte-order mark', () => {
    expect(decodeText(Buffer.from('\ufeffNghị quyết', 'utf8'), 'a.txt')).toBe('Nghị quyết');
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'INPUT_EMPTY', 'a.txt: tệp rỗng, không có nội dung để nạp'],
    ['a file of blanks', Buffer.from(' \n\t \n'), 'INPUT_EMPTY', 'a.txt: tệp rỗng, không có nội dung để nạp'],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), 'INPUT_BINARY', 'a.txt: là tệp nhị phân, không phải văn bản'],
    ['Latin-1 bytes', Buffer.from('Ngh\xe9 quy\xeat', 'latin1'), 'INPUT_ENCODING', 'a.txt: không phải văn bản UTF-8 hợp lệ (hãy lưu lại tệp ở dạng UTF-8)'],
  ])('refuses %s with a one-line message naming the input', (_, bytes, code, message) => {
    const error = errorOf(() => decodeText(bytes, 'a.txt'));
    expect(isAppError(error, code as never)).toBe(true);
    expect((error as Error).message).toBe(message);
  });
});
