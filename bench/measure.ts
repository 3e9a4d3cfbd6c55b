// Runs one command under GNU time for wall time and peak RSS, with a hard timeout.
// GNU time (not process.hrtime + /proc polling) so that every tool is measured the
// same way, including whatever child processes it starts.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';

export type Measurement = {
  status: 'ok' | 'failed' | 'timeout';
  wallS: number;
  peakMB: number | null;
  /** User + system CPU seconds of the command and its children (GNU time): steadier than wall on a busy machine. */
  cpuS?: number;
  exitCode: number | null;
  /** Last lines of stderr, to explain a failure. */
  stderrTail?: string;
};

export type Command = {
  argv: string[];
  cwd: string;
  stdoutFile: string;
  stderrFile: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
};

export function measure(c: Command): Promise<Measurement> {
  const timeFile = `${c.stderrFile}.time`;
  const out = openSync(c.stdoutFile, 'w');
  const err = openSync(c.stderrFile, 'w');
  const started = performance.now();
  // detached: the tool gets its own process group, so a timeout kills it and its children.
  const child = spawn('/usr/bin/time', ['-f', '%e %M %U %S', '-o', timeFile, ...c.argv], {
    cwd: c.cwd,
    env: c.env ?? process.env,
    stdio: ['ignore', out, err],
    detached: true,
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, c.timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      const wallFallback = (performance.now() - started) / 1000;
      if (timedOut) return resolve({ status: 'timeout', wallS: round(wallFallback), peakMB: null, exitCode: null });
      let wallS = wallFallback,
        peakMB: number | null = null,
        cpuS: number | undefined;
      try {
        // time writes "Command exited with non-zero status N" before the format line on failure.
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!;
        const [e, m, u, s] = last.split(' ').map(Number);
        if (Number.isFinite(e) && Number.isFinite(m)) {
          wallS = e!;
          peakMB = round(m! / 1024);
        }
        if (Number.isFinite(u) && Number.isFinite(s)) cpuS = round(u! + s!);
        rmSync(timeFile, { force: true });
      } catch {
        /* keep the fallback wall time */
      }
      const status = code === 0 ? 'ok' : 'failed';
      const m: Measurement = {
        status,
        wallS: round(wallS),
        peakMB,
        ...(cpuS !== undefined ? { cpuS } : {}),
        exitCode: code,
      };
      if (status === 'failed') m.stderrTail = tail(c.stderrFile);
      resolve(m);
    });
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-8).join('\n');
  } catch {
    return '';
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;
