// Route-level strangling of a NestJS app, end to end with the real @nestjs packages: fixtures/extract/nest-routes
// is extracted into a scratch copy, its bootstrap mounts the generated routing layer (the one line a person
// adds), and three processes start on 127.0.0.1 with ports the system picks (readiness: their "listening"
// lines): the monolith, the service's Nest application (nest-main.ts) and the service's operation server
// (main.ts), whose injected class comes from the same Nest container. No sleeps: every wait is for an
// answer, a line on stderr, or an exit.
import { symlinkSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../src/index.ts';
import {
  type Answer,
  cleanUp,
  exchange,
  extractInto,
  LISTENING,
  Processes,
  RoutingFile,
  scratchApp,
  StderrLog,
  top,
  tsx,
  expectTypeChecks,
} from './support/extracted-app.ts';

const { scratch, app } = scratchApp('seams-nest-routes-', 'fixtures/extract/nest-routes');
const TOKEN = 'nest-secret-2468';
const routing = new RoutingFile(join(app, 'seams.routing.json'));
const routingJson = routing.path;
const processes = new Processes(app);
let extraction: Extraction;
let monolithUrl: string;
let routesUrl: string;
let operationsUrl: string;
const monolithLog = new StderrLog();

/** Resolves once the monolith's stderr (the last process started) has a line matching `pattern`. */
const logged = (pattern: RegExp) => monolithLog.line(pattern);

interface ServedAnswer extends Answer {
  servedBy: string | undefined;
}

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const { status, headers: answered, data } = await exchange(base, method, path, text, headers);
  return {
    status,
    via: answered.via,
    servedBy: answered['x-served-by'],
    body: data ? (JSON.parse(data) as unknown) : undefined,
  } satisfies ServedAnswer;
}
const monolith = (method: string, path: string, body?: unknown) => call(monolithUrl, method, path, body);

const route = (setting: Record<string, unknown>) =>
  routing.write({ catalog: { routesUrl, url: operationsUrl, ...setting } });

const generated = (suffix: string) => extraction.files.find((f) => f.path.endsWith(suffix))!.content;

beforeAll(async () => {
  symlinkSync(join(top, 'node_modules'), join(app, 'node_modules'));
  // What installing the service gives it: its contract's validation library.
  mkdirSync(join(app, 'extracted/catalog/service/node_modules'), { recursive: true });
  symlinkSync(join(top, 'packages/graph/node_modules/zod'), join(app, 'extracted/catalog/service/node_modules/zod'));
  extraction = await extractInto(app, {
    service: 'catalog',
    name: 'Catalog',
    files: [
      'src/catalog/catalog.controller.ts',
      'src/catalog/catalog.module.ts',
      'src/catalog/catalog.service.ts',
      'src/catalog/price-formatter.ts',
    ],
    tsconfig: 'tsconfig.json',
    monolith: 'nest-routes-monolith',
    edits: true,
  });
  // The one change a person makes, as EXTRACTION.md says: mount the routing layer first in the bootstrap.
  const main = join(app, 'src/main.ts');
  writeFileSync(
    main,
    readFileSync(main, 'utf8')
      .replace(
        "import { AppModule } from './app.module';",
        "$&\nimport { catalogRoutes } from '../extracted/catalog/facade/routes';",
      )
      .replace("{ logger: ['error'] });", '$&\n  app.use(catalogRoutes);'),
  );
  const env = { SEAMS_CATALOG_TOKEN: TOKEN, PORT: '0' };
  const [routes, operations] = await Promise.all([
    processes.started(
      tsx,
      ['extracted/catalog/service/src/nest-main.ts'],
      env,
      /routes listening on (http:\/\/127\.0\.0\.1:\d+)/,
    ),
    processes.started(tsx, ['extracted/catalog/service/src/main.ts'], env, LISTENING),
  ]);
  routesUrl = routes[1]!;
  operationsUrl = operations[1]!;
  route({ default: 'local' });
  const ready = await processes.started(
    tsx,
    ['src/main.ts'],
    { ...env, SEAMS_ROUTING: routingJson },
    /monolith listening on (http:\/\/127\.0\.0\.1:\d+)/,
    monolithLog.add,
  );
  monolithUrl = ready[1]!;
}, 90_000);

afterAll(() => cleanUp(scratch, processes));

