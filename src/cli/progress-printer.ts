import type { ProgressListener } from '../util/progress.js';
import { type CliStreams, isInteractive } from './io.js';

/** One rewritten status line on a terminal; nothing when stderr is a file or a CI log. */
export function createProgressPrinter(streams: CliStreams): { listener: ProgressListener; clear(): void } {
  if (!isInteractive(streams.stderr)) return { listener: () => {}, clear() {} };
  let shown = false;
  return {
    listener(event) {
      const count = event.total ? ` ${event.done ?? 0}/${event.total}` : '';
      streams.stderr.write(`\r\u001b[2K${event.stage}: ${event.message}${count}`);
      shown = true;
    },
    clear() {
      if (shown) streams.stderr.write('\r\u001b[2K');
    },
  };
}
