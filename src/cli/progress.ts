import { SingleBar, Presets } from 'cli-progress';
import type { IngestProgress } from '../ingest/pipeline.js';

/** A progress bar on stderr for runs long enough to need one, on a terminal; silent otherwise. */
export function progressReporter(minItems = 20): { onProgress: (progress: IngestProgress) => void; stop: () => void } {
  let bar: SingleBar | undefined;
  return {
    onProgress(progress) {
      if (!process.stderr.isTTY || progress.total < minItems) return;
      if (!bar) {
        bar = new SingleBar({ format: 'Đang nạp [{bar}] {value}/{total} {current}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
        bar.start(progress.total, 0, { current: '' });
      }
      bar.update(progress.done, { current: progress.current.slice(-40) });
    },
    stop() {
      bar?.stop();
    },
  };
}
