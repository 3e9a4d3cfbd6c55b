// Route-level strangling of a Hono app end to end: fixtures/extract/hono-routes (ES-module TypeScript, NodeNext,
// a books sub-app mounted with app.route() inside createFactory's initApp, behind app-level middleware that puts
// the store on c.var) is extracted into a scratch copy, the app gets the one line a person adds (the Hono routing
// middleware first in initApp), the monolith and the generated route server start under tsx on 127.0.0.1 with
// ports the system picks (readiness: their "listening" lines), and the books' routes are switched local, remote
// and shadow through the routing file, without a restart. No sleeps: every wait is for an answer or a line.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../src/index.ts';
import {
  type Answer,
  cleanUp,
  exchange,
  expectTypeChecks,
  extractInto,
  LISTENING,
  Processes,
  RoutingFile,
  scratchApp,
  StderrLog,
  top,
  tsx,
} from './support/extracted-app.ts';

describe('route-level strangling of a Hono app', () => {
  const { scratch, app } = scratchApp('seams-hono-routes-', 'fixtures/extract/hono-routes');
  const TOKEN = 'hono-routes-secret-1357';
  const routing = new RoutingFile(join(app, 'seams.routing.json'));
  const processes = new Processes(app);
  const monolithLog = new StderrLog();
  let extraction: Extraction;
  let monolithUrl: string;
  let serviceUrl: string;

  async function call(base: string, method: string, path: string, body?: unknown, headers = {}): Promise<Answer> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const { status, headers: answered, data } = await exchange(base, method, path, text, headers);
    return { status, via: answered.via, body: data ? (JSON.parse(data) as unknown) : undefined };
  }
  const monolith = (method: string, path: string, body?: unknown) => call(monolithUrl, method, path, body);
  const titles = (answer: Answer) => (answer.body as { books: Array<{ title: string }> }).books.map((b) => b.title);
  const route = (setting: Record<string, unknown>) => routing.write({ books: { routesUrl: serviceUrl, ...setting } });

  beforeAll(async () => {
    symlinkSync(join(top, 'node_modules'), join(app, 'node_modules'));
    extraction = await extractInto(app, {
      service: 'books',
      name: 'Books',
      files: ['src/books/books.ts', 'src/store.ts'],
      tsconfig: 'tsconfig.json',
      monolith: 'hono-routes',
      edits: false,
    });
    // The report's step 1: the Hono routing middleware first in the app.
    const layer = extraction.files.find((f) => f.path.endsWith('/hono-routes.ts'))!.path;
    const factory = join(app, 'src/factory.ts');
    const specifier = relative(join(app, 'src'), join(app, layer)).replace(/\.ts$/, '.js');
    writeFileSync(
      factory,
      `import { booksHonoRoutes } from './${specifier}';\n` +
        readFileSync(factory, 'utf8').replace('initApp(app) {', '$&\n    app.use(booksHonoRoutes);'),
    );
    const service = await processes.started(
      tsx,
      ['extracted/books/service/src/routes-main.ts'],
      { SEAMS_BOOKS_TOKEN: TOKEN, PORT: '0' },
      /routes listening on (http:\/\/127\.0\.0\.1:\d+)/,
    );
    serviceUrl = service[1]!;
    const env = { SEAMS_ROUTING: routing.path, SEAMS_BOOKS_TOKEN: TOKEN, PORT: '0' };
    monolithUrl = (await processes.started(tsx, ['src/server.ts'], env, LISTENING, monolithLog.add))[1]!;
  }, 90_000);

  afterAll(() => cleanUp(scratch, processes));

  it('finds the sub-app routes under their mount, and generates the Hono routing layer and route server', () => {
    expect(extraction.routes.map((r) => `${r.key}  ${r.entry}:${r.line}`)).toEqual([
      'GET /api/books  src/books/books.ts:5',
      'POST /api/books  src/books/books.ts:6',
      'GET /api/books/:id  src/books/books.ts:12',
    ]);
    const paths = extraction.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'extracted/books/service/src/routes-app.ts',
        'extracted/books/service/src/routes-main.ts',
        'extracted/books/service/src/app-middleware.ts',
      ]),
    );
    const report = extraction.files.find((f) => f.path.endsWith('EXTRACTION.md'))!.content;
    expect(report).toContain('Hono: `app.use(booksHonoRoutes)`');
    // The app-level middleware of initApp, copied with the import it needs.
    const middleware = extraction.files.find((f) => f.path.endsWith('/app-middleware.ts'))!.content;
    expect(middleware).toContain("c.set('store', store);");
    expect(middleware).toContain("import { store } from '../../../../src/store.js';");
    const manifest = extraction.files.find((f) => f.path === 'extracted/books/service/package.json')!.content;
    expect(JSON.parse(manifest)).toMatchObject({ dependencies: { hono: '4.11.4', '@hono/node-server': '1.19.9' } });
  });

  it('serves every route locally until told otherwise', async () => {
    expect(await monolith('GET', '/api/books')).toEqual({
      status: 200,
      via: undefined,
      body: { books: [{ id: 1, title: 'Dune' }] },
    });
    expect(await monolith('POST', '/api/books', { title: 'Emma' })).toEqual({
      status: 201,
      via: undefined,
      body: { book: { id: 2, title: 'Emma' } },
    });
  });

  it('proxies remote: the service answers with the monolith sub-app behind its own middleware', async () => {
    route({ default: 'remote' });
    // The service has its own store: the book added locally is not there.
    const listed = await monolith('GET', '/api/books?sort=title');
    expect(listed).toMatchObject({ status: 200, via: '1.1 seams' });
    expect(titles(listed)).toEqual(['Dune']);
    expect(await monolith('GET', '/api/books/7')).toEqual({
      status: 404,
      via: '1.1 seams',
      body: { error: 'no such book' },
    });
    // Hono had not read the body: it went through unread, and the service's copy of the sub-app parsed it.
    expect(await monolith('POST', '/api/books', { title: 'Walden' })).toEqual({
      status: 201,
      via: '1.1 seams',
      body: { book: { id: 2, title: 'Walden' } },
    });
    expect(await monolith('POST', '/api/books', { name: 'x' })).toMatchObject({ status: 422, via: '1.1 seams' });
    expect(await monolith('POST', '/api/books', { title: 'Ulysses' })).toMatchObject({ body: { book: { id: 3 } } });
    // A route that stays in the monolith is never proxied.
    expect(await monolith('GET', '/api/v1/health')).toEqual({ status: 200, via: undefined, body: { ok: true } });
  });

  it('shadows: answers locally, replays reads and (with shadowWrites) writes, and reports differences', async () => {
    route({ default: 'shadow' });
    const listed = await monolith('GET', '/api/books');
    expect(listed.via).toBeUndefined();
    expect(titles(listed)).toEqual(['Dune', 'Emma']);
    const line = await monolithLog.line(/seams shadow: books\.GET \/api\/books differs/);
    expect(JSON.parse(line.slice(line.indexOf('{')))).toMatchObject({
      local: { status: 200 },
      remote: { status: 200, body: { books: [{ title: 'Dune' }, { title: 'Walden' }, { title: 'Ulysses' }] } },
    });
    // With shadowWrites, the JSON body the handler read through Hono is replayed: each side adds its own book.
    route({ default: 'shadow', shadowWrites: true });
    expect(await monolith('POST', '/api/books', { title: 'Beloved' })).toMatchObject({ body: { book: { id: 3 } } });
    const write = await monolithLog.line(/seams shadow: books\.POST \/api\/books differs/);
    expect(JSON.parse(write.slice(write.indexOf('{')))).toMatchObject({
      local: { status: 201, body: { book: { id: 3, title: 'Beloved' } } },
      remote: { status: 201, body: { book: { id: 4, title: 'Beloved' } } },
    });
  });

  it('answers only its routes, only with the secret', async () => {
    expect(await call(serviceUrl, 'GET', '/api/books')).toMatchObject({ status: 401 });
    const token = { 'x-seams-token': TOKEN };
    expect(await call(serviceUrl, 'GET', '/api/books', undefined, token)).toMatchObject({ status: 200 });
    expect(await call(serviceUrl, 'GET', '/api/v1/health', undefined, token)).toMatchObject({ status: 404 });
    expect(await call(serviceUrl, 'GET', '/__seams/health')).toEqual({
      status: 200,
      via: undefined,
      body: { status: 'ok', service: 'books' },
    });
  });

  it('type-checks: the monolith with the layer mounted, and the route server under the service settings', () => {
    expectTypeChecks(app, 'tsconfig.json');
    const service = join(app, 'extracted/books/service');
    writeFileSync(
      join(service, 'tsconfig.routes.json'),
      JSON.stringify({ extends: './tsconfig.json', include: ['src/routes-*.ts', 'src/app-middleware.ts'] }),
    );
    expectTypeChecks(service, 'tsconfig.routes.json');
  }, 120_000);
});
