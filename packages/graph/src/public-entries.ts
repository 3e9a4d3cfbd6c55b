import { posix } from 'node:path';

// How a service's `public` list is read, by `seams check` and by the UI alike: paths relative to the root
// (a leading `./` allowed), or globs.

/** The pattern as a root-relative path or glob. */
export const entryPath = (pattern: string): string => pattern.replace(/^\.\//, '');

/** Whether a (cleaned) pattern is a glob rather than one path. */
export const isEntryGlob = (path: string): boolean => /[*?[\]{}]/.test(path);

/** The pattern of a `public` list that makes `file` an entry, if any. */
export function matchingEntryPattern(patterns: readonly string[], file: string): string | undefined {
  return patterns.find((pattern) => {
    const path = entryPath(pattern);
    return isEntryGlob(path) ? posix.matchesGlob(file, path) : path === file;
  });
}
