import type { ProgressListener } from '@seams/graph';
import type { Streams } from './streams.ts';

const STEP_LABELS: Record<string, string> = {
  discover: 'finding files',
  parse: 'parsing',
  resolve: 'resolving imports',
  trace: 'tracing barrels',
  cache: 'saving cache',
};

/** One JSON object per event and line on stderr, for tools that drive seams. */
export function createNdjsonProgress(stderr: Streams['stderr']): { listener: ProgressListener; done(): void } {
  return { listener: (event) => stderr.write(JSON.stringify(event) + '\n'), done: () => {} };
}

/** A one-line bar on a terminal; nothing when stderr is piped, so logs stay clean. */
export function createProgressBar(stderr: Streams['stderr']): { listener: ProgressListener; done(): void } {
  if (!stderr.isTTY) return { listener: () => {}, done: () => {} };
  let lastDraw = 0;
  let drawn = false;
  const draw = (text: string) => {
    const width = Math.max(20, (stderr.columns ?? 80) - 1);
    stderr.write(`\r\x1b[2K${text.slice(0, width)}`);
    drawn = true;
  };
  const listener: ProgressListener = (event) => {
    if (event.type === 'step-start') draw(`${STEP_LABELS[event.step] ?? event.step}...`);
    if (event.type !== 'file-parsed') return;
    const now = performance.now();
    if (now - lastDraw < 50 && event.done !== event.total) return;
    lastDraw = now;
    const size = 30;
    const filled = Math.round((event.done / Math.max(1, event.total)) * size);
    draw(`parsing [${'#'.repeat(filled)}${'-'.repeat(size - filled)}] ${event.done}/${event.total} files`);
  };
  return { listener, done: () => drawn && stderr.write('\r\x1b[2K') };
}
