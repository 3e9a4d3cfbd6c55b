import { createTwoFilesPatch } from 'diff';
import type { FileEdit } from './rewrite-imports.ts';

/** The edits as one unified diff, `a/` and `b/` prefixed like git's, files in path order. */
export function unifiedDiff(edits: readonly FileEdit[]): string {
  return [...edits]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((edit) =>
      createTwoFilesPatch(`a/${edit.path}`, `b/${edit.path}`, edit.before, edit.after, undefined, undefined, {
        context: 3,
      }).replace(/^=+\n/, ''),
    )
    .join('');
}
