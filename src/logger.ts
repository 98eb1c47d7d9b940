import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured logs on stderr (stdout is for command output). Secrets are redacted wherever they appear as fields. */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['token', '*.token', 'apiKey', '*.apiKey', 'config.telegramBotToken', 'config.openai.apiKey', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
