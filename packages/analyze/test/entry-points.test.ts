// Entry points -> graph.useCases: every detector on tiny apps shaped like real ones, expectations by hand.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFixture, type Graph } from './graph-lines.ts';

const fixture = (...parts: string[]) => join(import.meta.dirname, '../../../fixtures', ...parts);
const lines = (graph: Graph) => (graph.useCases ?? []).map((u) => `${u.id}  ${u.entry}:${u.line}`);

describe('entry points', () => {
  it('composes Express routes with the prefixes their routers are mounted under', async () => {
    const graph = await analyzeFixture(fixture('commonjs/express-layers'));
    // app.use('/v1', routes); routes/v1/index.js mounts { path: '/users', route: userRoute } and '/auth'.
    expect(lines(graph)).toEqual([
      'http DELETE /v1/users/:userId  src/routes/v1/user.route.js:11',
      'http GET /health  src/app.js:7',
      'http GET /v1/users  src/routes/v1/user.route.js:6',
      'http GET /v1/users/:userId  src/routes/v1/user.route.js:10',
      'http POST /v1/auth/login  src/routes/v1/auth.route.js:6',
      'http POST /v1/users  src/routes/v1/user.route.js:6',
    ]);
    expect(graph.useCases![0]).toEqual({
      id: 'http DELETE /v1/users/:userId',
      kind: 'http',
      entry: 'src/routes/v1/user.route.js',
      line: 11,
    });
  });

  it('composes prefixes through local routers and path-less use()', async () => {
    const graph = await analyzeFixture(fixture('entry-points/express-local-routers'));
    // app.use('/v2', api); api.js: inner = Router().use(users).use('/admin', admin), exported as
    // Router().use('/api', inner); admin.js exports express.Router().use(stats), mounted nowhere in its file.
    expect(lines(graph)).toEqual([
      'http GET /v2/api/admin/stats  src/stats.js:3',
      'http GET /v2/api/users  src/users.js:3',
    ]);
  });

  it('composes Hono routes through chains, basePath(), app.route() mounts and local sub-apps', async () => {
    const graph = await analyzeFixture(fixture('extract/hono-routes'));
    // factory.ts: createFactory({ initApp(app) { app.route('/api/books', books); app.route('/api', status) } });
    // books.ts chains .get('/').post('/') on new Hono() and adds books.get('/:id') apart; status has basePath('/v1').
    expect(lines(graph)).toEqual([
      'http GET /api/books  src/books/books.ts:5',
      'http GET /api/books/:id  src/books/books.ts:12',
      'http GET /api/v1/health  src/factory.ts:11',
      'http POST /api/books  src/books/books.ts:6',
    ]);
  });

  it('reads NestJS controllers, resolvers, processors, message handlers and timers', async () => {
    const graph = await analyzeFixture(fixture('entry-points/nest-shop'));
    expect(lines(graph)).toEqual([
      // @Mutation(() => String, { name: 'placeOrder' }) create(): the options rename the field
      'graphql Mutation placeOrder  src/orders/orders.resolver.ts:13',
      'graphql Query orders  src/orders/orders.resolver.ts:8',
      // @ApiOperation on the line above: the verb decorator's line counts
      'http GET /orders  src/orders/orders.controller.ts:10',
      'http GET /orders/:id  src/orders/orders.controller.ts:15',
      // @Controller({ path: 'admin/orders' })
      'http POST /admin/orders/:id/refund  src/orders/orders.controller.ts:30',
      'http POST /orders  src/orders/orders.controller.ts:20',
      // @Processor('emails') with @Process() and @Process('welcome')
      'queue emails  src/notifications/email.processor.ts:9',
      'queue emails:welcome  src/notifications/email.processor.ts:6',
      'queue order.created  src/notifications/email.processor.ts:14',
      // @MessagePattern({ cmd: 'order.total' })
      'queue order.total  src/notifications/email.processor.ts:17',
      'schedule DigestJobs.flushOutbox  src/notifications/digest.jobs.ts:9',
      'schedule DigestJobs.sendDailyDigest  src/notifications/digest.jobs.ts:6',
    ]);
  });

  it('reads Koa, Fastify, resolver maps, BullMQ, cron and commander, and leaves HTTP clients out', async () => {
    const graph = await analyzeFixture(fixture('entry-points/node-mix'));
    expect(lines(graph)).toEqual([
      'cli deploy  src/cli.js:4',
      'cli seed  src/cli.js:5',
      // { Query: { books, book() {} }, Mutation: { addBook }, Book: { author } }: Book is a type, not an operation
      'graphql Mutation addBook  src/graphql/resolvers.js:11',
      'graphql Query book  src/graphql/resolvers.js:6',
      'graphql Query books  src/graphql/resolvers.js:5',
      // new Router({ prefix: '/shop' }) then router.use('/admin', adminRouter.routes())
      'http DELETE /shop/admin/products/:id  src/koa/admin.router.js:4',
      // api.use(reviews) with no path, then root.use('/v2', api.routes()); koa-router's router.del is DELETE
      'http DELETE /v2/reviews/:id  src/koa/reviews.router.js:7',
      'http GET /health  src/fastify/app.js:6',
      // router.get('product', '/products/:id', ...): a named koa route
      'http GET /shop/products  src/koa/router.js:6',
      'http GET /shop/products/:id  src/koa/router.js:9',
      // fastify.route({ method: ['GET', 'HEAD'], url: '/status' })
      'http GET /status  src/fastify/app.js:7',
      // fastify.register(usersRoutes, { prefix: '/users' })
      'http GET /users/:id  src/fastify/users.js:2',
      'http GET /v2/reviews  src/koa/reviews.router.js:4',
      'http HEAD /status  src/fastify/app.js:7',
      'http POST /users  src/fastify/users.js:3',
      'queue emails  src/workers/email.worker.js:3',
      // cron.schedule with an inline handler is named by its schedule; named handlers by their name
      'schedule */5 * * * *  src/jobs/cron.js:7',
      'schedule purgeSessions  src/jobs/cron.js:8',
      'schedule sendDigest  src/jobs/cron.js:6',
    ]);
  });

  it('follows @fastify/autoload into the plugin files of its folders, with their folder prefixes', async () => {
    const graph = await analyzeFixture(fixture('extract/fastify-autoload'));
    expect(lines(graph)).toEqual([
      // routes/authors has no index: autoload goes down into _authorId, the parameter :authorId
      'http GET /api/authors/:authorId  src/routes/authors/_authorId/index.js:3',
      // options: { prefix: '/api' } then the folder name; fastify.get('/') is the prefix itself
      'http GET /api/books  src/routes/books/index.js:5',
      'http GET /api/books/:id  src/routes/books/index.js:6',
      // a fastify-plugin route written options.prefix + '/all': the prefix autoload passes, then the literal
      'http GET /api/shelves/all  src/routes/shelves/index.js:6',
      'http POST /api/shelves/:id/books  src/routes/shelves/index.js:7',
    ]);
    const loads = graph.edges.filter((edge) => edge.from === 'src/app.js' && edge.kind === 'dynamic');
    // Every plugin file, but not routes/books/schema.js: a folder with an index file is loaded through it alone.
    expect(loads.map((edge) => `${edge.to}:${edge.line}`)).toEqual([
      'src/plugins/store.js:9',
      'src/routes/authors/_authorId/index.js:10',
      'src/routes/books/index.js:10',
      'src/routes/shelves/index.js:10',
    ]);
  });

  it("follows an ES module's @fastify/autoload from import.meta.dirname, as from __dirname", async () => {
    // fastify/demo's shape: app.ts autoloads plugins/external and routes from import.meta.dirname.
    const graph = await analyzeFixture(fixture('extract/fastify-esm-app-plugin'));
    // routes/api holds an index (GET /api): autoload still goes down into auth/, a typed constant plugin.
    expect(lines(graph)).toEqual([
      'http GET /api  src/routes/api/index.ts:6',
      'http POST /api/auth/login  src/routes/api/auth/index.ts:6',
    ]);
    const loads = graph.edges.filter((edge) => edge.from === 'src/app.ts' && edge.kind === 'dynamic');
    expect(loads.map((edge) => `${edge.to}:${edge.line}`)).toEqual([
      'src/plugins/external/db.ts:7',
      'src/plugins/external/session.ts:7',
      'src/routes/api/auth/index.ts:8',
      'src/routes/api/index.ts:8',
    ]);
  });

  it('leaves useCases out of a graph without entry points', async () => {
    const graph = await analyzeFixture(fixture('resolve/file-kinds'));
    expect(graph.useCases).toBeUndefined();
  });
});

