import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '@seams/graph';
import { runIn } from './run-in.ts';

const top = join(import.meta.dirname, '../../..');
const seams = runIn(top);

describe('seams boundaries: what is not a service, by what it is', () => {
  it('sets apart dotfile configs, npm and CI scripts, domain seeds and browser code; keeps a config the app reads', async () => {
    // fixtures/not-services/express-bundle: an Express server with a webpack-bundled page, worked out by hand.
    const result = await seams('boundaries', 'fixtures/not-services/express-bundle', '--format', 'json');
    expect(result.code).toBe(0);
    const plan = parsePlan(JSON.parse(result.stdout));
    const groups = plan.shared.map((file) => [file.path, file.group ?? 'kernel']);
    expect(groups).toEqual([
      // The rc files are a tool's by their leading dot; webpack.config.js by the tool's name.
      ['.mocharc.js', 'tool configs'],
      ['.releaserc.js', 'tool configs'],
      // package.json's `keys` script runs it; the start script runs server.js, the composition root.
      ['bin/generate-keys.js', 'scripts'],
      // npm runs postinstall.js, the CI runs ci/: no app code imports them.
      ['ci/check-version.js', 'scripts'],
      // The bundle's entry and what it loads, and a service worker: the page's program, not the server's.
      ['client/chart.js', 'browser'],
      ['client/main.js', 'browser'],
      ['lib/app.js', 'composition roots'],
      // The pg pool both domains' services use: made here, so a database client.
      ['lib/db.js', 'kernel'],
      // Seeds beside their domain, imported only by the seed runner.
      ['lib/notes/notes.seed.js', 'migrations'],
      ['lib/seeds/run-seeds.js', 'migrations'],
      ['lib/users/users.seed.js', 'migrations'],
      ['postinstall.js', 'scripts'],
      ['server.js', 'composition roots'],
      ['static/sw.js', 'browser'],
      ['webpack.config.js', 'tool configs'],
    ]);
    // The notes service reads relations.config.js on every request: app code, whatever its name says.
    const services = plan.services.flatMap((service) => service.files);
    expect(services).toContain('lib/config/relations.config.js');
  });

  it("keeps a library-shaped app's entry and what it composes out of the tests; takes the real helper", async () => {
    // fixtures/not-services/library-app: src/index.ts (package.json's main, dist/index.js) bootstraps app.module, which
    // composes the api module's resolvers and the feature modules; only e2e tests import the entry and the factory.
    const result = await seams('boundaries', 'fixtures/not-services/library-app', '--format', 'json');
    expect(result.code).toBe(0);
    const plan = parsePlan(JSON.parse(result.stdout));
    expect(plan.shared.map((file) => [file.path, file.group ?? 'kernel', file.reason])).toEqual([
      // Imported only by tests or by one another, at the top of src/: they start the app.
      ['src/app.module.ts', 'composition roots', 'composition root: starts the app'],
      ['src/bootstrap.ts', 'composition roots', 'composition root: starts the app'],
      ['src/index.ts', 'composition roots', 'composition root: starts the app'],
      // No app code imports the factory, only an e2e test: a test helper.
      ['src/order/order-fixture-factory.ts', 'tests', 'test helper: only tests use it'],
      ['test/e2e/order.e2e-spec.ts', 'tests', 'test or test set-up'],
      ['test/e2e/product.e2e-spec.ts', 'tests', 'test or test set-up'],
      ['test/e2e/schema-upgrade.e2e-spec.ts', 'tests', 'test or test set-up'],
      ['test/utils/test-server.ts', 'tests', 'test or test set-up'],
    ]);
    // The resolvers the api module wires, and migrate.ts (exports' ./migrate, dist/migrate.js, that only a test
    // imports here) are production code in services.
    const services = plan.services.flatMap((service) => service.files).sort();
    expect(services).toEqual([
      'src/api/api.module.ts',
      'src/api/resolvers/order.resolver.ts',
      'src/api/resolvers/product.resolver.ts',
      'src/migrate.ts',
      'src/order/order.module.ts',
      'src/order/order.service.ts',
      'src/product/product.module.ts',
      'src/product/product.service.ts',
    ]);
  });
});
