import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { InputError } from '@seams/graph';

const git = (root: string, args: string[]) =>
  execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const gitAsync = promisify(execFile);

/**
 * Files under `root` that differ from `ref` (committed, staged or not) or are new and not ignored,
 * relative to `root`: what a pre-commit hook or a pull request check looks at. Deleted files are
 * among them, so a plan file removed in the change is reported. Both git commands run as child
 * processes in the background, so a caller can start them before loading the graph.
 */
export async function changedFiles(root: string, ref: string): Promise<Set<string>> {
  const names = async (args: string[]) =>
    (await gitAsync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })).stdout
      .split('\0')
      .filter(Boolean);
  try {
    // NUL-separated: git quotes names with newlines or non-ASCII otherwise, and they would match no file.
    const [changed, added] = await Promise.all([
      names(['diff', '--name-only', '-z', '--relative', ref, '--']),
      names(['ls-files', '-z', '--others', '--exclude-standard']),
    ]);
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
