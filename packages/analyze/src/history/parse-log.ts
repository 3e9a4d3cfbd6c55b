/** One commit as `git log` printed it: who, when, and the lines each file gained and lost. */
export interface LogCommit {
  /** Author email after .mailmap, lower-cased so one person is one key. */
  email: string;
  name: string;
  /** Committer date, Unix seconds: the date `--since` filters on. */
  time: number;
  changes: Array<{ path: string; lines: number }>;
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/** The `--format` that parseLog expects; with `-z`, every header and every numstat entry ends in NUL. */
export const LOG_FORMAT = `${RECORD}%aE${FIELD}%aN${FIELD}%ct`;

/**
 * Calls onCommit for each commit of `git log -z --numstat --format=LOG_FORMAT` output.
 * `-z` prints paths raw (no C quoting) and a rename as `added\tdeleted\t` then the old and the new
 * path as entries of their own, so there is no `{old => new}` text to take apart.
 */
export function parseLog(output: string, onCommit: (commit: LogCommit) => void): void {
  let commit: LogCommit | undefined;
  let afterHeader = false;
  let start = 0;
  while (start < output.length) {
    let end = output.indexOf('\0', start);
    if (end === -1) end = output.length;
    let entry = output.slice(start, end);
    start = end + 1;
    if (entry.startsWith(RECORD)) {
      if (commit) onCommit(commit);
      const [email = '', name = '', time = '0'] = entry.slice(1).split(FIELD);
      commit = { email: email.toLowerCase(), name, time: Number(time), changes: [] };
      afterHeader = true;
      continue;
    }
    // git separates a header from its numstat with a newline.
    if (afterHeader && entry.startsWith('\n')) entry = entry.slice(1);
    afterHeader = false;
    if (entry === '' || !commit) continue;
    const tab1 = entry.indexOf('\t');
    const tab2 = entry.indexOf('\t', tab1 + 1);
    let path = entry.slice(tab2 + 1);
    if (path === '') {
      // A rename: skip the old path, count under the new one.
      const oldEnd = output.indexOf('\0', start);
      const newEnd = output.indexOf('\0', oldEnd + 1);
      path = output.slice(oldEnd + 1, newEnd === -1 ? output.length : newEnd);
      start = newEnd === -1 ? output.length : newEnd + 1;
    }
    // Binary files print `-` for both counts: they changed, by no lines.
    const lines = (Number(entry.slice(0, tab1)) || 0) + (Number(entry.slice(tab1 + 1, tab2)) || 0);
    commit.changes.push({ path, lines });
  }
  if (commit) onCommit(commit);
}
