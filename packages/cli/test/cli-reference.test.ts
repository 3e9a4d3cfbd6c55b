import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliReference } from '../src/cli-reference.ts';
import { createProgram } from '../src/run.ts';

describe('docs/cli.md', () => {
  it('matches the commands (regenerate with node packages/cli/scripts/write-cli-docs.ts)', () => {
    const program = createProgram({ stdout: { write: () => true }, stderr: { write: () => true }, cwd: '.' });
    const published = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8');
    expect(published).toBe(cliReference(program));
  });
});
