import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { expect, it } from 'vitest';
import type { ProgressListener } from '@seams/graph';
import { App } from '../src/app.tsx';
import { FIXTURE, settle } from './frames.tsx';

it('draws the analysis steps while the project loads: done ones with their time, the parse bar', async () => {
  const load = async (onProgress: ProgressListener) => {
    onProgress({ type: 'step-start', step: 'discover' });
    onProgress({ type: 'files-found', total: 157 });
    onProgress({ type: 'step-end', step: 'discover', ms: 7.4 });
    onProgress({ type: 'step-start', step: 'parse' });
    onProgress({ type: 'file-parsed', done: 80, total: 157, cached: false });
    // Never resolves: the test looks at the progress view only.
    return new Promise<never>(() => {});
  };
  const ui = render(<App load={load} save={async () => ''} color={false} size={{ width: 80, height: 24 }} />);
  while (!ui.lastFrame()?.includes('80/157')) await settle();
  await expect(ui.lastFrame() + '\n').toMatchFileSnapshot(join(FIXTURE, 'frames', 'progress.txt'));
  ui.unmount();
});
