// The processes of the proof: a step (a command that ends, bounded by a timeout) and a server (a database, the
// monolith, the generated service) ready when its output matches the line it prints when it listens. Each
// runs in its own process group, killed whole when it ends, and its output goes to a log.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const top = join(import.meta.dirname, '..');
const KEPT = 400_000;

// What must not outlive the proof when it is interrupted: process groups and a database's folder.
const cleanups = new Set<() => void>();
const cleanUp = () => {
  for (const cleanup of cleanups) cleanup();
  cleanups.clear();
};
process.once('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });

/** Runs `cleanup` if the proof exits before `done` is called; returns `done`. */
export function onExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

export interface StepResult {
  code: number | null;
  output: string;
  timedOut: boolean;
  ms: number;
}

/** Runs a command in its own process group; on a timeout the whole group is killed. */
export function runStep(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs: number; log?: string },
): Promise<StepResult> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...stepPath(options.cwd), CI: '1', FORCE_COLOR: '0', ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      if (output.length < KEPT) output += chunk.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, options.timeoutMs);
    const done = onExit(() => killGroup(child));
    const finish = (code: number | null) => {
      clearTimeout(timer);
      done();
      // Whatever the step left running (a watcher, a server) goes with it.
      killGroup(child);
      output = stripVTControlCharacters(output);
      if (options.log) writeLog(options.log, `$ ${command} ${args.join(' ')}\n${output}`);
      resolve({ code, output, timedOut, ms: performance.now() - start });
    };
    child.on('error', (error) => {
      output += String(error);
      finish(null);
    });
    child.on('close', finish);
  });
}

// The app's own binaries first, then seams' (tsx for a fixture's tests).
const stepPath = (cwd: string) => ({
  PATH: [join(cwd, 'node_modules/.bin'), join(top, 'node_modules/.bin'), process.env['PATH']].join(':'),
});

export function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export function writeLog(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export interface RunningServer {
  /** The first group of the readiness pattern (a URL it prints), or the whole match. */
  ready: string;
  /** What it printed so far. */
  output: () => string;
  /** Kills its process group and writes its log; safe to call twice. */
  stop: () => void;
}

/** Starts a server and resolves once its output matches `ready`, or with why not (exited, or no match in time). */
export function startServer(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined>; ready: RegExp; timeoutMs: number; log: string },
): Promise<RunningServer | string> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, FORCE_COLOR: '0', ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stopped = false;
    const done = onExit(() => killGroup(child));
    const stop = () => {
      if (stopped) return;
      stopped = true;
      done();
      killGroup(child);
      writeLog(options.log, `$ ${command} ${args.join(' ')}\n${stripVTControlCharacters(output)}`);
    };
    const timer = setTimeout(() => {
      stop();
      resolve(`not ready in ${options.timeoutMs / 1000} s: ${lastLine(output)}`);
    }, options.timeoutMs);
    let settled = false;
    const read = (chunk: Buffer) => {
      if (output.length < KEPT) output += chunk.toString();
      const found = settled ? null : options.ready.exec(stripVTControlCharacters(output));
      if (found) {
        settled = true;
        clearTimeout(timer);
        resolve({ ready: found[1] ?? found[0], output: () => stripVTControlCharacters(output), stop });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', (error) => {
      output += String(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      stop();
      if (!settled) resolve(`exited (${code}): ${firstError(output) ?? lastLine(output)}`);
    });
  });
}

export const lastLine = (text: string) =>
  stripVTControlCharacters(text)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1)
    ?.slice(0, 120) ?? '';

// Why a server died: its first error line says more than the stack's last frame.
const firstError = (text: string) =>
  /^\s*(?:\w*Error|TSError)\b.*$/m.exec(stripVTControlCharacters(text))?.[0].trim().slice(0, 160);

/** A TCP port on the loopback interface that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
