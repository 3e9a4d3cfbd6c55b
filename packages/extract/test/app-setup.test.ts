// What the route server copies from the monolith's app file: expectations worked out by hand on a CommonJS app
// shaped like hagopj13/node-express-boilerplate's src/app.js, a NestJS bootstrap, and a Koa app shaped like
// gothinkster/koa-knex-realworld-example's src/lib/app.js, and a CommonJS Fastify app.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expressChain, nestBootstrap } from '../src/routes/app-setup.ts';
import { fastifyChain } from '../src/routes/fastify-setup.ts';
import { koaChain } from '../src/routes/koa-setup.ts';

const files: Record<string, string> = {
  'src/app.js': `const express = require('express');
const passport = require('passport');
const config = require('./config/config');
const { jwtStrategy } = require('./config/passport');
const routes = require('./routes/v1');
const { errorHandler } = require('./middlewares/error');
let hits = 0;

const app = express();
if (config.env !== 'test') {
  app.use(require('morgan')('dev'));
} else {
  app.use((req, res, next) => next());
}
app.use(express.json());
app.use(passport.initialize());
passport.use('jwt', jwtStrategy);
app.use((req, res, next) => { hits += 1; next(); });
app.use('/v1', routes);
app.use(errorHandler);
module.exports = app;
`,
  'src/routes/v1/index.js': `module.exports = require('express').Router();`,
  'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { ValidationPipe } from '@nestjs/common';
import { AppModule } from './app.module';
const options = { cors: true };
async function bootstrap() {
  const app = await NestFactory.create(AppModule, options);
  app.setGlobalPrefix('api/v2');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));
  app.enableShutdownHooks();
  app.useWebSocketAdapter(undefined);
  await app.listen(3000);
}
bootstrap();
`,
  'src/app.module.ts': 'export class AppModule {}',
};
const inputs = (target: string) => ({
  files: Object.keys(files),
  readFile: (path: string) => files[path]!,
  reaches: new Set(['src/routes/v1/index.js']),
  target,
});

describe('the app setup a route server copies', () => {
  it("copies an Express app's chain around the mount: conditions, setup calls, requires moved, locals refused", () => {
    const chain = expressChain(inputs('extracted/users/service/src/app-middleware.ts'))!;
    const up = '../../../../src';
    expect(chain.before).toEqual([
      { code: "require('morgan')('dev')", imports: [], condition: `((require('${up}/config/config')).env !== 'test')` },
      {
        code: '(req, res, next) => next()',
        imports: [],
        condition: `!((require('${up}/config/config')).env !== 'test')`,
      },
      { code: "(require('express')).json()", imports: [] },
      { code: "(require('passport')).initialize()", imports: [] },
      {
        code: `(require('passport')).use('jwt', (require('${up}/config/passport')).jwtStrategy)`,
        imports: [],
        statement: true,
      },
    ]);
    expect(chain.after).toEqual([{ code: `(require('${up}/middlewares/error')).errorHandler`, imports: [] }]);
    expect(chain.notes).toEqual([
      'src/app.js:18 `app.use(...)` is not applied: it uses `hits`, which app.js declares itself',
    ]);
  });

  it('reads a Nest bootstrap: the root module, its options, a literal prefix, the calls a request meets', () => {
    const bootstrap = nestBootstrap(inputs('extracted/users/service/src/nest-setup.ts'))!;
    expect(bootstrap.root).toEqual({ name: 'AppModule', file: 'src/app.module.ts' });
    expect(bootstrap.options?.code).toBe('({ cors: true })');
    expect(bootstrap.prefix).toBe('api/v2');
    expect(bootstrap.calls.map((c) => `${c.method}(${c.code})`)).toEqual([
      "setGlobalPrefix('api/v2')",
      'useGlobalPipes(new ValidationPipe({ whitelist: true }))',
    ]);
    expect(bootstrap.calls[1]!.imports).toEqual([
      { specifier: '@nestjs/common', kind: 'named', name: 'ValidationPipe', imported: 'ValidationPipe' },
    ]);
    expect(bootstrap.notes).toEqual([
      'src/main.ts:10 `app.useWebSocketAdapter(...)` is not applied: seams does not know what it changes',
    ]);
  });

  it("copies a Koa app's setup around the mount: settings, the app handed to modules, its middleware in order", () => {
    const koa: Record<string, string> = {
      'src/lib/app.js': `const config = require("config")
