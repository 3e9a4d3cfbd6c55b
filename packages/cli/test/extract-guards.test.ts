// refuseWritesOutside: a write lands in its folder by its name and after following symlinks.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refuseWritesOutside } from '../src/commands/extract-guards.ts';

const scratch = mkdtempSync(join(tmpdir(), 'seams-guards-'));
const root = join(scratch, 'app');
mkdirSync(join(root, 'src'), { recursive: true });
writeFileSync(join(scratch, 'victim.ts'), '');
symlinkSync(join(scratch, 'victim.ts'), join(root, 'src/linked.ts'));
symlinkSync(scratch, join(root, 'src/up'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const refusal = (paths: string[]) => {
  try {
    refuseWritesOutside(root, paths, 'the file');
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
};

describe('refuseWritesOutside', () => {
  it('lets writes inside the folder through, existing or new, however deep', () => {
    expect(refusal([join(root, 'src/a.ts'), join(root, 'new/deeper/b.ts')])).toBeUndefined();
  });

  it("refuses '..', a symlinked file and a file under a symlinked folder that lead out", () => {
    for (const path of [join(root, '../victim.ts'), join(root, 'src/linked.ts'), join(root, 'src/up/victim.ts')])
      expect(refusal([path])).toBe(
        `the file ${path} would land outside ${root} (through '..' or a symlink); nothing was written.`,
      );
  });
});
