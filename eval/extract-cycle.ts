// The extract proof cycle for one app: plan it, then for every service other services import, extract it
// with --write on a fresh git copy, type-check the app with its own TypeScript, and run its own tests (or
// a smoke test) routed local, remote (the generated service running) and shadow. Every step is bounded
// and runs in its own process group, killed whole on a timeout.
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startDatabase, type RunningDatabase } from './proof-database.ts';
import { fillVars, httpRun, mountRoutingLayer, type HttpServe } from './proof-http.ts';
import { freePort, lastLine, runStep, startServer, type StepResult } from './proof-server.ts';

/** One app to prove extract on, as eval/extract-apps.json (real apps) or fixtures/extract/proof-apps.json list it. */
export interface ProofApp {
  id: string;
  name: string;
  /** Framework, language, module system, TypeScript and test-runner versions. */
  shape: string;
  /** A fetched app: where it comes from, at which commit. */
  repository?: string;
  commit?: string;
  /** A bundled fixture: its folder, relative to the seams checkout. */
  dir?: string;
  /** What `npm install` gives the app besides its own dependencies: packages linked from seams' install. */
  link?: string[];
  /** Commands its README asks a person to run in a fresh checkout (copy a config example), run in every copy. */
  setup?: string[][];
  /** Globs `seams analyze` leaves out (the app's tests). */
  exclude?: string[];
  /** Options for `seams boundaries` (a tiny fixture asks for its number of services). */
  boundaries?: string[];
  /** The tsconfig passed to extract, and type-checked with the app's own tsc; absent for plain JavaScript. */
  tsconfig?: string;
  /**
   * The app's tests, or a smoke test where they need a database; run from the app's folder. Kind `http`:
   * an HTTP suite run from seams' folder against the monolith served as `http` says.
   */
  test: { command: string[]; kind: 'tests' | 'smoke' | 'http'; env?: Record<string, string> };
  /** For the `http` kind: how to start the monolith, its database, and where the routing layer is mounted. */
  http?: HttpServe;
  /** Another app's checkout to use (the same sources proved another way). */
  checkout?: string;
  /** How long one test run may take (default 180 s). */
  testTimeoutMs?: number;
}

/** What one app's cycle found for one service (or for the untouched app: service '(before extract)'). */
export interface ProofRow {
  app: string;
  service: string;
  /** What extract said it found: its first summary line, or why it failed. */
  operations: string;
  extract: string;
  typecheck: string;
  local: string;
  remote: string;
  shadow: string;
  /** Where the copy and its logs are. */
  dir: string;
}

const top = join(import.meta.dirname, '..');
// The seams under test: this checkout's, or another (a snapshot, while this one is being edited).
const seamsBin = process.env['SEAMS_BIN'] ?? join(top, 'bin/seams');
const tsx = join(top, 'node_modules/.bin/tsx');

interface RunningService {
  url: string;
  /** Calls the service has logged so far (one JSON line each, or one line per request the proof's counter saw). */
  calls: () => number;
  stop: () => void;
}

// Preloaded into a route server, which logs nothing per request, to count what it serves.
const countRequests = join(import.meta.dirname, 'proof-count-requests.cjs');

/**
 * Starts a server of the generated service and resolves once it says where it listens, or with why not;
 * a route server is made to print a line per request it answers (it logs none).
 */
