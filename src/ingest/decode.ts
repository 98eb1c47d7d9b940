import { AppError } from '../errors.js';

/** Share of control characters above which bytes are treated as binary, not text. */
const CONTROL_RATIO = 0.02;

/**
 * Bytes → text with every way it can go wrong named: empty, binary, not in the declared
 * encoding. `name` is the input as the user gave it, for the error message.
 */
export function decodeText(bytes: Uint8Array, name: string, charset = 'utf-8'): string {
  if (bytes.length === 0 || bytes.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d))) {
    throw new AppError('INPUT_EMPTY', `${name}: tệp rỗng, không có nội dung để nạp`);
  }
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) throw new AppError('INPUT_BINARY', `${name}: là tệp nhị phân, không phải văn bản`);
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) controls++;
  }
  if (controls / sample.length > CONTROL_RATIO) {
    throw new AppError('INPUT_BINARY', `${name}: là tệp nhị phân, không phải văn bản`);
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset.toLowerCase(), { fatal: true, ignoreBOM: false });
  } catch (cause) {
    throw new AppError('INPUT_ENCODING', `${name}: bảng mã "${charset}" không được hỗ trợ`, { cause });
  }
  try {
    const text = decoder.decode(bytes);
    if (!text.trim()) throw new AppError('INPUT_EMPTY', `${name}: tệp rỗng, không có nội dung để nạp`);
    return text;
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError('INPUT_ENCODING', `${name}: không phải văn bản ${charset.toUpperCase()} hợp lệ (hãy lưu lại tệp ở dạng UTF-8)`, {
      cause,
    });
  }
}

/** The charset an HTML page declares in a `<meta>` tag, if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i)?.[1];
}
