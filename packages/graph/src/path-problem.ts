/**
 * What is wrong with a path a graph or a plan holds, or undefined when it is a plain path relative
 * to the root: an absolute path or a `..` step would make commands read (or extract write) outside
 * the project.
 */
export function pathProblem(path: string): string | undefined {
  if (path === '') return 'is empty';
  // A NUL ends the path early for the system calls that would open it: what is read is not what was checked.
  if (path.includes('\0')) return 'holds a NUL character';
  if (path.startsWith('/') || (path[1] === ':' && /^[A-Za-z]:/.test(path)) || path.startsWith('\\'))
    return 'is absolute; paths are relative to the root';
  // A `..` segment, tested without splitting and only where `..` occurs: every file of a graph is checked.
  if (path.includes('..') && /(?:^|[/\\])\.\.(?:[/\\]|$)/.test(path)) return 'leads outside the root (..)';
  return undefined;
}
