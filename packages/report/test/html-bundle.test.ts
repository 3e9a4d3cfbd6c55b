import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('src/html/generated/map-bundle.ts', () => {
  it('is the bundle of the current browser sources and dependencies', { timeout: 60_000 }, () => {
    // The script rebuilds in memory and compares; it fails with the command to regenerate.
    const script = new URL('../scripts/build-browser.ts', import.meta.url).pathname;
    expect(execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' })).toMatch(/is up to date/);
  });
});
