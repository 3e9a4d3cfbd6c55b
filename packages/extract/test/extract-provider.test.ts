// seams extract on an injected provider (fixtures/extract/nest-provider): the facade stands in for the
// class under the same name, the module that provides it is rewired, the monolith type-checks after the
// codemod, and calls routed remote reach the generated service on 127.0.0.1 (readiness: its "listening"
// line) and fail with the monolith's own error classes. No sleeps: every wait is for an answer or an exit.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../src/index.ts';
import {
  caught,
  cleanUp,
  extractInto,
  LISTENING,
  linkPackages,
  Processes,
  scratchApp,
  top,
  tsx,
  expectTypeChecks,
} from './support/extracted-app.ts';

const fixture = join(top, 'fixtures/extract/nest-provider');
const { scratch, app } = scratchApp('seams-provider-', 'fixtures/extract/nest-provider/app');
const TOKEN = 'provider-secret-1234';
const processes = new Processes(app);

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

const route = (mode: string) => (process.env.SEAMS_ROUTE_USERS = mode);

beforeAll(async () => {
  // The framework is a package of the monolith, as @nestjs/common is.
  cpSync(join(fixture, 'nest-lite'), join(app, 'node_modules/nest-lite'), { recursive: true });
  linkPackages(app, ['@types/node', 'zod']);
  const files = ['user.ts', 'users.module.ts', 'users.repository.ts', 'users.service.ts'].map((f) => `src/users/${f}`);
  extraction = await extractInto(app, {
    service: 'users',
    files,
    tsconfig: 'tsconfig.json',
    monolith: 'nest-provider-monolith',
    edits: true,
  });
  const ready = await processes.started(
    tsx,
    ['extracted/users/service/src/main.ts'],
    { SEAMS_USERS_TOKEN: TOKEN, PORT: '0', HOST: undefined },
    LISTENING,
  );
  serviceUrl = ready[1]!;
  process.env.SEAMS_USERS_URL = serviceUrl;
  process.env.SEAMS_USERS_TOKEN = TOKEN;
  ({ createApp } = (await import(join(app, 'src/main.ts'))) as { createApp: () => Controller });
  routing = await import(join(app, 'extracted/users/facade/routing.ts'));
  ({ HttpException } = await import(join(app, 'node_modules/nest-lite/index.js')));
  ({ UnprocessableError } = await import(join(app, 'src/shared/errors.ts')));
}, 120_000);

afterAll(() =>
  cleanUp(scratch, processes, ['SEAMS_ROUTE_USERS', 'SEAMS_USERS_URL', 'SEAMS_USERS_TOKEN', 'SEAMS_ROUTING']),
);

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
      expectTypeChecks(app, project);
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

  it('in shadow replays a read but never a write, which would happen twice on a shared database', async () => {
    const reports: unknown[] = [];
    const previous = routing.setShadowReporter((report) => reports.push(report));
    const monolith = createApp();
    route('shadow');
    expect(await monolith.signUp('alan@example.com')).toBe('alan'); // a write by its name: served locally only
    // A read: replayed, and the service, which never saw the write, has no such user.
    expect(await monolith.place('alan@example.com', 'sku-1')).toEqual({ user: 'alan', sku: 'sku-1' });
    await routing.shadowsSettled();
    routing.setShadowReporter(previous);
    expect(reports).toEqual([
      {
        service: 'users',
        operation: 'UsersService.findById',
        local: { id: 'alan@example.com', email: 'alan@example.com' },
        remote: undefined,
      },
    ]);
    const manifest = extraction.files.find((f) => f.path.endsWith('extraction.json'))!.content;
    expect(JSON.parse(manifest).access).toEqual({
      'UsersService.findById': { access: 'read', evidence: 'name' },
      'UsersService.register': { access: 'write', evidence: 'name' },
    });
  });

  it('shadows throws as well as returns: the same class and status is no difference', async () => {
    // The service has its own store: the routing file lets shadow replay writes too.
    writeFileSync(join(app, 'shadow-writes.json'), JSON.stringify({ users: { shadowWrites: true } }));
    process.env.SEAMS_ROUTING = join(app, 'shadow-writes.json');
    const reports: unknown[] = [];
    const previous = routing.setShadowReporter((report) => reports.push(report));
    // One monolith, with its own store: the service has had its own since the remote calls above.
    const monolith = createApp();
    route('shadow');
    await caught(monolith.signUp('bad')); // 422 on both sides
    expect(await monolith.signUp('grace@example.com')).toBe('grace');
    await caught(monolith.signUp('grace@example.com')); // taken on both sides: 409
    await routing.shadowsSettled();
    expect(reports).toEqual([]);
    route('local');
    await monolith.signUp('edsger@example.com'); // now taken locally only
    route('shadow');
    await caught(monolith.signUp('edsger@example.com'));
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
