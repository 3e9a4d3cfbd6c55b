import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const top = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'seams-bin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('bin/seams', () => {
  it('runs the CLI on the pinned Node and exits 0', () => {
    const result = spawnSync(
      join(top, 'bin/seams'),
      ['analyze', 'fixtures/cli/analyze-summary', '--no-cache', '--json'],
      { cwd: top, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ files: 4, edges: 5 });
  });

  it('stops quietly when the reader of its output goes away (seams ... | head)', () => {
    // 300 KB of HTML: far more than a pipe holds, so the writes after head exits fail with EPIPE.
    const result = spawnSync(
      'sh',
      ['-c', `${join(top, 'bin/seams')} report fixtures/shop --format html | head -c 15`],
      { cwd: top, encoding: 'utf8' },
    );
    expect(result.stdout).toBe('<!doctype html>');
    expect(result.stderr).toBe('');
  });

  it('is silent on stderr when piped: no progress bar in logs', () => {
    const result = spawnSync(join(top, 'bin/seams'), ['analyze', 'fixtures/cli/analyze-summary', '--no-cache'], {
      cwd: top,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
  });

  it('refuses a Node older than 22 with a clear message, exit code 2', () => {
    // A copy with no node_modules beside it falls back to the `node` on PATH, here one that claims to be 20.
    const fakeBin = join(scratch, 'fake-node');
    mkdirSync(fakeBin);
    writeFileSync(join(fakeBin, 'node'), '#!/bin/sh\necho 20\n');
    chmodSync(join(fakeBin, 'node'), 0o755);
    mkdirSync(join(scratch, 'bin'));
    cpSync(join(top, 'bin/seams'), join(scratch, 'bin/seams'));
    const result = spawnSync('/bin/sh', [join(scratch, 'bin/seams'), '--version'], {
      encoding: 'utf8',
      env: { PATH: `${fakeBin}:/usr/bin:/bin` },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^seams needs Node\.js 22 or newer \(found v20\)\./);
  });
});
