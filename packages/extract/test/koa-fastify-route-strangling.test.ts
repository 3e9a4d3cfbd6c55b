// Route-level strangling of a Koa and of a Fastify monolith end to end: fixtures/extract/koa-routes (CommonJS
// JavaScript, a Koa router with its own prefix mounted under /api) and fixtures/extract/fastify-routes (ES-module
// JavaScript, a route plugin registered under /api/books) are each extracted into a scratch copy, the app gets the
// one line a person adds (Koa: the routing middleware first; Fastify: the onRequest hook on the root instance), the
// monolith (node) and the generated route server (tsx) start on 127.0.0.1 with ports the system picks (readiness:
// their "listening" lines), and the books' routes are switched local, remote and shadow through the routing file,
// without a restart. No sleeps: every wait is for an answer, a line on stderr, or an exit.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

interface Framework {
  name: string;
  /** The fixture's folder under fixtures/extract, and the scratch copy's name. */
  fixture: string;
  routerFile: string;
  /** Where each route is declared in routerFile: GET /api/books, POST /api/books, GET /api/books/:id. */
  lines: [number, number, number];
  /** The one change a person makes to src/app.js, as EXTRACTION.md says. */
  mount: (appSource: string) => string;
  /** The generated files and report lines this framework gets beside the route server. */
  files: string[];
  reportLine: string;
  /** What the service's package.json must list for its route server. */
  manifest: Record<string, unknown>;
  /** Files beside the route server's that its type-check needs. */
  typeCheckInclude: string[];
  /** What else the generated code must say. */
  generated: Array<{ file: string; contains: string }>;
  /** The body of an error answer: the app's own error middleware's or error handler's. */
  errorBody: (message: string) => unknown;
  /** The longest title the app's setup allows (Koa: ctx.app.limits; Fastify: a decorator, fastify.limits). */
  titleLength: number;
  /** What the routes' keys start with: '' when the app's prefix is known only at run time (it is /api). */
  keyPrefix: string;
  /** Another plugin's route whose path ends in one of the service's, and its answer: never the service's. */
  samePath?: { path: string; body: unknown };
}

// What the two Fastify fixtures share: the books routes mounted by the same hook, and the same package.
const FASTIFY_BOOKS = {
  routerFile: 'src/books/books.routes.js',
  mount: (source) =>
    "import { booksFastifyOnRoute, booksFastifyRoutes } from '../extracted/books/facade/fastify-routes.js'\n" +
    source.replace(
      'const app = Fastify()',
      "$&\n  app.addHook('onRoute', booksFastifyOnRoute)\n  app.addHook('onRequest', booksFastifyRoutes)",
    ),
  files: ['extracted/books/facade/fastify-routes.js'],
  reportLine:
    "Fastify: `app.addHook('onRoute', booksFastifyOnRoute)` and\n   `app.addHook('onRequest', booksFastifyRoutes)` from `extracted/books/facade/fastify-routes` on the root",
  manifest: { type: 'module', dependencies: { fastify: '5.12.8' } },
  typeCheckInclude: [],
} satisfies Partial<Framework>;

