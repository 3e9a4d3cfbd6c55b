// Route-level strangling end to end: fixtures/extract/express-routes is extracted into a scratch copy, its
// app mounts the generated routing layer (the one line a person adds), the monolith and the generated route
// server start on 127.0.0.1 with ports the system picks (readiness: their "listening" lines), and the
// catalog's routes are switched local, remote, shadow and by percentage through the routing file, without a
// restart. No sleeps: every wait is for an answer, a line on stderr, or an exit.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
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

const { scratch, app } = scratchApp('seams-routes-', 'fixtures/extract/express-routes');
const TOKEN = 'route-secret-5678';
const routing = new RoutingFile(join(app, 'seams.routing.json'));
const routingJson = routing.path;
const processes = new Processes(app);
let extraction: Extraction;
let monolithUrl: string;
let serviceUrl: string;
const monolithLog = new StderrLog();

/** Resolves once the monolith's stderr has a line matching `pattern` (shadow reports arrive after the answer). */
const logged = (pattern: RegExp) => monolithLog.line(pattern);

// The header the app's own middleware adds to every answer, wherever the route was served.
const servedBy = (answer: Answer) => (answer as Answer & { servedBy?: string }).servedBy;

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  // A string is sent as it is (a body that is not JSON); anything else as JSON.
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const { status, headers: answered, data } = await exchange(base, method, path, text, headers);
  const answer: Answer = { status, via: answered.via, body: data ? (JSON.parse(data) as unknown) : undefined };
  // Not enumerable: the answers compare with toEqual as before.
  return Object.defineProperty(answer, 'servedBy', { value: answered['x-served-by'], enumerable: false });
}
const monolith = (method: string, path: string, body?: unknown) => call(monolithUrl, method, path, body);
const names = (answer: Answer) => (answer.body as { products: Array<{ name: string }> }).products.map((p) => p.name);

const route = (setting: Record<string, unknown>) => routing.write({ catalog: { routesUrl: serviceUrl, ...setting } });

beforeAll(async () => {
  symlinkSync(join(top, 'node_modules'), join(app, 'node_modules'));
  extraction = await extractInto(app, {
    service: 'catalog',
    name: 'Catalog',
    files: ['src/catalog/catalog.routes.ts', 'src/catalog/catalog.store.ts'],
    tsconfig: 'tsconfig.json',
    monolith: 'express-routes-monolith',
    edits: false,
  });
  // The one change a person makes, as EXTRACTION.md says: mount the routing layer before everything else.
  const appFile = join(app, 'src/app.ts');
  writeFileSync(
    appFile,
    readFileSync(appFile, 'utf8')
      .replace(
        "import { routes } from './routes';",
        "$&\nimport { catalogRoutes } from '../extracted/catalog/facade/routes';",
      )
      .replace('const app = express();', '$&\n  app.use(catalogRoutes);'),
  );
  const service = await processes.started(
    tsx,
    ['extracted/catalog/service/src/routes-main.ts'],
    { SEAMS_CATALOG_TOKEN: TOKEN, PORT: '0' },
    /routes listening on (http:\/\/127\.0\.0\.1:\d+)/,
  );
  serviceUrl = service[1]!;
  // The service's URL comes from the routing file, so a test can point it elsewhere.
  const env = { SEAMS_ROUTING: routingJson, SEAMS_CATALOG_TOKEN: TOKEN, PORT: '0' };
  const ready = await processes.started(tsx, ['src/main.ts'], env, LISTENING, monolithLog.add);
  monolithUrl = ready[1]!;
}, 60_000);

afterAll(() => cleanUp(scratch, processes));

