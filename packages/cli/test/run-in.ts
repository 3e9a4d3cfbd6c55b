import { run } from '@seams/cli';

/** A seams command line run in-process from `cwd`, with what it printed and its exit code. */
export function runIn(cwd: string) {
  return async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await run(argv, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      cwd,
    });
    return { code, stdout, stderr };
  };
}
