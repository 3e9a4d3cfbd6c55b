import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
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

  it('removes the temporary a killed run left (over 10 minutes old), and nothing else', () => {
    const dir = join(scratch, 'leftovers');
    mkdirSync(dir);
    for (const name of ['graph.json.4242.tmp', 'graph.json.4343.tmp', 'graph.json.notes.tmp', 'other.json.4242.tmp'])
      writeFileSync(join(dir, name), 'x');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const name of ['graph.json.4242.tmp', 'graph.json.notes.tmp', 'other.json.4242.tmp'])
      utimesSync(join(dir, name), hourAgo, hourAgo);
    writeFileAtomic(join(dir, 'graph.json'), '{}\n');
    // 4343 may be a run writing right now: too recent to be a leftover.
    expect(readdirSync(dir).sort()).toEqual([
      'graph.json',
      'graph.json.4343.tmp',
      'graph.json.notes.tmp',
      'other.json.4242.tmp',
    ]);
  });

  it('gives a .seams folder it creates a .gitignore of everything, and leaves an existing one alone', () => {
    writeFileAtomic(join(scratch, 'project/.seams/graphs/graph.json'), '{}\n');
    expect(readFileSync(join(scratch, 'project/.seams/.gitignore'), 'utf8')).toBe(
      '# Created by seams: nothing here belongs in git.\n*\n',
    );
    writeFileAtomic(join(scratch, 'project/.seams/plan.json'), '{}\n');
    rmSync(join(scratch, 'project/.seams/.gitignore'));
    writeFileAtomic(join(scratch, 'project/.seams/other.json'), '{}\n');
    expect(readdirSync(join(scratch, 'project/.seams')).sort()).toEqual(['graphs', 'other.json', 'plan.json']);
  });

  it('turns a path that cannot be written into a user error naming it', () => {
    expect(() => writeFileAtomic('/dev/null/graph.json', '{}')).toThrow(
      expect.objectContaining({
        code: 'SEAMS_OUTPUT_UNWRITABLE',
        message: 'cannot write /dev/null/graph.json (EEXIST): choose a path in a folder you can write to.',
      }),
    );
  });
});
