import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Flushes a file (or directory entry list) to disk; best effort where the platform refuses. */
export function fsyncPath(file: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Moves a fully written temporary file into place: readers see the old file or the new one, never half of one. */
export function commitFile(tempFile: string, finalFile: string): void {
  fsyncPath(tempFile);
  renameSync(tempFile, finalFile);
  fsyncPath(path.dirname(finalFile));
}

export function writeFileAtomic(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  commitFile(temp, file);
}
