// seams extract on an injected provider (fixtures/extract/nest-provider): the facade stands in for the
// class under the same name, the module that provides it is rewired, the monolith type-checks after the
// codemod, and calls routed remote reach the generated service on 127.0.0.1 (readiness: its "listening"
// line) and fail with the monolith's own error classes. No sleeps: every wait is for an answer or an exit.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Plan } from '@seams/graph';
import { extractService, type Extraction } from '../src/index.ts';

const top = join(import.meta.dirname, '../../..');
const fixture = join(top, 'fixtures/extract/nest-provider');
const scratch = mkdtempSync(join(tmpdir(), 'seams-provider-'));
const app = join(scratch, 'app');
const TOKEN = 'provider-secret-1234';
const children: ChildProcess[] = [];

type Controller = {
  signUp(email: string): Promise<string>;
  place(userId: string, sku: string): Promise<{ user: string; sku: string } | undefined>;
};
type ErrorClass = new (...args: never[]) => Error;
let extraction: Extraction;
let createApp: () => Controller;
let routing: {
  setShadowReporter(handler: (report: unknown) => void): (report: unknown) => void;
  shadowsSettled(): Promise<void>;
};
let HttpException: ErrorClass;
let UnprocessableError: ErrorClass;
let serviceUrl: string;

/**
 * Starts the service and resolves with its first stdout line that matches, or rejects with all it said when it exits.
 */
