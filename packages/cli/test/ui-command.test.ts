import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIn } from './run-in.ts';

const top = join(import.meta.dirname, '../../..');
const seams = runIn(top);

// The UI itself is tested by frames (packages/tui) and in a real terminal (ui-terminal.test.ts).
describe('seams ui', () => {
  it('refuses to start without a terminal, in one line, exit code 2', async () => {
    const result = await seams('ui', 'fixtures/shop');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "seams: seams ui needs an interactive terminal; in scripts and CI use 'seams boundaries' and 'seams report'. [SEAMS_NOT_A_TERMINAL]\n",
    });
  });

  it('lists its options and examples in --help', async () => {
    const result = await seams('ui', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: seams ui [options] [target]');
    expect(result.stdout).toContain('$ seams ui fixtures/shop');
  });
});
