// Extracting the auth routes of fixtures/extract/fastify-esm-app-plugin, fastify/demo's shape (an ES-module
// Fastify app plugin wrapped in fastify-plugin that autoloads its plugins and routes from import.meta.dirname):
// what the route server registers, what the service's type-check includes, and what the report says about
// sessions kept in memory. Expectations worked out by hand from the fixture's files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, extractInto, scratchApp } from './support/extracted-app.ts';

const { scratch, app } = scratchApp('seams-fastify-esm-', 'fixtures/extract/fastify-esm-app-plugin');
afterAll(() => cleanUp(scratch));

describe('extracting the routes of an ES-module Fastify app plugin', () => {
  it('registers the app plugin whole, includes its plugins declarations, and says where sessions live', async () => {
    const extraction = await extractInto(app, {
      service: 'auth',
      files: ['src/routes/api/auth/index.ts'],
      tsconfig: 'tsconfig.json',
      monolith: 'fastify-esm-app-plugin',
      edits: false,
    });
    // Under the prefix autoload gives it from its folders (`routes/api/auth`), found from import.meta.dirname, though
    // `routes/api` holds an index of its own and the plugin is a typed constant.
    expect(extraction.routes.map((r) => r.key)).toEqual(['POST /api/auth/login']);
    const service = join(app, 'extracted/auth/service');
    // As server.ts does, in an ES module: its import carries .js.
    const setup = readFileSync(join(service, 'src/app-middleware.ts'), 'utf8');
    expect(setup).toContain("import serviceApp from '../../../../src/app.js';");
    expect(setup).toContain('app.register(fp(serviceApp));');
    // What autoload loads (the plugins, which declare what they decorate the instance with and the session's
    // fields, and the route plugin), typed as in the app.
    expect(JSON.parse(readFileSync(join(service, 'tsconfig.json'), 'utf8')).include).toEqual([
      'src',
      '../../../src/plugins/external/db.ts',
      '../../../src/plugins/external/session.ts',
      '../../../src/routes/api/auth/index.ts',
      '../../../src/routes/api/index.ts',
    ]);
    const report = readFileSync(join(app, 'extracted/auth/EXTRACTION.md'), 'utf8');
    expect(report).toContain(
      'Sessions stay in the memory of the process that made them: ' +
        'src/plugins/external/session.ts:2 (`@fastify/session` with no `store`).',
    );
  }, 60_000);
});