describe('route-level strangling of a NestJS module', () => {
  it("lists the controller's routes under the bootstrap's global prefix, and boots the monolith's own module", () => {
    expect(extraction.routes.map((r) => r.key)).toEqual([
      'GET /api/products',
      'POST /api/products',
      'GET /api/products/:id',
    ]);
    expect(generated('/service/src/nest-module.ts')).toContain(
      "import { CatalogModule } from '../../../../src/catalog/catalog.module';",
    );
    const setup = generated('/service/src/nest-setup.ts');
    expect(setup).toContain("import { ProblemFilter, servedBy } from '../../../../src/http/problems';");
    expect(setup).toContain(
      "  app.setGlobalPrefix('api');\n  app.useGlobalFilters(new ProblemFilter());\n  app.use(servedBy('nest-routes'));",
    );
    expect(generated('/service/src/providers.ts')).toContain('return provided(CatalogService);');
  });

  it('serves locally until told otherwise, through the app filter and middleware', async () => {
    expect(await monolith('GET', '/api/products/p1')).toEqual({
      status: 200,
      via: undefined,
      servedBy: 'nest-routes',
      body: { id: 'p1', name: 'Kettle', price: '30.00 EUR' },
    });
    expect(await monolith('POST', '/api/products', { name: 'Tray', price: 9 })).toMatchObject({
      status: 201,
      body: { id: 'p3', name: 'Tray' },
    });
  });

  it("proxies remote to the service's Nest app: same paths, same filter, same middleware, its own products", async () => {
    route({ default: 'remote' });
    const listed = await monolith('GET', '/api/products');
    expect(listed).toMatchObject({ status: 200, via: '1.1 seams', servedBy: 'nest-routes' });
    expect((listed.body as Array<{ name: string }>).map((p) => p.name)).toEqual(['Kettle', 'Teapot']);
    expect(await monolith('GET', '/api/products/p9')).toEqual({
      status: 404,
      via: '1.1 seams',
      servedBy: 'nest-routes',
      body: { problem: 'no product p9', status: 404 },
    });
    // The body streams through unread: Nest's parser in the service reads it.
    expect(await monolith('POST', '/api/products', { name: 'Spoon', price: 3 })).toMatchObject({
      status: 201,
      via: '1.1 seams',
      body: { id: 'p3', name: 'Spoon', price: '3.00 EUR' },
    });
    expect(await monolith('POST', '/api/products', { name: 'Spoon' })).toMatchObject({
      status: 400,
      via: '1.1 seams',
      body: { problem: 'name (text) and price (number) are required', status: 400 },
    });
    // The orders controller stays: never proxied.
    expect(await monolith('GET', '/api/orders/o1')).toMatchObject({ status: 200, via: undefined });
  });

  it('shadows: answers locally, replays the read to the service, and reports the different answer', async () => {
    route({ default: 'shadow' });
    const listed = await monolith('GET', '/api/products');
    expect(listed.via).toBeUndefined();
    const line = await logged(/seams shadow: catalog\.GET \/api\/products differs/);
    const report = JSON.parse(line.slice(line.indexOf('{'))) as { local: { body: unknown }; remote: { body: unknown } };
    const names = (body: unknown) => (body as Array<{ name: string }>).map((p) => p.name);
    expect(names(report.local.body)).toEqual(['Kettle', 'Teapot', 'Tray']);
    expect(names(report.remote.body)).toEqual(['Kettle', 'Teapot', 'Spoon']);
  });

  it("calls the injected class remote on the instance the service's Nest container built", async () => {
    // The orders route is served here; its call of CatalogService.find goes to the service's operation server,
    // where CatalogService has its PriceFormatter and the settings module's currency, as in the monolith.
    route({ default: 'local', operations: { 'CatalogService.find': 'remote' } });
    expect(await monolith('GET', '/api/orders/o1')).toMatchObject({
      status: 200,
      via: undefined,
      body: { id: 'o1', product: { id: 'p2', price: '12.50 EUR' } },
    });
    // The operation server is a process of its own, with its own container (and products).
    const direct = await call(
      operationsUrl,
      'POST',
      '/v1/CatalogService.find',
      { id: 'p1' },
      {
        authorization: `Bearer ${TOKEN}`,
      },
    );
    expect(direct).toMatchObject({ status: 200, body: { result: { name: 'Kettle', price: '30.00 EUR' } } });
  });

  it('answers only its routes, only with the secret', async () => {
    const token = { 'x-seams-token': TOKEN };
    expect(await call(routesUrl, 'GET', '/api/products')).toMatchObject({ status: 401 });
    expect(await call(routesUrl, 'GET', '/api/products', undefined, token)).toMatchObject({ status: 200 });
    expect(await call(routesUrl, 'GET', '/api/orders/o1', undefined, token)).toMatchObject({ status: 404 });
    expect(await call(routesUrl, 'GET', '/__seams/health')).toMatchObject({
      status: 200,
      body: { service: 'catalog' },
    });
  });

  it('type-checks: the app with the routing layer mounted, and the Nest service', () => {
    writeFileSync(
      join(app, 'tsconfig.nest.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        include: ['src', 'extracted/catalog/facade', 'extracted/catalog/service/src/nest-*.ts'],
      }),
    );
    expectTypeChecks(app, 'tsconfig.nest.json');
  }, 120_000);
});