const FRAMEWORKS: Framework[] = [
  {
    name: 'a Koa router with its own prefix, mounted under /api',
    fixture: 'koa-routes',
    routerFile: 'src/books/books.router.js',
    lines: [7, 17, 11],
    mount: (source) =>
      source.replace(
        'const app = new Koa()',
        "$&\n  app.use(require('../extracted/books/facade/koa-routes').booksKoaRoutes)",
      ),
    files: ['extracted/books/facade/routes.js', 'extracted/books/facade/koa-routes.js'],
    reportLine: 'Koa: `app.use(booksKoaRoutes)` from\n   `extracted/books/facade/koa-routes`',
    manifest: { dependencies: { koa: '3.2.1', 'koa-bodyparser': '4.4.1' } },
    typeCheckInclude: ['src/koa-modules.d.ts'],
    // The route server applies the app's own setup in its order (its settings, its error middleware, its body
    // parser, under the limit), then the routers.
    generated: [
      { file: 'routes-app.ts', contains: 'for (const apply of before) apply(app);' },
      { file: 'app-middleware.ts', contains: 'app.proxy = true;' },
      { file: 'app-middleware.ts', contains: "require('../../../../src/limits')(app);" },
      { file: 'app-middleware.ts', contains: "app.use((require('../../../../src/errors')));" },
      { file: 'app-middleware.ts', contains: "app.use((require('koa-bodyparser'))());" },
    ],
    errorBody: (message) => ({ errors: { body: [message] } }),
    titleLength: 40,
    keyPrefix: '/api',
  },
  {
    name: 'a Fastify route plugin registered under /api/books',
    fixture: 'fastify-routes',
    lines: [7, 15, 9],
    ...FASTIFY_BOOKS,
    // The route server registers the app's decorating plugin and its error handler before the route plugin.
    generated: [
      { file: 'fastify-routes.js', contains: "import { ROUTES, booksRoutes } from './routes.js';" },
      { file: 'routes-app.ts', contains: 'for (const apply of appSetup)' },
      { file: 'app-middleware.ts', contains: 'app.register(limits);' },
      { file: 'app-middleware.ts', contains: 'app.setErrorHandler((error, request, reply) =>' },
    ],
    errorBody: (message) => ({ errors: { body: [message] } }),
    titleLength: 40,
    keyPrefix: '/api',
  },
  {
    name: "a Fastify app plugin registered with the configuration main awaits, its routes' prefix from it",
    fixture: 'fastify-app-plugin',
    lines: [8, 16, 10],
    ...FASTIFY_BOOKS,
    // The route server registers the app plugin whole, with the configuration computed again.
    generated: [
      { file: 'routes-app.ts', contains: 'for (const apply of appSetup)' },
      { file: 'app-middleware.ts', contains: 'app.register(appPlugin, (await loadConfig()));' },
    ],
    errorBody: (message) => ({ errors: { body: [message] } }),
    titleLength: 40,
    keyPrefix: '',
    samePath: { path: '/staff/books', body: { staff: true } },
  },
];