describe('route-level strangling of an Express router mounted under a prefix', () => {
  it('finds the routes with the prefix the app mounts them under, and generates the route files', () => {
    expect(extraction.routes.map((r) => `${r.key}  ${r.entry}:${r.line}`)).toEqual([
      'GET /api/products  src/catalog/catalog.routes.ts:7',
      'POST /api/products  src/catalog/catalog.routes.ts:17',
      'GET /api/products/:id  src/catalog/catalog.routes.ts:11',
    ]);
    const paths = extraction.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'extracted/catalog/facade/routes.ts',
        'extracted/catalog/service/src/routes-app.ts',
        'extracted/catalog/service/src/routes-main.ts',
        'extracted/catalog/edge/catalog.http.conf',
        'extracted/catalog/edge/catalog.server.conf',
      ]),
    );
    expect(extraction.files.find((f) => f.path.endsWith('EXTRACTION.md'))!.content).toContain(
      '| `GET /api/products/:id` | src/catalog/catalog.routes.ts:11 | `SEAMS_ROUTE_CATALOG_GET_API_PRODUCTS_ID` |',
    );
  });

  it('serves every route locally until told otherwise', async () => {
    expect(await monolith('GET', '/api/products')).toMatchObject({ status: 200, via: undefined });
    const added = await monolith('POST', '/api/products', { name: 'Tray', price: 9 });
    expect(added).toEqual({ status: 201, via: undefined, body: { id: 'p4', name: 'Tray', price: 9 } });
    expect(names(await monolith('GET', '/api/products'))).toEqual(['Kettle', 'Teapot', 'Cups', 'Tray']);
  });

  it('proxies remote: method, path, query and body reach the service, and its answers come back', async () => {
    route({ default: 'remote' });
    // The service has its own products: the Tray added locally is not there.
    const listed = await monolith('GET', '/api/products');
    expect(listed.via).toBe('1.1 seams');
    expect(names(listed)).toEqual(['Kettle', 'Teapot', 'Cups']);
    expect(names(await monolith('GET', '/api/products?q=t'))).toEqual(['Kettle', 'Teapot']);
    expect(await monolith('GET', '/api/products/p9')).toEqual({
      status: 404,
      via: '1.1 seams',
      body: { error: 'no product p9' },
    });
    // The body is streamed through unread: the routing layer is mounted before the app's JSON parser.
    expect(await monolith('POST', '/api/products', { name: 'Spoon', price: 3 })).toEqual({
      status: 201,
      via: '1.1 seams',
      body: { id: 'p4', name: 'Spoon', price: 3 },
    });
    expect(await monolith('POST', '/api/products', { name: 'Spoon' })).toMatchObject({ status: 400, via: '1.1 seams' });
    // Routes that stay in the monolith, and everything else, are never proxied.
    expect(await monolith('GET', '/api/orders/o1')).toMatchObject({ status: 200, via: undefined });
    expect(await monolith('GET', '/health')).toMatchObject({ status: 200, via: undefined, body: { status: 'ok' } });
  });

  it("applies the app's own middleware around the routers, remote as local: headers, body parser, error answers", async () => {
    const middleware = extraction.files.find((f) => f.path.endsWith('/service/src/app-middleware.ts'))!.content;
    expect(middleware).toContain("import { errorHandler, notFound, servedBy } from '../../../../src/http/middleware';");
    // The app's constant is inlined; what it declares itself (a function) cannot follow, and the report says so.
    expect(middleware).toContain("(app) => void app.use(express.json({ limit: ('64kb') })),");
    // A middleware the app applies under a condition is applied under the same one.
    expect(middleware).toContain("if ((process.env.HIDE_APP_NAME !== '1')) app.use(servedBy('express-routes'));");
    expect(extraction.files.find((f) => f.path.endsWith('EXTRACTION.md'))!.content).toContain(
      'src/app.ts:19 `app.use(...)` is not applied: it uses `counted`, which app.ts declares itself',
    );
    for (const mode of ['local', 'remote']) {
      route({ default: mode });
      const via = mode === 'remote' ? '1.1 seams' : undefined;
      const found = await monolith('GET', '/api/products/p1');
      expect([found.status, found.via, servedBy(found)]).toEqual([200, via, 'express-routes']);
      const malformed = await monolith('POST', '/api/products', '{"name": "Jar"');
      expect(malformed).toEqual({ status: 400, via, body: { error: 'the body is not JSON' } });
      expect(servedBy(malformed)).toBe('express-routes');
    }
  });

  it('routes one route on its own: the per-route setting wins over the service default', async () => {
    route({ default: 'remote', operations: { 'GET /api/products/:id': 'local' } });
    expect(await monolith('GET', '/api/products/p4')).toMatchObject({
      status: 200,
      via: undefined,
      body: { name: 'Tray' },
    });
    expect((await monolith('GET', '/api/products')).via).toBe('1.1 seams');
  });

  it('shadows: answers locally, replays reads to the service, and reports a different answer', async () => {
    route({ default: 'shadow' });
    const listed = await monolith('GET', '/api/products');
    expect(listed.via).toBeUndefined();
    expect(names(listed)).toEqual(['Kettle', 'Teapot', 'Cups', 'Tray']);
    const line = await logged(/seams shadow: catalog\.GET \/api\/products differs/);
    const report = JSON.parse(line.slice(line.indexOf('{'))) as { local: Answer; remote: Answer };
    expect(report.local).toMatchObject({ status: 200 });
    expect(names(report.remote)).toEqual(['Kettle', 'Teapot', 'Cups', 'Spoon']);
    // Writes are not replayed unless the routing file says the service has its own data.
    expect(await monolith('POST', '/api/products', { name: 'Bowl', price: 7 })).toMatchObject({ status: 201 });
    await logged(/catalog POST \/api\/products not replayed/);
    // With shadowWrites, the body the app's parser read is replayed as JSON: each side adds its own product.
    route({ default: 'shadow', shadowWrites: true });
    expect(await monolith('POST', '/api/products', { name: 'Lamp', price: 5 })).toMatchObject({ body: { id: 'p6' } });
    const write = await logged(/seams shadow: catalog\.POST \/api\/products differs/);
    expect(JSON.parse(write.slice(write.indexOf('{')))).toMatchObject({
      local: { status: 201, body: { id: 'p6', name: 'Lamp' } },
      remote: { status: 201, body: { id: 'p5', name: 'Lamp', price: 5 } },
    });
  });

  it('sends a percentage of the requests to the service', async () => {
    route({ default: '50%' });
    const answers = await Promise.all(Array.from({ length: 40 }, () => monolith('GET', '/api/products/p1')));
    const remote = answers.filter((a) => a.via === '1.1 seams').length;
    // Each request is drawn on its own: 40 draws all landing on one side has odds of 2 in 10^12.
    expect(remote).toBeGreaterThan(0);
    expect(remote).toBeLessThan(40);
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  it('serves a read locally when the service cannot answer; a write gets a 502', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    route({ default: 'remote', routesUrl: `http://127.0.0.1:${port}` });
    expect(await monolith('GET', '/api/products/p4')).toMatchObject({
      status: 200,
      via: undefined,
      body: { name: 'Tray' },
    });
    await logged(/catalog GET \/api\/products\/:id served locally: connect ECONNREFUSED/);
    expect(await monolith('POST', '/api/products', { name: 'Fork', price: 2 })).toEqual({
      status: 502,
      via: '1.1 seams',
      body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'catalog could not answer' } },
    });
  });

  it('type-checks: the app with the routing layer mounted, and the route server', () => {
    writeFileSync(
      join(app, 'tsconfig.routes.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        include: [
          'src',
          'extracted/catalog/facade/routes.ts',
          'extracted/catalog/service/src/routes-*.ts',
          'extracted/catalog/service/src/app-middleware.ts',
        ],
      }),
    );
    expectTypeChecks(app, 'tsconfig.routes.json');
  }, 120_000);

  it('is no open proxy, and the service answers only its routes, only with the secret', async () => {
    route({ default: 'remote' });
    // An absolute-form target (a proxy request for another host) is never proxied: the monolith serves it.
    expect(await monolith('GET', 'http://127.0.0.1:1/api/products')).toMatchObject({ via: undefined });
    // A secret a client sends is dropped; the layer sends the configured one.
    const forged = await call(monolithUrl, 'GET', '/api/products/p1', undefined, { 'x-seams-token': 'forged' });
    expect(forged).toMatchObject({ status: 200, via: '1.1 seams' });
    // A body above the limit (1 MiB) is refused before it is proxied.
    expect(await monolith('POST', '/api/products', { name: 'x'.repeat(1_100_000), price: 1 })).toEqual({
      status: 413,
      via: '1.1 seams',
      body: { error: { code: 'BODY_TOO_LARGE', message: 'bodies above 1048576 bytes are refused' } },
    });
    expect(await call(serviceUrl, 'GET', '/api/products')).toMatchObject({ status: 401 });
    const token = { 'x-seams-token': TOKEN };
    expect(await call(serviceUrl, 'GET', '/api/products', undefined, token)).toMatchObject({ status: 200 });
    expect(await call(serviceUrl, 'GET', '/api/orders/o1', undefined, token)).toMatchObject({ status: 404 });
    expect(await call(serviceUrl, 'GET', '/__seams/health')).toEqual({
      status: 200,
      via: undefined,
      body: { status: 'ok', service: 'catalog' },
    });
  });
});

