import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../src/progress-bar.ts';

describe('progress bar', () => {
  it('draws files parsed out of the total on a terminal, then clears its line', () => {
    let written = '';
    const bar = createProgressBar({ isTTY: true, columns: 80, write: (t: string) => (written += t) });
    bar.listener({ type: 'step-start', step: 'parse' });
    bar.listener({ type: 'file-parsed', done: 10, total: 10, cached: false });
    bar.done();
    expect(written.split('\r\x1b[2K')).toEqual(['', 'parsing...', `parsing [${'#'.repeat(30)}] 10/10 files`, '']);
  });

  it('writes nothing when stderr is not a terminal', () => {
    let written = '';
    const bar = createProgressBar({ write: (t: string) => (written += t) });
    bar.listener({ type: 'step-start', step: 'parse' });
    bar.listener({ type: 'file-parsed', done: 1, total: 1, cached: false });
    bar.done();
    expect(written).toBe('');
  });
});