describe.each(FRAMEWORKS)('route-level strangling of $name', (framework) => {
  const { scratch, app } = scratchApp(`seams-${framework.fixture}-`, `fixtures/extract/${framework.fixture}`);
  const TOKEN = `${framework.fixture}-secret-2468`;
  const routing = new RoutingFile(join(app, 'seams.routing.json'));
  const processes = new Processes(app);
  let extraction: Extraction;
  let monolithUrl: string;
  let serviceUrl: string;
  const monolithLog = new StderrLog();

  /** Resolves once the monolith's stderr has a line matching `pattern` (shadow reports arrive after the answer). */
  const logged = (pattern: RegExp) => monolithLog.line(pattern);

  async function call(
    base: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const { status, headers: answered, data } = await exchange(base, method, path, text, headers);
    const parsed = (() => {
      try {
        return data ? (JSON.parse(data) as unknown) : undefined;
      } catch {
        return data;
      }
    })();
    return { status, via: answered.via, body: parsed } satisfies Answer;
  }
  const monolith = (method: string, path: string, body?: unknown) => call(monolithUrl, method, path, body);
  const titles = (answer: Answer) => (answer.body as { books: Array<{ title: string }> }).books.map((b) => b.title);

  const route = (setting: Record<string, unknown>) => routing.write({ books: { routesUrl: serviceUrl, ...setting } });

  beforeAll(async () => {
    symlinkSync(join(top, 'node_modules'), join(app, 'node_modules'));
    extraction = await extractInto(app, {
      service: 'books',
      name: 'Books',
      files: [framework.routerFile, 'src/books/books.store.js'],
      tsconfig: undefined,
      monolith: `${framework.fixture}-monolith`,
      edits: false,
    });
    const appFile = join(app, 'src/app.js');
    writeFileSync(appFile, framework.mount(readFileSync(appFile, 'utf8')));
    const service = await processes.started(
      tsx,
      ['extracted/books/service/src/routes-main.ts'],
      { SEAMS_BOOKS_TOKEN: TOKEN, PORT: '0' },
      /routes listening on (http:\/\/127\.0\.0\.1:\d+)/,
    );
    serviceUrl = service[1]!;
    const env = { SEAMS_ROUTING: routing.path, SEAMS_BOOKS_TOKEN: TOKEN, PORT: '0' };
    monolithUrl = (await processes.started(process.execPath, ['src/main.js'], env, LISTENING, monolithLog.add))[1]!;
  }, 60_000);

  afterAll(() => cleanUp(scratch, processes));

  it('finds the routes with their prefixes, and generates the routing layer and route server in JavaScript', () => {
    const [list, add, one] = framework.lines;
    expect(extraction.routes.map((r) => `${r.key}  ${r.entry}:${r.line}`)).toEqual([
      `GET ${framework.keyPrefix}/books  ${framework.routerFile}:${list}`,
      `POST ${framework.keyPrefix}/books  ${framework.routerFile}:${add}`,
      `GET ${framework.keyPrefix}/books/:id  ${framework.routerFile}:${one}`,
    ]);
    expect(extraction.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        ...framework.files,
        'extracted/books/service/src/routes-app.ts',
        'extracted/books/service/src/routes-main.ts',
      ]),
    );
    const report = extraction.files.find((f) => f.path.endsWith('EXTRACTION.md'))!.content;
    expect(report).toContain(framework.reportLine);
    for (const { file, contains } of framework.generated) {
      expect(extraction.files.find((f) => f.path.endsWith(file))!.content).toContain(contains);
    }
    // The service's package lists what its route server loads, at the monolith's versions.
    const manifest = extraction.files.find((f) => f.path === 'extracted/books/service/package.json')!.content;
    expect(JSON.parse(manifest)).toMatchObject(framework.manifest);
  });

  it('serves every route locally until told otherwise', async () => {
    expect(await monolith('GET', '/api/books')).toMatchObject({ status: 200, via: undefined });
    expect(await monolith('POST', '/api/books', { title: 'Ulysses' })).toEqual({
      status: 201,
      via: undefined,
      body: { id: 'b3', title: 'Ulysses' },
    });
  });

  it('proxies remote: path, query and streamed body reach the service, its answers and errors come back', async () => {
    route({ default: 'remote' });
    // The service has its own books: the one added locally is not there.
    const listed = await monolith('GET', '/api/books?sort=title');
    expect(listed.via).toBe('1.1 seams');
    expect(titles(listed)).toEqual(['Walden', 'Emma']);
    expect(await monolith('GET', '/api/books/b2')).toEqual({
      status: 200,
      via: '1.1 seams',
      body: { id: 'b2', title: 'Emma' },
    });
    expect(await monolith('GET', '/api/books/b9')).toEqual({
      status: 404,
      via: '1.1 seams',
      body: framework.errorBody('no book b9'),
    });
    // The monolith's framework had not read the body: it went through unread, and the service parsed it.
    expect(await monolith('POST', '/api/books', { title: 'Middlemarch' })).toEqual({
      status: 201,
      via: '1.1 seams',
      body: { id: 'b3', title: 'Middlemarch' },
    });
    expect(await monolith('POST', '/api/books', { name: 'x' })).toMatchObject({ status: 400, via: '1.1 seams' });
    // The handler reads what the app's setup attached to the app: the route server ran that setup.
    expect(await monolith('POST', '/api/books', { title: 'x'.repeat(framework.titleLength + 1) })).toEqual({
      status: 422,
      via: '1.1 seams',
      body: framework.errorBody('a title that long does not fit'),
    });
    // A route that stays in the monolith is never proxied.
    expect(await monolith('GET', '/api/status')).toEqual({ status: 200, via: undefined, body: { status: 'ok' } });
    // Nor is another plugin's route that ends in the same path as one of the service's (GET /books under /staff/).
    if (framework.samePath)
      expect(await monolith('GET', framework.samePath.path)).toEqual({
        status: 200,
        via: undefined,
        body: framework.samePath.body,
      });
  });

  it('shadows: answers locally, replays reads and (with shadowWrites) writes, and reports differences', async () => {
    route({ default: 'shadow' });
    const listed = await monolith('GET', '/api/books');
    expect(listed.via).toBeUndefined();
    expect(titles(listed)).toEqual(['Walden', 'Emma', 'Ulysses']);
    const line = await logged(new RegExp(`seams shadow: books\\.GET ${framework.keyPrefix}/books differs`));
    expect(JSON.parse(line.slice(line.indexOf('{')))).toMatchObject({
      local: { status: 200 },
      remote: { status: 200, body: { books: [{ title: 'Walden' }, { title: 'Emma' }, { title: 'Middlemarch' }] } },
    });
    // Writes are not replayed unless the routing file says the service has its own data.
    expect(await monolith('POST', '/api/books', { title: 'Beloved' })).toMatchObject({ body: { id: 'b4' } });
    await logged(new RegExp(`books POST ${framework.keyPrefix}/books not replayed`));
    // With shadowWrites, the body the framework parsed (ctx.request.body, request.body) is replayed: each side
    // adds its own book.
    route({ default: 'shadow', shadowWrites: true });
    expect(await monolith('POST', '/api/books', { title: 'Persuasion' })).toMatchObject({ body: { id: 'b5' } });
    const write = await logged(new RegExp(`seams shadow: books\\.POST ${framework.keyPrefix}/books differs`));
    expect(JSON.parse(write.slice(write.indexOf('{')))).toMatchObject({
      local: { status: 201, body: { id: 'b5', title: 'Persuasion' } },
      remote: { status: 201, body: { id: 'b4', title: 'Persuasion' } },
    });
  });

  it('serves a read locally when the service cannot answer; a write gets a 502', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    route({ default: 'remote', routesUrl: `http://127.0.0.1:${port}` });
    expect(await monolith('GET', '/api/books/b1')).toEqual({
      status: 200,
      via: undefined,
      body: { id: 'b1', title: 'Walden' },
    });
    await logged(new RegExp(`books GET ${framework.keyPrefix}/books/:id served locally: connect ECONNREFUSED`));
    expect(await monolith('POST', '/api/books', { title: 'Dracula' })).toEqual({
      status: 502,
      via: '1.1 seams',
      body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'books could not answer' } },
    });
  });

  it('type-checks: the route server under the service settings', () => {
    const service = join(app, 'extracted/books/service');
    writeFileSync(
      join(service, 'tsconfig.routes.json'),
      JSON.stringify({ extends: './tsconfig.json', include: ['src/routes-*.ts', ...framework.typeCheckInclude] }),
    );
    expectTypeChecks(service, 'tsconfig.routes.json');
  }, 120_000);

  it('answers only its routes, only with the secret', async () => {
    expect(await call(serviceUrl, 'GET', '/api/books')).toMatchObject({ status: 401 });
    const token = { 'x-seams-token': TOKEN };
    expect(await call(serviceUrl, 'GET', '/api/books', undefined, token)).toMatchObject({ status: 200 });
    expect(await call(serviceUrl, 'GET', '/api/status', undefined, token)).toMatchObject({ status: 404 });
    if (framework.samePath)
      expect(await call(serviceUrl, 'GET', framework.samePath.path, undefined, token)).toMatchObject({ status: 404 });
    expect(await call(serviceUrl, 'GET', '/__seams/health')).toEqual({
      status: 200,
      via: undefined,
      body: { status: 'ok', service: 'books' },
    });
  });
});
