// seams extract on classes the monolith constructs (fixtures/extract/instance-class, probot's shape: ESM,
// node16): the class whose async methods are all the monolith calls becomes a remote instance, the one it
// uses otherwise is blocked at the monolith's lines; the app and the service type-check; calls give the same
// answers routed local, remote (the service started, readiness: its "listening" line) and in shadow.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract } from '../src/contract/build-contract.ts';
import type { Extraction } from '../src/index.ts';
import {
  caught,
  cleanUp,
  extractInto,
  LISTENING,
  linkPackages,
  Processes,
  scratchApp,
  tsx,
  expectTypeChecks,
} from './support/extracted-app.ts';

const { scratch, app } = scratchApp('seams-instances-', 'fixtures/extract/instance-class');
const TOKEN = 'instance-secret-1234';
const processes = new Processes(app);

interface Created {
  channel: string;
  app: { id: number; slug: string; webhookUrl: string };
  real: boolean;
}
interface Creation {
  createWebhookChannel(): Promise<string>;
  getManifest(): unknown;
}
let extraction: Extraction;
let setUp: (name: string, code: string) => Promise<Created>;
let resume: (name: string) => Promise<string>;
let describeEvent: (event: string, action: string, sender: string) => string;
let facade: {
  ManifestCreation: new (options: { appName: string; baseUrl: string }) => Creation;
  releaseInstance(target: object): Promise<void>;
  resumeCreation(name: string): Promise<Creation>;
};
let real: { ManifestCreation: new (...args: never[]) => object; ManifestError: new (...args: never[]) => Error };
let routing: {
  setShadowReporter(handler: (report: unknown) => void): (report: unknown) => void;
  shadowsSettled(): Promise<void>;
};

const route = (mode: string) => (process.env.SEAMS_ROUTE_MANIFEST = mode);

beforeAll(async () => {
  linkPackages(app, ['@types/node', 'zod']);
  const files = ['src/manifest/context.ts', 'src/manifest/manifest-creation.ts'];
  extraction = await extractInto(app, {
    service: 'manifest',
    files,
    tsconfig: 'tsconfig.json',
    monolith: 'manifest-app',
    edits: true,
  });
  const ready = await processes.started(
    tsx,
    ['extracted/manifest/service/src/main.ts'],
    { SEAMS_MANIFEST_TOKEN: TOKEN, PORT: '0', HOST: undefined },
    LISTENING,
  );
  process.env.SEAMS_MANIFEST_URL = ready[1]!;
  process.env.SEAMS_MANIFEST_TOKEN = TOKEN;
  ({ setUp, resume } = await import(join(app, 'src/setup/setup-app.ts')));
  ({ describeEvent } = await import(join(app, 'src/webhooks/receive.ts')));
  facade = await import(join(app, 'extracted/manifest/facade/manifest.facade.ts'));
  real = await import(join(app, 'src/manifest/manifest-creation.ts'));
  routing = await import(join(app, 'extracted/manifest/facade/routing.ts'));
}, 120_000);

afterAll(() => cleanUp(scratch, processes, ['SEAMS_ROUTE_MANIFEST', 'SEAMS_MANIFEST_URL', 'SEAMS_MANIFEST_TOKEN']));

