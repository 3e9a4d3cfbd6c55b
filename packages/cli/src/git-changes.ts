import { execFileSync } from 'node:child_process';
import { InputError } from '@seams/graph';

const git = (root: string, args: string[]) =>
  execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Files under `root` that differ from `ref` (committed, staged or not) or are new and not ignored,
 * relative to `root`: what a pre-commit hook or a pull request check looks at. Deleted files are
 * among them, so a plan file removed in the change is reported.
 */
export function changedFiles(root: string, ref: string): Set<string> {
  try {
    // NUL-separated: git quotes names with newlines or non-ASCII otherwise, and they would match no file.
    const names = (text: string) => text.split('\0').filter(Boolean);
    return new Set([
      ...names(git(root, ['diff', '--name-only', '-z', '--relative', ref, '--'])),
      ...names(git(root, ['ls-files', '-z', '--others', '--exclude-standard'])),
    ]);
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr ?? (error as Error).message)
      .trim()
      .split('\n')[0];
    throw new InputError('SEAMS_GIT_FAILED', `--changed needs git and a valid ref: ${detail}`);
  }
}

/** Where `root` sits inside its git repository ('' at the top), so annotations name repository paths; undefined outside git. */
export function repositoryPrefix(root: string): string | undefined {
  try {
    return git(root, ['rev-parse', '--show-prefix']).trim().replace(/\/$/, '');
  } catch {
    return undefined;
  }
}
