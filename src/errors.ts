/**
 * One error type for everything the product expects to go wrong. `code` says what
 * happened (callers branch on it); `message` is a one-line Vietnamese sentence a user
 * can read; `cause` keeps the underlying error for logs.
 */
export type AppErrorCode =
  | 'CONFIG_INVALID'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_ENCODING'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_UNSUPPORTED_TYPE'
  | 'INPUT_NO_ARTICLE'
  | 'INPUT_INVALID'
  | 'DOCUMENT_INVALID'
  | 'DOCUMENT_SCANNED'
  | 'DOCUMENT_ENCRYPTED'
  | 'DOCUMENT_LEGACY_ENCODING'
  | 'URL_INVALID'
  | 'URL_HTTP_STATUS'
  | 'URL_TIMEOUT'
  | 'URL_NETWORK'
  | 'URL_CONTENT_TYPE'
  | 'URL_PRIVATE'
  | 'URL_REDIRECTS'
  | 'WATCH_NOT_FEED'
  | 'WATCH_XML_INVALID'
  | 'WATCH_NOT_FOUND'
  | 'STORE_UNWRITABLE'
  | 'STORE_CORRUPT'
  | 'ARTICLE_NOT_FOUND'
  | 'EMBEDDINGS_FAILED';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** The message to show for any error: ours as written, anything else reduced to one line. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'Lỗi không xác định';
  return String(error);
}
