// What the Hono route server copies from the monolith's app: expectations worked out by hand on an app shaped
// like realworld-hono-drizzle's src/factory.ts (app-level middleware and mounts inside createFactory's initApp).
import { describe, expect, it } from 'vitest';
import { honoChain } from '../src/routes/hono-setup.ts';

const files: Record<string, string> = {
  'src/factory.ts': `import { createFactory } from 'hono/factory';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from './db/schema.js';
import { articlesModule } from './modules/articles/articles.js';
import { tagsModule } from './modules/tags/tags.js';
import { Cache } from './cache.js';

const cache = new Cache();
const header = 'x-app';

export const factory = createFactory({
  initApp(app) {
    app.use(async (c, next) => {
      c.set('db', drizzle(c.env.DATABASE_URL, { schema }));
      await next();
    });
    app.use(async (c, next) => {
      c.set('cache', cache);
      await next();
    });
    app.use(async (c, next) => {
      c.header(header, '1');
      await next();
    });
    app.route('/api/tags', tagsModule);
    app.route('/api/articles', articlesModule);
    app.use(async (c, next) => next());
  },
});
`,
  'src/modules/articles/articles.ts': `import { Hono } from 'hono';\nexport const articlesModule = new Hono();`,
  'src/modules/tags/tags.ts': `import { Hono } from 'hono';\nexport const tagsModule = new Hono();`,
};

describe('honoChain', () => {
  it("copies the app's use calls before the service's mount, with their imports; a value made once is a note", () => {
    const chain = honoChain({
      files: Object.keys(files),
      readFile: (path) => files[path]!,
      reaches: new Set(['src/modules/articles/articles.ts']),
      target: 'extracted/articles/service/src/app-middleware.ts',
    })!;
    expect(chain.file).toBe('src/factory.ts');
    // The database middleware with its imports moved; a string constant inlined; the one after the mount not.
    expect(chain.before.map((c) => c.code.replace(/\s+/g, ' '))).toEqual([
      "async (c, next) => { c.set('db', drizzle(c.env.DATABASE_URL, { schema })); await next(); }",
      "async (c, next) => { c.header(('x-app'), '1'); await next(); }",
    ]);
    expect(chain.before[0]!.imports).toEqual([
      { specifier: 'drizzle-orm/libsql', kind: 'named', name: 'drizzle', imported: 'drizzle' },
      // Without its extension: the toolchain pass gives it the one the service's module setting needs.
      { specifier: '../../../../src/db/schema', kind: 'namespace', name: 'schema' },
    ]);
    // Inlined into the middleware, \`new Cache()\` would make a cache per request.
    expect(chain.notes).toEqual([
      'src/factory.ts:17 `app.use(...)` is not applied: it uses `cache`, made once in factory.ts, inside a function',
    ]);
  });
});
