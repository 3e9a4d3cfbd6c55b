import { mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '@seams/graph';

/**
 * Writes through a temporary file and a rename, so readers never see half a file. A symlink is
 * followed (the link stays a link), and a device or pipe such as /dev/null is written directly:
 * renaming over it would replace it with a regular file. A path that cannot be written is the
 * user's to fix: an InputError naming it.
 */
export function writeFileAtomic(path: string, content: string): void {
  try {
    write(path, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new InputError(
      'SEAMS_OUTPUT_UNWRITABLE',
      `cannot write ${path} (${code}): choose a path in a folder you can write to.`,
      { cause: error },
    );
  }
}

function write(path: string, content: string): void {
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
  ignoreNewSeamsFolder(mkdirSync(dirname(target), { recursive: true }), dirname(target));
  removeLeftovers(target);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

// A `.seams` folder this write created (`-o .seams/graph.json`) holds the machine's files, not the project's.
function ignoreNewSeamsFolder(firstCreated: string | undefined, dir: string): void {
  if (firstCreated === undefined) return;
  for (let folder = dir; folder.length >= firstCreated.length; folder = dirname(folder))
    if (basename(folder) === '.seams')
      writeFileSync(join(folder, '.gitignore'), '# Created by seams: nothing here belongs in git.\n*\n');
}

// A write takes well under a minute: an older temporary is a killed run's.
const LEFTOVER_AGE_MS = 10 * 60 * 1000;

// `<name>.<pid>.tmp` beside the target is ours; one left by a killed run is removed by the next write.
function removeLeftovers(target: string): void {
  const prefix = basename(target) + '.';
  for (const name of readdirSync(dirname(target))) {
    if (!name.startsWith(prefix) || !/^\d+\.tmp$/.test(name.slice(prefix.length))) continue;
    const path = join(dirname(target), name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isFile() && Date.now() - stats.mtimeMs > LEFTOVER_AGE_MS) rmSync(path, { force: true });
  }
}
