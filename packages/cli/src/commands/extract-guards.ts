import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { InputError } from '@seams/graph';

const isWithin = (folder: string, path: string) => {
  const rest = relative(folder, path);
  return !rest.startsWith('..') && !isAbsolute(rest);
};

// Where a path really is once symlinks are followed, for a path that may not exist yet.
function realLocation(path: string): string {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return join(realpathSync(existing), relative(existing, path));
}

/** True when `path` lands inside `folder`, by its name and after following symlinks. */
function landsInside(folder: string, path: string): boolean {
  return isWithin(folder, path) && isWithin(realLocation(folder), realLocation(path));
}

/** Refuses, before anything is written, a write that would land outside the folder it belongs to. */
export function refuseWritesOutside(folder: string, paths: readonly string[], what: string): void {
  const outside = paths.find((path) => !landsInside(folder, path));
  if (outside !== undefined)
    throw new InputError(
      'SEAMS_EDIT_REFUSED',
      `${what} ${outside} would land outside ${folder} (through '..' or a symlink); nothing was written.`,
    );
}

/** A graph from `seams analyze -o` made in another folder would make extract read and rewrite that folder. */
export function refuseGraphElsewhere(graphRoot: string, root: string, graphFile: string): void {
  if (realLocation(graphRoot) !== realLocation(root))
    throw new InputError(
      'SEAMS_GRAPH_INVALID',
      `${graphFile} was made in ${graphRoot}, not in ${root}: analyse this folder (leave out --graph), or name the folder the graph was made in.`,
    );
}

const git = (root: string, ...args: string[]) =>
  execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** --write needs the project in git, so the codemod can be undone: checked before any analysis or type load. */
export function refuseOutsideGit(root: string): void {
  try {
    git(root, 'rev-parse', '--is-inside-work-tree');
  } catch {
    throw new InputError(
      'SEAMS_GIT_FAILED',
      `${root} is not in a git repository, so --write could not be undone; commit it to git first, or pass --force.`,
    );
  }
}

/**
 * The codemod is applied only on a clean git tree, so it can be reviewed and undone on its own.
 * The files this run generates and seams' cache do not count: re-running after a first look must work.
 */
export function refuseDirtyTree(root: string, ours: readonly string[]): void {
  const excluded = ours
    .filter((path) => isWithin(root, path))
    .map((path) => `:(exclude,literal)${relative(root, path).split('\\').join('/')}`);
  let status: string;
  try {
    status = git(root, 'status', '--porcelain', '--', '.', ':(exclude).seams', ...excluded);
  } catch (error) {
    const said = ((error as { stderr?: string }).stderr ?? '').split('\n')[0];
    throw new InputError(
      'SEAMS_GIT_FAILED',
      `git status failed in ${basename(root)}: ${said}; pass --force to skip the check.`,
    );
  }
  if (status.trim())
    throw new InputError(
      'SEAMS_GIT_DIRTY',
      'the git tree has uncommitted changes: commit or stash them so the codemod can be reviewed and undone on its own, or pass --force.',
    );
}