function started(args: string[], env: Record<string, string | undefined>, ready: RegExp): Promise<RegExpExecArray> {
  const tsx = join(top, 'node_modules/.bin/tsx');
  const child = spawn(tsx, args, { cwd: app, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve(match);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
}

const caught = (promise: Promise<unknown>): Promise<Error & Record<string, unknown>> =>
  promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as Error & Record<string, unknown>,
  );

const route = (mode: string) => (process.env.SEAMS_ROUTE_USERS = mode);

beforeAll(async () => {
  cpSync(join(fixture, 'app'), app, { recursive: true });
  // The framework is a package of the monolith, as @nestjs/common is.
  cpSync(join(fixture, 'nest-lite'), join(app, 'node_modules/nest-lite'), { recursive: true });
  mkdirSync(join(app, 'node_modules/@types'), { recursive: true });
  symlinkSync(join(top, 'node_modules/@types/node'), join(app, 'node_modules/@types/node'));
  symlinkSync(join(top, 'packages/graph/node_modules/zod'), join(app, 'node_modules/zod'));
  const graph = await analyze({ root: app, cache: false });
  const files = ['user.ts', 'users.module.ts', 'users.repository.ts', 'users.service.ts'].map((f) => `src/users/${f}`);
  const plan = { services: [{ id: 'users', name: 'users', files }], shared: [] } as unknown as Plan;
  extraction = await extractService(graph, plan, 'users', {
    root: app,
    planName: 'seams.plan.json',
    out: 'extracted/users',
    tsconfig: 'tsconfig.json',
    monolith: 'nest-provider-monolith',
    version: '0.1.0',
    readFile: (path) => readFileSync(join(app, path), 'utf8'),
  });
  for (const file of extraction.files) {
    mkdirSync(join(app, file.path, '..'), { recursive: true });
    writeFileSync(join(app, file.path), file.content);
  }
  for (const edit of extraction.edits) writeFileSync(join(app, edit.path), edit.after);
  const ready = await started(
    ['extracted/users/service/src/main.ts'],
    { SEAMS_USERS_TOKEN: TOKEN, PORT: '0', HOST: undefined },
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  );
  serviceUrl = ready[1]!;
  process.env.SEAMS_USERS_URL = serviceUrl;
  process.env.SEAMS_USERS_TOKEN = TOKEN;
  ({ createApp } = (await import(join(app, 'src/main.ts'))) as { createApp: () => Controller });
  routing = await import(join(app, 'extracted/users/facade/routing.ts'));
  ({ HttpException } = await import(join(app, 'node_modules/nest-lite/index.js')));
  ({ UnprocessableError } = await import(join(app, 'src/shared/errors.ts')));
}, 120_000);

afterAll(() => {
  for (const child of children) child.kill();
  delete process.env.SEAMS_ROUTE_USERS;
  delete process.env.SEAMS_USERS_URL;
  delete process.env.SEAMS_USERS_TOKEN;
  if (!process.env.KEEP) rmSync(scratch, { recursive: true, force: true });
});

describe('seams extract on an injected provider', () => {
  it('routes the async methods of the injected class, and blocks the sync one with its reason', () => {
    expect(extraction.remoteReady).toEqual(['UsersService.findById', 'UsersService.register']);
    expect(extraction.model.blockers.filter((b) => b.kind === 'sync').map((b) => `${b.file}:${b.line}`)).toEqual([
      'src/users/users.service.ts:23',
    ]);
    const facade = extraction.files.find((f) => f.path.endsWith('users.facade.ts'))!.content;
    expect(facade).toContain("import { Injectable, Module, HttpException } from 'nest-lite';");
    expect(facade).toContain("import { UnprocessableError } from '../../../src/shared/errors';");
    expect(facade).toContain('@Injectable()\nexport class UsersService extends local1.UsersService {}');
    // Extending the module keeps what its class does itself (a configure() that applies middleware).
    expect(facade).toContain(
      '@Module(withFacades(local2.UsersModule, [[local1.UsersService, UsersService]]))\n' +
        'export class UsersModule extends local2.UsersModule {}',
    );
    expect(extraction.edits.map((e) => e.path).sort()).toEqual([
      'src/main.ts',
      'src/orders/orders.controller.ts',
      'src/orders/orders.module.ts',
    ]);
  });

  it("type-checks with the monolith's own tsconfig after the codemod, and so does the service", () => {
    for (const project of ['tsconfig.json', 'extracted/users/service/tsconfig.json']) {
      const tsc = spawnSync(join(top, 'node_modules/.bin/tsc'), ['-p', project], { cwd: app, encoding: 'utf8' });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    }
  }, 60_000);

  it('serves local by default, and remote from the service, with the same answers', async () => {
    route('local');
    const local = createApp();
    expect(await local.signUp('ada@example.com')).toBe('ada');
    route('remote');
    const remote = createApp();
    // The service has its own store; an absent user crosses JSON as null and comes back undefined.
    expect(await remote.place('ada@example.com', 'sku-1')).toBeUndefined();
    expect(await remote.signUp('ada@example.com')).toBe('ada');
    expect(await remote.place('ada@example.com', 'sku-1')).toEqual({ user: 'ada', sku: 'sku-1' });
  });

  it("rebuilds a remote failure as the monolith's class: a package's, and the shared kernel's subclass", async () => {
    route('remote');
    const taken = await caught(createApp().signUp('ada@example.com'));
    expect(taken).toBeInstanceOf(HttpException);
    expect([taken.message, (taken as unknown as { getStatus(): number }).getStatus()]).toEqual([
      'ada@example.com is taken',
      409,
    ]);
    const invalid = await caught(createApp().signUp('not-an-address'));
    expect(invalid).toBeInstanceOf(UnprocessableError);
    expect(invalid).toBeInstanceOf(HttpException);
    expect(invalid.status).toBe(422);
    expect(invalid.errors).toEqual({ email: 'is not an address' });
    expect((invalid as unknown as { getResponse(): unknown }).getResponse()).toEqual({
      errors: { email: 'is not an address' },
    });
    expect(invalid.stack).toBeTypeOf('string');
  });

  it('shadows throws as well as returns: the same class and status is no difference', async () => {
    const reports: unknown[] = [];
    const previous = routing.setShadowReporter((report) => reports.push(report));
    // One monolith, with its own store: the service has had its own since the remote calls above.
    const app = createApp();
    route('shadow');
    await caught(app.signUp('bad')); // 422 on both sides
    expect(await app.signUp('grace@example.com')).toBe('grace');
    await caught(app.signUp('grace@example.com')); // taken on both sides: 409
    await routing.shadowsSettled();
    expect(reports).toEqual([]);
    route('local');
    await app.signUp('edsger@example.com'); // now taken locally only
    route('shadow');
    await caught(app.signUp('edsger@example.com'));
    await routing.shadowsSettled();
    routing.setShadowReporter(previous);
    expect(reports).toEqual([
      {
        service: 'users',
        operation: 'UsersService.register',
        local: { threw: 'HttpException', status: 409 },
        remote: { id: 'edsger@example.com', email: 'edsger@example.com' },
      },
    ]);
  });
});
