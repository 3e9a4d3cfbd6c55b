import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { InputError } from '@seams/graph';

const git = (root: string, args: string[]) =>
  execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const gitAsync = promisify(execFile);

/** What git says changed against `ref`, as analysis takes it (`GitChanges` of @seams/analyze: the same commands). */
export interface AskedGit {
  ref: string;
  changed: Promise<string[]>;
  untracked: Promise<string[]>;
}

/**
 * Starts the two git commands that list the files under `root` that differ from `ref` (committed, staged or not)
 * or are new and not ignored: what a pre-commit hook or a pull request check looks at. They run as child
 * processes in the background, so a caller can start them before loading the graph, and analysis takes the same
 * answers to learn what changed since its cache. Renames show as the old path deleted and the new one added.
 */
export function askGit(root: string, ref: string): AskedGit {
  const names = async (args: string[]) =>
    (await gitAsync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })).stdout
      .split('\0')
      .filter(Boolean);
  // NUL-separated: git quotes names with newlines or non-ASCII otherwise, and they would match no file.
  const asked = {
    ref,
    changed: names(['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--relative', ref, '--']),
    untracked: names(['ls-files', '-z', '--others', '--exclude-standard']),
  };
  // Awaited later (changedFiles): not an unhandled rejection meanwhile.
  asked.changed.catch(() => undefined);
  asked.untracked.catch(() => undefined);
  return asked;
}

/**
 * The files `asked` names, relative to its root. Deleted files are among them, so a plan file removed in the change
 * is reported.
 */
export async function changedFiles(asked: AskedGit): Promise<Set<string>> {
  try {
    const [changed, added] = await Promise.all([asked.changed, asked.untracked]);
    return new Set([...changed, ...added]);
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr ?? (error as Error).message)
      .trim()
      .split('\n')[0];
    throw new InputError('SEAMS_GIT_FAILED', `--changed needs git and a valid ref: ${detail}`);
  }
}

/**
 * Where `root` sits inside its git repository ('' at the top), so annotations name repository paths; undefined outside
 * git.
 */
export function repositoryPrefix(root: string): string | undefined {
  try {
    return git(root, ['rev-parse', '--show-prefix']).trim().replace(/\/$/, '');
  } catch {
    return undefined;
  }
}
