// What the end-to-end extract tests share: a fixture copied into a scratch folder, extracted there as
// `seams extract --write` would, its processes started and awaited on their "listening" lines (never on
// sleeps), plain HTTP exchanges with them, and tsc run on what was written.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Plan } from '@seams/graph';
import { extractService, type Extraction } from '../../src/index.ts';

export const top = join(import.meta.dirname, '../../../..');
export const tsx = join(top, 'node_modules/.bin/tsx');
/** The line a started service or monolith prints once it accepts connections. */
export const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** A fresh scratch folder with `fixture` (relative to the repository) copied to its `app` folder. */
export function scratchApp(prefix: string, fixture: string): { scratch: string; app: string } {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  const app = join(scratch, 'app');
  cpSync(join(top, fixture), app, { recursive: true });
  return { scratch, app };
}

/** After the tests: stops the processes, forgets the settings they were given, removes the scratch folder (KEEP=1 keeps it). */
export function cleanUp(scratch: string, processes?: Processes, envKeys: string[] = []): void {
  processes?.stop();
  for (const key of envKeys) delete process.env[key];
  if (!process.env.KEEP) rmSync(scratch, { recursive: true, force: true });
}

/** Links the repository's installed packages into `app`'s node_modules (zod from the package that depends on it). */
export function linkPackages(app: string, names: string[]): void {
  mkdirSync(join(app, 'node_modules/@types'), { recursive: true });
  for (const name of names) {
    const from = name === 'zod' ? join(top, 'packages/graph/node_modules/zod') : join(top, 'node_modules', name);
    symlinkSync(from, join(app, 'node_modules', name));
  }
}

export interface ExtractSetup {
  service: string;
  /** The service's display name in the plan; its id when absent. */
  name?: string;
  files: string[];
  tsconfig: string | undefined;
  monolith: string;
  /** Whether the codemod's edits to the monolith are written too. */
  edits: boolean;
}

/** Extracts one service of the app into extracted/<service> and writes its files, as --write does. */
export async function extractInto(app: string, setup: ExtractSetup): Promise<Extraction> {
  const graph = await analyze({ root: app, cache: false });
  const service = { id: setup.service, name: setup.name ?? setup.service, files: setup.files };
  const plan = { services: [service], shared: [] } as unknown as Plan;
  const extraction = await extractService(graph, plan, setup.service, {
    root: app,
    planName: 'seams.plan.json',
    out: `extracted/${setup.service}`,
    tsconfig: setup.tsconfig,
    monolith: setup.monolith,
    version: '0.1.0',
    readFile: (path) => readFileSync(join(app, path), 'utf8'),
  });
  for (const file of extraction.files) {
    mkdirSync(join(app, file.path, '..'), { recursive: true });
    writeFileSync(join(app, file.path), file.content);
  }
  if (setup.edits) for (const edit of extraction.edits) writeFileSync(join(app, edit.path), edit.after);
  return extraction;
}

type Env = Record<string, string | undefined>;

/** The processes a test starts in one folder, all stopped together when it ends. */
export class Processes {
  private readonly children: ChildProcess[] = [];
  private readonly cwd: string;

  constructor(cwd: string) {
    this.cwd = cwd;
  }

  private spawned(command: string, args: string[], env: Env): ChildProcess {
    const child = spawn(command, args, {
      cwd: this.cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.push(child);
    return child;
  }

  /** Resolves with the first match of `ready` in the stdout; rejects with all it said if it exits first. */
  started(command: string, args: string[], env: Env, ready: RegExp, log?: (text: string) => void) {
    const child = this.spawned(command, args, env);
    let output = '';
    return new Promise<RegExpExecArray>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = ready.exec(output);
        if (match) resolve(match);
      });
      child.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        log?.(chunk.toString());
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
    });
  }

  /** Resolves with the exit code and all it said once the process exits. */
  exited(command: string, args: string[], env: Env) {
    const child = this.spawned(command, args, env);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise<{ code: number | null; output: string }>((resolve) =>
      child.on('exit', (code) => resolve({ code, output })),
    );
  }

  /** A process started elsewhere, stopped with the rest. */
  add(child: ChildProcess): void {
    this.children.push(child);
  }

  stop(): void {
    for (const child of this.children) child.kill();
  }
}

/** A process's stderr as it arrives, for waiting on a line written after an answer (shadow reports). */
export class StderrLog {
  private text = '';
  private readonly waiting = new Set<() => void>();

  readonly add = (chunk: string): void => {
    this.text += chunk;
    for (const look of [...this.waiting]) look();
  };

  /** Resolves with the first line matching `pattern`, now or once it is written. */
  line(pattern: RegExp): Promise<string> {
    return new Promise((resolve) => {
      const look = () => {
        const line = this.text.split('\n').find((l) => pattern.test(l));
        if (line === undefined) return;
        this.waiting.delete(look);
        resolve(line);
      };
      this.waiting.add(look);
      look();
    });
  }
}

/** What the route tests compare: the status, the routing layer's via header, and the JSON body. */
export interface Answer {
  status: number;
  via: string | undefined;
  body: unknown;
}

export interface Exchange {
  status: number;
  headers: Record<string, string | undefined>;
  data: string;
}

/** One HTTP exchange on a fresh connection; a `text` body is sent as JSON. */
export function exchange(
  base: string,
  method: string,
  path: string,
  text?: string,
  headers: Record<string, string> = {},
) {
  return new Promise<Exchange>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const headed = { ...headers, ...(text ? { 'content-type': 'application/json' } : {}) };
    const sent = request({ hostname, port, path, method, agent: false, headers: headed }, (response) => {
      let data = '';
      response.on('data', (chunk: Buffer) => (data += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers as Exchange['headers'], data }),
      );
    });
    sent.on('error', reject);
    sent.end(text);
  });
}

/** tsc -p `project` in `cwd`, with the repository's TypeScript. */
export function typeCheck(cwd: string, project: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(top, 'node_modules/typescript/bin/tsc'), '-p', project], {
    cwd,
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** tsc -p `project` in `cwd` reports nothing and succeeds. */
export function expectTypeChecks(cwd: string, project: string): void {
  const tsc = typeCheck(cwd, project);
  expect(tsc.output).toBe('');
  expect(tsc.status).toBe(0);
}

/** The routing file, as an operator edits it; the modification time moves on, so the change is seen at once. */
export class RoutingFile {
  readonly path: string;
  private writes = 0;

  constructor(path: string) {
    this.path = path;
  }

  write(settings: Record<string, unknown>): void {
    writeFileSync(this.path, JSON.stringify(settings));
    const at = new Date(Date.now() + ++this.writes * 1000);
    utimesSync(this.path, at, at);
  }
}

/** The error a call fails with; a call that succeeds fails the test. */
export const caught = (promise: Promise<unknown>): Promise<Error & Record<string, unknown>> =>
  promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as Error & Record<string, unknown>,
  );