async function startService(
  dir: string,
  server: ServerFile,
  env: Record<string, string>,
  log: string,
): Promise<RunningService | string> {
  const preload = server.routes
    ? { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${countRequests}`.trim() }
    : {};
  // A Nest service needs the decorator metadata its container injects by: the app's own ts-node emits it, tsx does not.
  const [command, args] = server.nest
    ? ['node', ['-r', 'ts-node/register/transpile-only', server.main]]
    : [tsx, [server.main]];
  const started = await startServer(command, args, {
    cwd: dir,
    env: { ...env, PATH: `${join(dir, 'node_modules/.bin')}:${process.env['PATH']}`, PORT: '0', ...preload },
    ready: /listening on (http:\/\/[^\s]+)/,
    timeoutMs: 60_000,
    log,
  });
  if (typeof started === 'string') return started;
  const calls = () =>
    started
      .output()
      .split('\n')
      .filter((line) => line.includes('"operation"') || line.startsWith('seams-proof served ')).length;
  return { url: started.ready, calls, stop: started.stop };
}

/** A test run as a table cell: `pass 12/13`, `ok` for a smoke test, or what went wrong. */
function testCell(result: StepResult, kind: 'tests' | 'smoke'): string {
  if (result.timedOut) return `timeout (${Math.round(result.ms / 1000)} s)`;
  const { passed, failed, brokenFiles } = testCounts(result.output);
  if (kind === 'smoke' || passed === undefined) return result.code === 0 ? 'ok' : `FAIL (exit ${result.code})`;
  const total = passed + (failed ?? 0);
  const broken = brokenFiles ? `, ${brokenFiles} test files failed` : '';
  return `${result.code === 0 && !failed ? 'pass' : 'FAIL'} ${passed}/${total}${broken}`;
}

/**
 * Passed and failed tests as Jest, Vitest or node:test print them, and the test files that failed
 * as a whole (Jest's and Vitest's count, which includes files that did not compile).
 */
function testCounts(output: string): { passed?: number; failed?: number; brokenFiles?: number } {
  const count = (text: string | undefined, word: RegExp) => {
    const found = text === undefined ? undefined : word.exec(text)?.[1];
    return found === undefined ? undefined : Number(found);
  };
  const files = /^\s*Test (?:Suites:|Files)\s+(.*)$/m.exec(output)?.[1];
  const brokenFiles = count(files, /(\d+) failed/);
  const line = /^\s*Tests:?\s+(.*\d+ (?:passed|failed).*)$/m.exec(output)?.[1];
  if (line !== undefined)
    return { passed: count(line, /(\d+) passed/) ?? 0, failed: count(line, /(\d+) failed/), brokenFiles };
  const passed = count(output, /^# pass (\d+)/m);
  return passed === undefined ? { brokenFiles } : { passed, failed: count(output, /^# fail (\d+)/m), brokenFiles };
}

/** A type-check as a table cell: `ok`, or the number of errors and the first one. */
function typecheckCell(result: StepResult): string {
  if (result.timedOut) return 'timeout';
  if (result.code === 0) return 'ok';
  const errors = result.output.split('\n').filter((line) => /error TS\d+/.test(line));
  return errors.length === 0
    ? `FAIL (exit ${result.code})`
    : `${errors.length} errors: ${errors[0]!.trim().slice(0, 100)}`;
}

const envName = (...parts: string[]) =>
  parts
    .join('_')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');

interface PlanService {
  id: string;
  name?: string;
  metrics: { inbound: Record<string, number> };
}

/** Copies an app (its node_modules linked, not copied) into a new git repository with one commit. */
async function gitCopy(checkout: string, dir: string, link: readonly string[]): Promise<void> {
  // A checkout reached through a symbolic link is copied, not linked to.
  const source = realpathSync(checkout);
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, {
    recursive: true,
    filter: (path) => !/[/\\](?:node_modules|\.git|\.seams|extracted)$/.test(path),
  });
  if (existsSync(join(source, 'node_modules'))) symlinkSync(join(source, 'node_modules'), join(dir, 'node_modules'));
  for (const name of link) {
    const target = join(dir, 'node_modules', name);
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(seamsPackage(name), target);
  }
  await git(dir, 'init', '-q');
  writeFileSync(join(dir, '.git/info/exclude'), 'node_modules\n.seams/\n');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-qm', 'app', '--no-verify');
}

/** Runs the app's setup commands in a copy (what they make is ignored by its git, so each copy runs them). */
async function setUp(app: ProofApp, dir: string): Promise<void> {
  for (const [command, ...args] of app.setup ?? []) {
    const result = await runStep(command!, args, { cwd: dir, timeoutMs: 120_000 });
    if (result.code !== 0) throw new Error(`setup ${command} ${args.join(' ')} failed in ${dir}: ${result.output}`);
  }
}

/** Where seams' own install has a package (a workspace package's dependency when the root has none). */
function seamsPackage(name: string): string {
  for (const base of ['', 'packages/graph/', 'packages/extract/']) {
    const path = join(top, base, 'node_modules', name);
    if (existsSync(path)) return path;
  }
  throw new Error(`seams' install has no ${name} to link`);
}

async function git(dir: string, ...args: string[]): Promise<void> {
  const result = await runStep(
    'git',
    ['-c', 'user.email=proof@example.com', '-c', 'user.name=proof', '-c', 'commit.gpgsign=false', ...args],
    { cwd: dir, timeoutMs: 120_000 },
  );
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed in ${dir}: ${result.output}`);
}

const seams = (dir: string, args: string[], log: string) =>
  runStep(seamsBin, args, { cwd: dir, timeoutMs: 600_000, log });

/**
 * The whole cycle for one app whose sources are in `source`, working under `work`: one row for the
 * untouched app (what its own type-check and tests give before seams changes anything), then one per
 * service that other services import. `only` limits the services (ids or names).
 */
export async function proveApp(app: ProofApp, source: string, work: string, only: string[] = []): Promise<ProofRow[]> {
  const base = join(work, app.id, 'app');
  const logs = join(work, app.id, 'logs');
  await gitCopy(source, base, app.link ?? []);
  await setUp(app, base);
  // What the setup changed in the app's own files is part of the app every copy starts from (extract
  // refuses a tree with uncommitted changes); what it made that git ignores, each copy makes again.
  await git(base, 'commit', '-qam', 'setup', '--no-verify', '--allow-empty');
  const wanted = app.http?.database;
  const database = wanted ? await startDatabase(wanted.kind, join(logs, `${wanted.kind}.log`)) : undefined;
  try {
    await database?.load((wanted?.schema ?? []).map((file) => join(base, file)));
    return await proveCopies(app, base, work, only, {
      vars: database?.vars ?? {},
      timeoutMs: app.testTimeoutMs ?? 180_000,
    });
  } finally {
    database?.stop();
  }
}

/** What every run of an app's tests needs: the database's settings (for the `http` kind) and the time allowed. */
interface RunContext {
  vars: RunningDatabase['vars'];
  timeoutMs: number;
}

async function proveCopies(
  app: ProofApp,
  base: string,
  work: string,
  only: string[],
  context: RunContext,
): Promise<ProofRow[]> {
  const logs = join(work, app.id, 'logs');
  const before = await checkApp(app, base, join(logs, 'before'), {}, context);
  const rows: ProofRow[] = [
    {
      app: app.name,
      service: '(before extract)',
      operations: '',
      extract: '',
      ...before,
      remote: '',
      shadow: '',
      dir: base,
    },
  ];
  const planFile = 'seams.plan.json';
  const exclude = (app.exclude ?? []).flatMap((glob) => ['--exclude', glob]);
  const analyzed = await seams(
    base,
    ['analyze', '.', ...exclude, '-o', '.seams/app.graph.json'],
    join(logs, 'analyze.log'),
  );
  const planned =
    analyzed.code === 0
      ? await seams(
          base,
          ['boundaries', '.seams/app.graph.json', ...(app.boundaries ?? []), '-o', planFile],
          join(logs, 'boundaries.log'),
        )
      : analyzed;
  if (planned.code !== 0) {
    rows.push(failedRow(app, '(plan)', `analyze/boundaries: ${lastLine(planned.output)}`, base));
    return rows;
  }
  await git(base, 'add', '-f', planFile);
  await git(base, 'commit', '-qm', 'plan', '--no-verify');
  const plan = JSON.parse(readFileSync(join(base, planFile), 'utf8')) as { services: PlanService[] };
  const imported = plan.services.filter(
    (s) =>
      Object.keys(s.metrics.inbound).length > 0 &&
      (only.length === 0 || only.includes(s.id) || only.includes(s.name ?? '')),
  );
  for (const service of imported) rows.push(await proveService(app, base, planFile, service, work, context));
  return rows;
}

function failedRow(app: ProofApp, service: string, why: string, dir: string): ProofRow {
  return {
    app: app.name,
    service,
    operations: why,
    extract: 'FAIL',
    typecheck: '',
    local: '',
    remote: '',
    shadow: '',
    dir,
  };
}

/** The app's own type-check and its tests with the given environment. */
async function checkApp(
  app: ProofApp,
  dir: string,
  logs: string,
  env: Record<string, string>,
  context: RunContext,
): Promise<{ typecheck: string; local: string }> {
  const typecheck = app.tsconfig
    ? typecheckCell(
        await runStep(
          process.execPath,
          [join(dir, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', app.tsconfig],
          {
            cwd: dir,
            timeoutMs: 300_000,
            log: join(logs, 'typecheck.log'),
          },
        ),
      )
    : 'n/a (JavaScript)';
  return { typecheck, local: (await testRun(app, dir, join(logs, 'tests.log'), env, context)).cell };
}

/** One run of the app's tests: its table cell, and the output that carries shadow reports. */
async function testRun(
  app: ProofApp,
  dir: string,
  log: string,
  env: Record<string, string>,
  context: RunContext,
  calls?: () => number,
): Promise<{ cell: string; output: string }> {
  if (app.test.kind === 'http') {
    if (!app.http) return { cell: 'no "http" settings in the manifest', output: '' };
    const port = await freePort();
    return httpRun(app.http, app.test.command, {
      dir,
      log,
      env: { ...app.test.env, ...env },
      vars: context.vars,
      port,
      calls,
    });
  }
  const [command, ...args] = app.test.command;
  const result = await runStep(command!, args, {
    cwd: dir,
    env: { ...app.test.env, ...env },
    timeoutMs: context.timeoutMs,
    log,
  });
  return { cell: testCell(result, app.test.kind), output: result.output };
}

async function proveService(
  app: ProofApp,
  base: string,
  planFile: string,
  service: PlanService,
  work: string,
  context: RunContext,
): Promise<ProofRow> {
  const dir = join(work, app.id, service.id);
  const logs = join(work, app.id, 'logs', service.id);
  const label = service.name && service.name !== service.id ? `${service.name} (${service.id})` : service.id;
  rmSync(dir, { recursive: true, force: true });
  await git(work, 'clone', '-q', base, dir);
  if (existsSync(join(base, 'node_modules'))) symlinkSync(join(base, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, '.git/info/exclude'), 'node_modules\n.seams/\n');
  await setUp(app, dir);
  const tsconfig = app.tsconfig ? ['--tsconfig', app.tsconfig] : [];
  const extracted = await seams(
    dir,
    ['extract', service.id, '.', '--plan', planFile, '--write', ...tsconfig],
    join(logs, 'extract.log'),
  );
  // Its summary line, and the HTTP routes it put behind a routing layer when it says so.
  const routes = /^\s+routes\s+(\d+ HTTP routes?)/m.exec(extracted.output)?.[1];
  const summary = [/^seams extract: [^:]+: (.*)$/m.exec(extracted.output)?.[1] ?? '', ...(routes ? [routes] : [])].join(
    '; ',
  );
  // Exit 1: extract found nothing that can go remote, explained it and wrote nothing (no --force).
  if (extracted.code === 1)
    return { ...failedRow(app, label, lastLine(extracted.output), dir), extract: 'nothing to extract' };
  if (extracted.code !== 0) return failedRow(app, label, `exit ${extracted.code}: ${lastLine(extracted.output)}`, dir);
  // A person's step the report asks for: the routing layer mounted first in the app (before the type-check).
  const layer = /behind a routing layer \(([^)]+)\)/.exec(extracted.output)?.[1];
  // The routing file a person writes to tell shadow mode which answer fields are minted per call.
  if (app.http?.shadowIgnore)
    writeFileSync(
      join(dir, 'seams.routing.json'),
      JSON.stringify({ [service.id]: { shadowIgnore: app.http.shadowIgnore } }, null, 2) + '\n',
    );
  const unmounted = app.http ? mountRoutingLayer(dir, layer, app.http.mount) : undefined;
  const checked = await checkApp(app, dir, logs, { [envName('SEAMS_ROUTE', service.id)]: 'local' }, context);
  const row: ProofRow = {
    app: app.name,
    service: label,
    operations: summary,
    extract: 'ok',
    ...checked,
    remote: '',
    shadow: '',
    dir,
  };
  const servers = serverFiles(dir, service.id, app.test.kind === 'http');
  if (servers.length === 0) {
    row.remote = row.shadow = 'no service generated';
    return row;
  }
  // What `npm install` in the service's folder gives it: its own runtime dependency.
  const serviceModules = join(dir, 'extracted', service.id, 'service/node_modules');
  if (!existsSync(join(serviceModules, 'zod'))) {
    mkdirSync(serviceModules, { recursive: true });
    symlinkSync(seamsPackage('zod'), join(serviceModules, 'zod'));
  }
  const token = `proof-${service.id}-secret`;
  const secret = { [envName('SEAMS', service.id, 'TOKEN')]: token };
  // The service runs the monolith's code: it gets the app's settings (its database, its secrets) too.
  const appEnv = app.http ? fillVars(app.http.env ?? {}, context.vars) : {};
  const running: RunningService[] = [];
  const remote: Record<string, string> = { ...secret };
  try {
    for (const server of servers) {
      const log = join(logs, server.routes ? 'routes.log' : 'service.log');
      const started = await startService(dir, server, { ...appEnv, ...secret }, log);
      if (typeof started === 'string') {
        row.remote = row.shadow = `service ${started}`;
        return row;
      }
      running.push(started);
      remote[envName('SEAMS', service.id, server.routes ? 'ROUTES_URL' : 'URL')] = started.url;
    }
    const calls = () => running.reduce((sum, server) => sum + server.calls(), 0);
    const remoteRun = await testRun(
      app,
      dir,
      join(logs, 'tests-remote.log'),
      { ...remote, [envName('SEAMS_ROUTE', service.id)]: 'remote' },
      context,
      calls,
    );
    // The test run is over: the service's log of its calls has arrived.
    row.remote = `${remoteRun.cell}, ${calls()} calls served${unmounted ? ` (routing layer not mounted: ${unmounted})` : ''}`;
    const before = calls();
    const shadow = await testRun(
      app,
      dir,
      join(logs, 'tests-shadow.log'),
      { ...remote, [envName('SEAMS_ROUTE', service.id)]: 'shadow' },
      context,
      calls,
    );
    const differences = shadow.output.split('seams shadow:').length - 1;
    const replayed = app.test.kind === 'http' ? `, ${calls() - before} calls replayed` : '';
    row.shadow = `${shadow.cell}${replayed}, ${differences === 0 ? 'no difference' : `${differences} differences`}`;
  } finally {
    for (const server of running) server.stop();
  }
  return row;
}

interface ServerFile {
  main: string;
  /** A route server (it prints no line per call: the proof counts its requests). */
  routes: boolean;
  /** Of a Nest service: started with the app's ts-node, which emits the decorator metadata Nest injects by. */
  nest: boolean;
}

/**
 * The generated service's servers to start: its operations server (main), and for HTTP traffic its route
 * server as well (routes-main for Express routers, nest-main for Nest controllers).
 */
function serverFiles(dir: string, service: string, http: boolean): ServerFile[] {
  const find = (stem: string) =>
    ['ts', 'js', 'mjs', 'cjs']
      .map((extension) => `extracted/${service}/service/src/${stem}.${extension}`)
      .find((path) => existsSync(join(dir, path)));
  // A Nest service's code needs its decorator metadata in every server of it.
  const nest = find('nest-main') !== undefined;
  const files: ServerFile[] = [];
  const main = find('main');
  if (main) files.push({ main, routes: false, nest });
  for (const stem of http ? ['routes-main', 'nest-main'] : []) {
    const found = find(stem);
    if (found) files.push({ main: found, routes: true, nest });
  }
  return files;
}

/** The rows as a Markdown table. */
export function markdownTable(rows: readonly ProofRow[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '| app | service | routes/operations | extract | type-check | tests local | tests remote | shadow |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${[r.app, r.service, r.operations, r.extract, r.typecheck, r.local, r.remote, r.shadow].map(cell).join(' | ')} |`,
    ),
  ].join('\n');
}
