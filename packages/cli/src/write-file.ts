import { mkdirSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes through a temporary file and a rename, so readers never see half a file. A symlink is
 * followed (the link stays a link), and a device or pipe such as /dev/null is written directly:
 * renaming over it would replace it with a regular file.
 */
export function writeFileAtomic(path: string, content: string): void {
  let target = path;
  try {
    target = realpathSync(path);
    if (!statSync(target).isFile()) {
      writeFileSync(target, content);
      return;
    }
  } catch {
    // Does not exist yet: created below.
  }
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, target);
}
