import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/write-file.ts';

const scratch = mkdtempSync(join(tmpdir(), 'seams-write-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates the folders and the file, and leaves no temporary file', () => {
    const path = join(scratch, 'a/b/plan.json');
    writeFileAtomic(path, '{}\n');
    expect(readFileSync(path, 'utf8')).toBe('{}\n');
    expect(readdirSync(join(scratch, 'a/b'))).toEqual(['plan.json']);
  });

  it('writes through a symlink, which stays a symlink', () => {
    const real = join(scratch, 'real.json');
    const link = join(scratch, 'link.json');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('writes into a device such as /dev/null instead of replacing it (reached here through a link)', () => {
    const link = join(scratch, 'null');
    symlinkSync('/dev/null', link);
    writeFileAtomic(link, 'discarded');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});
