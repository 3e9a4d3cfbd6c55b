import { enableCompileCache } from 'node:module';

// V8's compiled code is kept in Node's own cache (in the OS temp folder; NODE_DISABLE_COMPILE_CACHE=1 turns it
// off): a later start compiles none of seams again. Enabled before the rest loads, which is why that is imported here.
enableCompileCache();
const { run } = await import('./run.ts');

// `seams ... | head` closes the pipe early: stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

const terminal =
  process.stdin.isTTY && process.stdout.isTTY ? { stdin: process.stdin, stdout: process.stdout } : undefined;
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  ...(terminal ? { terminal } : {}),
});