const Koa = require("koa")
const app = new Koa()
app.proxy = true
app.keys = [config.get("secret")]
require("../schemas")(app)
const xRequestId = require("koa-x-request-id")
const error = require("../middleware/error-middleware")
const routes = require("../routes")
let requests = 0
app.use(xRequestId({ inject: true }, app))
app.use(async (ctx, next) => { requests += 1; await next() })
app.use(error)
app.use(routes.routes())
app.use(routes.allowedMethods())
app.on("error", () => {})
require("./listen")(app)
module.exports = app
`,
      'src/routes/index.js': 'module.exports = new (require("koa-router"))()',
    };
    const chain = koaChain({
      files: Object.keys(koa),
      readFile: (path) => koa[path]!,
      reaches: new Set(['src/routes/index.js']),
      target: 'extracted/users/service/src/app-middleware.ts',
    })!;
    const up = '../../../../src';
    expect(chain.file).toBe('src/lib/app.js');
    expect(chain.app).toBe('app');
    // The app itself is the copies' parameter: kept by name, never inlined as \`new Koa()\`.
    expect(chain.before).toEqual([
      { code: 'app.proxy = true', imports: [] },
      { code: 'app.keys = [(require("config")).get("secret")]', imports: [] },
      { code: `require('${up}/schemas')(app)`, imports: [] },
      { code: 'app.use((require("koa-x-request-id"))({ inject: true }, app))', imports: [] },
      { code: `app.use((require('${up}/middleware/error-middleware')))`, imports: [] },
    ]);
    // Both mounts of the routers are the route server's own; an event listener is not setup a request meets, and
    // what the file does with the app after the mount may start a server (the route server starts its own).
    expect(chain.after).toEqual([]);
    expect(chain.notes).toEqual([
      'src/lib/app.js:12 `app.use(...)` is not applied: it uses `requests`, which app.js declares itself',
    ]);
  });

  it("copies a Fastify app's setup: plugins, decorators, hooks; not its routes, the mount, or what it declares", () => {
    const app: Record<string, string> = {
      'src/server.js': `const server = require('fastify')({ logger: true })
const jwt = require('./plugins/jwt')
const routes = require('./routes')
function onError(error, request, reply) { reply.send(error) }
server.register(require('@fastify/cors'), {})
server.register(jwt, { secret: process.env.SECRET })
server.decorate('limits', { titleLength: 40 })
server.get('/health', async () => ({ ok: true }))
server.register(routes, { prefix: '/api' })
server.setErrorHandler(onError)
server.listen({ port: 3000 })
`,
      'src/routes/index.js': 'module.exports = async function routes (fastify) {}',
      'src/plugins/jwt.js': 'module.exports = async function jwt (fastify) {}',
    };
    const chain = fastifyChain({
      files: Object.keys(app),
      readFile: (path) => app[path]!,
      reaches: new Set(['src/routes/index.js']),
      target: 'extracted/users/service/src/app-middleware.ts',
    })!;
    expect(chain.file).toBe('src/server.js');
    expect(chain.app).toBe('server');
    expect(chain.steps).toEqual([
      { code: "server.register(require('@fastify/cors'), {})", imports: [] },
      {
        code: "server.register((require('../../../../src/plugins/jwt')), { secret: process.env.SECRET })",
        imports: [],
      },
      { code: "server.decorate('limits', { titleLength: 40 })", imports: [] },
    ]);
    expect(chain.notes).toEqual([
      'src/server.js:10 `server.setErrorHandler(...)` is not applied: it uses `onError`, which server.js declares itself',
    ]);
  });

  it("copies an @fastify/autoload of the plugins folder from the monolith's folder; the routes folder's is the mount", () => {
    const app: Record<string, string> = {
      'src/app.js': `const path = require('path')
const AutoLoad = require('@fastify/autoload')
const app = require('fastify')()
app.register(AutoLoad, { dir: path.join(__dirname, 'plugins'), options: { level: 2 } })
app.register(AutoLoad, { dir: path.join(__dirname, 'routes'), options: { prefix: '/api' } })
`,
      'src/plugins/store.js': 'module.exports = async function store (fastify) {}',
      'src/routes/books/index.js': 'module.exports = async function books (fastify) {}',
    };
    const chain = fastifyChain({
      files: Object.keys(app),
      readFile: (path) => app[path]!,
      reaches: new Set(['src/routes/books/index.js']),
      target: 'extracted/books/service/src/app-middleware.ts',
    })!;
    expect(chain.file).toBe('src/app.js');
    // The service's src/ is four folders under the root: __dirname is the monolith's src/, as seen from there;
    // the required names are inlined as requires.
    expect(chain.steps.map((step) => step.code)).toEqual([
      "app.register((require('@fastify/autoload')), { dir: (require('path')).join(require('path').join(__dirname, '../../../../src'), 'plugins'), options: { level: 2 } })",
    ]);
    expect(chain.notes).toEqual([]);
  });
  it("registers the monolith's app plugin that autoloads the routes whole, with the options main() computes", () => {
    // The shape of fastify-realworld: index.js registers lib/server.js (a fastify-plugin that autoloads
    // plugins/ and routes/) with the configuration it awaits at start.
    const app: Record<string, string> = {
      'index.js': `const getConfig = require('./lib/config')