describe('seams extract on classes the monolith constructs', () => {
  it('makes the class called only through async methods remote, and blocks the other at the lines that need it', () => {
    expect(extraction.remoteReady).toEqual([
      'resumeCreation',
      'ManifestCreation.new',
      'ManifestCreation.createWebhookChannel',
      'ManifestCreation.createAppFromCode',
      'ManifestCreation.release',
    ]);
    expect(extraction.model.instanceClasses).toEqual([
      {
        name: 'ManifestCreation',
        file: 'src/manifest/manifest-creation.ts',
        line: 27,
        constructed: true,
        localOnly: ['getManifest'],
      },
    ]);
    const context = extraction.model.blockers.filter((b) => b.operation === 'Context');
    expect(context.map((b) => `${b.kind} ${b.file}:${b.line} ${b.message.split(':')[0]}`)).toEqual([
      'class-instance src/webhooks/receive.ts:4 `PushContext` extends `Context`',
      'class-instance src/webhooks/receive.ts:13 `Context.events` is a static member used outside the service',
      'class-instance src/webhooks/receive.ts:14 `Context.name` is an accessor read outside the service',
      'sync src/webhooks/receive.ts:14 `Context.isBot` returns `boolean` synchronously and the caller uses it without await; a remote instance only answers asynchronously',
      'class-instance src/webhooks/receive.ts:14 `Context.payload` is a public field read outside the service',
    ]);
    const code = extraction.files.find((f) => f.path.endsWith('manifest.facade.ts'))!.content;
    expect(code).toContain('export class ManifestCreation extends local1.ManifestCreation {');
    expect(code).toContain("export { Context } from '../../../src/manifest/context.js';");
  });

  it("type-checks with the monolith's own tsconfig after the codemod, and so does the service", () => {
    for (const project of ['tsconfig.json', 'extracted/manifest/service/tsconfig.json']) {
      expectTypeChecks(app, project);
    }
  }, 60_000);

  it('routed local, the class is the real one', async () => {
    route('local');
    expect(await setUp('Probot', 'abcd1234')).toEqual({
      channel: 'https://smee.example/channels/2',
      app: { id: 8, slug: 'probot', webhookUrl: 'https://smee.example/channels/2' },
      real: true,
    });
    const creation = new facade.ManifestCreation({ appName: 'Probot', baseUrl: 'https://smee.example' });
    expect(creation).toBeInstanceOf(real.ManifestCreation);
    expect(creation.getManifest()).toEqual({ name: 'Probot', url: 'https://smee.example/', events: ['push'] });
    expect(describeEvent('push', 'created', 'ci[bot]')).toBe('push.created (known) by a bot');
    expect(await resume('Probot')).toBe('https://smee.example/resumed/channels/2');
  });

  it('routed remote, the instance lives in the service: the same answers, its errors as the monolith throws them', async () => {
    route('remote');
    expect(await setUp('Probot', 'abcd1234')).toEqual({
      channel: 'https://smee.example/channels/2',
      app: { id: 8, slug: 'probot', webhookUrl: 'https://smee.example/channels/2' },
      real: true,
    });
    const refused = await caught(setUp('Probot', 'NO'));
    expect(refused).toBeInstanceOf(real.ManifestError);
    expect([refused.status, refused.message]).toEqual([422, "'NO' is not a manifest code"]);

    const creation = new facade.ManifestCreation({ appName: 'Probot', baseUrl: 'https://smee.example' });
    expect(creation).toBeInstanceOf(real.ManifestCreation);
    expect(await creation.createWebhookChannel()).toBe('https://smee.example/channels/1');
    expect(await creation.createWebhookChannel()).toBe('https://smee.example/channels/2');
    expect(() => creation.getManifest()).toThrow('ManifestCreation.getManifest is not routed');
    // An instance the service's own function built comes back as a proxy of it, its state kept there.
    expect(await resume('Probot')).toBe('https://smee.example/resumed/channels/2');
    const resumed = await facade.resumeCreation('Probot');
    expect(resumed).toBeInstanceOf(facade.ManifestCreation);
    expect(() => resumed.getManifest()).toThrow('ManifestCreation.getManifest is not routed');
    await facade.releaseInstance(creation);
    const gone = await caught(creation.createWebhookChannel());
    expect([gone.name, gone.status]).toEqual(['RemoteError', 410]);
  });

  it('in shadow, the local instance serves and its twin in the service answers the same', async () => {
    route('shadow');
    const reports: unknown[] = [];
    const previous = routing.setShadowReporter((report) => reports.push(report));
    try {
      expect((await setUp('Probot', 'abcd1234')).channel).toBe('https://smee.example/channels/2');
      await routing.shadowsSettled();
      expect(reports).toEqual([]);
    } finally {
      routing.setShadowReporter(previous);
    }
  });

  it('blocks the classes of jobs, each for its own reason, at the line that needs it', () => {
    const model = buildContract({
      root: app,
      tsconfig: join(app, 'tsconfig.json'),
      serviceFiles: ['src/jobs/job.ts', 'src/jobs/queue.ts'],
      operations: ['src/jobs/job.ts#Cache', 'src/jobs/job.ts#Job', 'src/jobs/queue.ts#enqueue'],
      callerFiles: ['src/cli/schedule.ts'],
    });
    expect(model.instanceClasses).toBeUndefined();
    const classes = model.blockers.filter((b) => b.operation === 'Job' || b.operation === 'Cache');
    expect(classes.map((b) => `${b.kind} ${b.file}:${b.line} ${b.message}`)).toEqual([
      'class-instance src/jobs/job.ts:19 `Cache` is generic: a remote instance would fix its type parameters, and the proxy cannot restate them: make the class concrete',
      'class-instance src/cli/schedule.ts:7 an instance of `Job` is handed back to `enqueue` of the service, which expects the real instance (its fields, its identity): remote, it would get a proxy: pass plain data instead',
      "class-instance src/cli/schedule.ts:8 `Job.label` is taken as a value, not called: a remote instance's method cannot be passed around",
      'callback src/jobs/job.ts:5 The constructor of `Job`, which the monolith calls: Parameter `run` of `Job.new` is a function: a callback cannot cross a network boundary: pass data, or an event',
    ]);
  }, 60_000);
});