// The gateway table, checked by nginx itself where nginx is installed (CI installs it; elsewhere the test says so).
const nginx = ['nginx', '/usr/sbin/nginx'].find((binary) => spawnSync(binary, ['-v']).status === 0);

/** Resolves once a TCP port on 127.0.0.1 takes connections (nginx says nothing when it is ready). */
async function accepting(port: number): Promise<void> {
  for (let tries = 0; ; tries++) {
    const open = await new Promise<boolean>((resolve) => {
      const probe = connect(port, '127.0.0.1', () => (probe.end(), resolve(true)));
      probe.on('error', () => resolve(false));
    });
    if (open) return;
    if (tries > 250) throw new Error(`nothing listens on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.runIf(nginx !== undefined)('the nginx table (skipped: nginx is not installed)', () => {
  it('passes nginx -t, and sends the service’s routes to it and the rest to the monolith', async () => {
    const edge = join(scratch, 'nginx');
    mkdirSync(join(edge, 'logs'), { recursive: true });
    // What the team does: the secret goes where the generated file says, in a file only nginx reads.
    const http = readFileSync(join(app, 'extracted/catalog/edge/catalog.http.conf'), 'utf8')
      .replace('server 127.0.0.1:4011;', `server ${new URL(serviceUrl).host};`)
      .replace(/(\$seams_catalog_token \{\n\s+default )"";/, `$1"${TOKEN}";`);
    writeFileSync(join(edge, 'catalog.http.conf'), http);
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    writeFileSync(
      join(edge, 'nginx.conf'),
      `events {}
http {
  include ${join(edge, 'catalog.http.conf')};
  upstream monolith { server ${new URL(monolithUrl).host}; }
  server {
    listen 127.0.0.1:${port};
    include ${join(app, 'extracted/catalog/edge/catalog.server.conf')};
    location / { proxy_pass http://monolith; }
  }
}
`,
    );
    const args = [
      '-p',
      edge,
      '-c',
      join(edge, 'nginx.conf'),
      '-g',
      `pid ${join(edge, 'nginx.pid')}; error_log stderr;`,
    ];
    const checked = spawnSync(nginx!, ['-t', ...args], { encoding: 'utf8' });
    expect(checked.stderr).toContain('syntax is ok');
    expect(checked.status).toBe(0);
    const server = spawn(nginx!, [...args.slice(0, -1), `${args.at(-1)} daemon off;`], { stdio: 'ignore' });
    processes.add(server);
    await accepting(port);
    route({ default: 'local' });
    const gateway = `http://127.0.0.1:${port}`;
    // Straight to the service (no routing layer on the way: no via header), with the secret nginx adds.
    const listed = await call(gateway, 'GET', '/api/products');
    expect(listed).toMatchObject({ status: 200, via: undefined });
    expect(names(listed)).toEqual(['Kettle', 'Teapot', 'Cups', 'Spoon', 'Lamp']);
    expect(await call(gateway, 'POST', '/api/products', { name: 'Jug', price: 11 })).toMatchObject({
      status: 201,
      body: { id: 'p6', name: 'Jug' },
    });
    // The monolith's own routes, and the same paths' other verbs, reach the monolith.
    expect(await call(gateway, 'GET', '/api/orders/o1')).toMatchObject({ status: 200, body: { id: 'o1' } });
    expect(await call(gateway, 'GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(names(await monolith('GET', '/api/products'))).toEqual(['Kettle', 'Teapot', 'Cups', 'Tray', 'Bowl', 'Lamp']);
  });
});