describe('composeUseCases', () => {
  it('qualifies an id several files declare, and follows mount chains', async () => {
    const { composeUseCases } = await import('../src/entry-points/compose-use-cases.ts');
    const files = [
      { from: 'a.js', entries: [{ kind: 'http' as const, method: 'GET', path: '/', line: 3 }], mounts: [] },
      { from: 'b.js', entries: [{ kind: 'http' as const, method: 'GET', path: '/', line: 5 }], mounts: [] },
      { from: 'app.js', entries: [], mounts: [{ prefix: '/api', specifier: './c', line: 1 }] },
      {
        from: 'c.js',
        entries: [{ kind: 'cli' as const, name: 'seed', line: 2 }],
        mounts: [{ prefix: '/v2', specifier: './b', line: 2 }],
      },
    ];
    const edge = (from: string, to: string, specifier: string) => ({
      from,
      to,
      kind: 'require' as const,
      specifier,
      line: 1,
      names: ['*'],
    });
    // b.js is mounted at /v2 by c.js, itself at /api by app.js: b's GET / is /api/v2, a's stays /.
    expect(composeUseCases(files, [edge('app.js', 'c.js', './c'), edge('c.js', 'b.js', './b')])).toEqual([
      { id: 'cli seed', kind: 'cli', entry: 'c.js', line: 2 },
      { id: 'http GET /', kind: 'http', entry: 'a.js', line: 3 },
      { id: 'http GET /api/v2', kind: 'http', entry: 'b.js', line: 5 },
    ]);
    // Unmounted, both declare GET /: each id names its file.
    expect(composeUseCases(files, []).map((u) => u.id)).toEqual(['cli seed', 'http GET / (a.js)', 'http GET / (b.js)']);
  });
});