const startServer = require('./lib/server')
const main = async () => {
  const config = await getConfig()
  const server = require('fastify')(config.fastifyInit)
  server.register(startServer, config)
  await server.listen(config.fastify)
}
main()
`,
      'lib/config.js': 'module.exports = async () => ({ prefix: process.env.API_PREFIX })',
      'lib/server.js': `const path = require('path')
const fp = require('fastify-plugin')
const autoLoad = require('@fastify/autoload')
async function plugin (server, config) {
  server.register(autoLoad, { dir: path.join(__dirname, 'plugins'), options: config })
  server.register(autoLoad, { dir: path.join(__dirname, 'routes'), options: config })
}
module.exports = fp(plugin)
`,
      'lib/routes/profiles/index.js': 'module.exports = async function profiles (server, options) {}',
    };
    const chain = fastifyChain({
      files: Object.keys(app),
      readFile: (path) => app[path]!,
      reaches: new Set(['index.js', 'lib/server.js', 'lib/routes/profiles/index.js']),
      target: 'extracted/profiles/service/src/app-middleware.ts',
    })!;
    expect(chain.file).toBe('index.js');
    expect(chain.wraps).toBe(true);
    expect(chain.steps).toEqual([
      {
        code: "server.register((require('../../../../lib/server')), (await (require('../../../../lib/config'))()))",
        imports: [],
        awaits: true,
      },
    ]);
    expect(chain.notes).toEqual([]);
  });
  it("an ES module's autoload from import.meta.dirname: the plugins folder copied from the monolith's folder", () => {
    const app: Record<string, string> = {
      'src/server.ts': `import path from 'node:path'
import AutoLoad from '@fastify/autoload'
import Fastify from 'fastify'
const app = Fastify()
app.register(AutoLoad, { dir: path.join(import.meta.dirname, 'plugins') })
app.register(AutoLoad, { dir: path.join(import.meta.dirname, 'routes'), options: { prefix: '/api' } })
`,
      'src/plugins/store.ts': 'export default async function store () {}',
      'src/routes/books/index.ts': 'export default async function books () {}',
    };
    const chain = fastifyChain({
      files: Object.keys(app),
      readFile: (path) => app[path]!,
      reaches: new Set(['src/routes/books/index.ts']),
      target: 'extracted/books/service/src/app-middleware.ts',
    })!;
    expect(chain.file).toBe('src/server.ts');
    // import.meta.dirname is the monolith's src/ as the generated file, four folders under the root, sees it.
    expect(chain.steps).toEqual([
      {
        code: "app.register(AutoLoad, { dir: path.join(seamsPath.join(import.meta.dirname, '../../../../src'), 'plugins') })",
        imports: [
          { specifier: '@fastify/autoload', kind: 'default', name: 'AutoLoad' },
          { specifier: 'node:path', kind: 'default', name: 'path' },
          { specifier: 'path', kind: 'namespace', name: 'seamsPath' },
        ],
      },
    ]);
    expect(chain.notes).toEqual([]);
  });
  it('registers an ES-module app plugin wrapped in fastify-plugin whole, though no file imports its routes', () => {
    // fixtures/extract/fastify-esm-app-plugin, fastify/demo's shape: server.ts registers fp(serviceApp); app.ts
    // autoloads plugins/ and routes/ from import.meta.dirname, so no import reaches the route files from either.
    const root = join(import.meta.dirname, '../../../fixtures/extract/fastify-esm-app-plugin');
    const sources = ['src/server.ts', 'src/app.ts', 'src/plugins/external/db.ts', 'src/routes/api/auth/index.ts'];
    const app = Object.fromEntries(sources.map((path) => [path, readFileSync(join(root, path), 'utf8')]));
    const chain = fastifyChain({
      files: Object.keys(app),
      readFile: (path) => app[path]!,
      reaches: new Set(['src/routes/api/auth/index.ts']),
      target: 'extracted/auth/service/src/app-middleware.ts',
    })!;
    expect(chain.file).toBe('src/server.ts');
    expect(chain.wraps).toBe(true);
    expect(chain.steps).toEqual([
      {
        code: 'app.register(fp(serviceApp))',
        imports: [
          { specifier: 'fastify-plugin', kind: 'default', name: 'fp' },
          { specifier: '../../../../src/app', kind: 'default', name: 'serviceApp' },
        ],
      },
    ]);
    expect(chain.notes).toEqual([]);
  });
});
