import { spawnSync } from 'node:child_process';
import { InputError } from '@seams/graph';
import { LOG_FORMAT, parseLog, type LogCommit } from './parse-log.ts';

export interface Repo {
  /** The repository's top folder, absolute. */
  top: string;
  /** The analysed folder relative to the top, with a trailing slash; '' at the top. */
  prefix: string;
}

export interface LogQuery {
  pathspecs: string[];
  maxCommits: number;
  since?: string;
}

// The log is read in one synchronous call, not streamed: for 50k commits it is 8 MB, git's diffing
// takes 8 s of the 9 (streaming it with spawn took as long) and parsing it 0.1 s. The cap turns a
// runaway into a clear error instead of an out-of-memory crash.
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

export function locateRepo(root: string): Repo {
  const result = git(root, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (result.status !== 0) throw failure(root, result.stderr);
  const [top = '', prefix = ''] = result.stdout.split('\n');
  return { top, prefix };
}

/** Runs `git log` once over root's subtree and hands each commit to onCommit, newest first. */
export function readLog(root: string, query: LogQuery, onCommit: (commit: LogCommit) => void): void {
  const args = [
    'log',
    '-z',
    '--no-merges',
    '--numstat',
    '--root',
    '--find-renames',
    '--relative',
    // Against user configuration that would change or decorate the output.
    '--no-ext-diff',
    '--no-textconv',
    '--no-show-signature',
    '--no-color',
    `--format=${LOG_FORMAT}`,
    `--max-count=${query.maxCommits}`,
    ...(query.since ? [`--since=${query.since}`] : []),
    '--',
    ...query.pathspecs,
  ];
  const result = git(root, args);
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOBUFS') {
    throw new InputError(
      'SEAMS_GIT_FAILED',
      `the git history of ${root} is over 1 GB of log: read fewer commits (maxCommits, since)`,
    );
  }
  if (result.status !== 0) {
    // A repository without commits has no log: an empty history, not an error.
    if (git(root, ['rev-parse', '--quiet', '--verify', 'HEAD']).status !== 0) return;
    throw failure(root, result.stderr);
  }
  parseLog(result.stdout, onCommit);
}

function git(cwd: string, args: string[]) {
  const result = spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new InputError('SEAMS_GIT_FAILED', 'git was not found on the PATH: reading the history needs it installed');
  }
  return result;
}

function failure(root: string, stderr: string): InputError {
  const reason =
    stderr
      .trim()
      .split('\n')[0]
      ?.replace(/^fatal: /, '') || 'git failed';
  return new InputError('SEAMS_GIT_FAILED', `cannot read the git history of ${root}: ${reason}`);
}
