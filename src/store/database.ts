import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors.js';
import { migrate } from './migrations.js';

export const DATABASE_FILE = 'store.db';

/**
 * Opens (creating if needed) the SQLite database in `dataDir`: WAL so readers never block the
 * writer and a killed process never leaves a half-written transaction, foreign keys on, schema
 * migrated. A directory that cannot be written fails here, with its path in the message.
 */
export function openDatabase(dataDir: string): Database.Database {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (cause) {
    throw new AppError('STORE_UNWRITABLE', `Không ghi được vào thư mục dữ liệu ${dataDir} (DATA_DIR): ${(cause as Error).message}`, {
      cause,
    });
  }
  let db: Database.Database;
  try {
    db = new Database(path.join(dataDir, DATABASE_FILE));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (cause) {
    throw asStoreError(cause, dataDir);
  }
  return db;
}

/**
 * SQLite's storage failures (disk full, read-only, I/O, corruption) as one clear AppError
 * naming the data directory; anything else is returned unchanged.
 */
export function asStoreError(cause: unknown, dataDir: string): unknown {
  const code = (cause as { code?: string }).code ?? '';
  const reason = (cause as Error).message;
  if (/FULL/.test(code)) return new AppError('STORE_UNWRITABLE', `Kho dữ liệu ${dataDir} đã đầy (hết dung lượng đĩa): ${reason}`, { cause });
  if (/READONLY|CANTOPEN|IOERR|PERM/.test(code)) {
    return new AppError('STORE_UNWRITABLE', `Không ghi được vào kho dữ liệu ${dataDir}: ${reason}`, { cause });
  }
  if (/CORRUPT|NOTADB/.test(code)) {
    return new AppError('STORE_CORRUPT', `Cơ sở dữ liệu ${path.join(dataDir, DATABASE_FILE)} bị hỏng: ${reason}`, { cause });
  }
  return cause;
}
