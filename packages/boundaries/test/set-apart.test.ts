import { describe, expect, it } from 'vitest';
import { dependenciesOf } from '../src/dependencies.ts';
import { setApart, TEST_HELPER } from '../src/set-apart.ts';
import { handGraph } from './hand-graph.ts';

// The groups setApart gives, as [path, group] in path order.
function groups(files: readonly string[], imports: ReadonlyArray<readonly [string, string]>) {
  const graph = handGraph(files, imports);
  return setApart(files, dependenciesOf(graph), graph.edges).map((f) => [f.path, f.group]);
}

describe('setApart: vendored code', () => {
  it('takes minified bundles and vendor folders that never reach back into the app', () => {
    const files = [
      'public/js/editor.js',
      'public/js/toc.js',
      'public/vendor/ot/client.js',
      'public/vendor/ot/text-operation.js',
      'public/vendor/md-toc.js',
      'public/lib/jquery-ui.min.js',
      'src/vendor/vendor.service.ts',
      'src/vendor/vendor.routes.ts',
      'src/orders/order.service.ts',
    ];
    // The app imports md-toc.js (a library may be imported); ot/ imports only within the vendor folder.
    // src/vendor/ imports the app's orders: a business domain named "vendor", not third-party code.
    expect(
      groups(files, [
        ['public/js/toc.js', 'public/vendor/md-toc.js'],
        ['public/vendor/ot/client.js', 'public/vendor/ot/text-operation.js'],
        ['src/vendor/vendor.routes.ts', 'src/vendor/vendor.service.ts'],
        ['src/vendor/vendor.service.ts', 'src/orders/order.service.ts'],
      ]),
    ).toEqual([
      ['public/lib/jquery-ui.min.js', 'vendored'],
      ['public/vendor/md-toc.js', 'vendored'],
      ['public/vendor/ot/client.js', 'vendored'],
      ['public/vendor/ot/text-operation.js', 'vendored'],
    ]);
  });
});

describe('setApart: declarations', () => {
  it('takes ambient .d.ts files, not one the code imports nor one typing the .js beside it', () => {
    const files = [
      'src/include.d/koa.d.ts',
      'src/include.d/oidc/index.d.ts',
      'src/include.d/oidc/helpers.d.ts',
      'src/global.d.ts',
      'src/legacy/crc.js',
      'src/legacy/crc.d.ts',
      'src/payments/stripe-types.d.ts',
      'src/payments/charge.ts',
    ];
    // oidc/index.d.ts imports helpers.d.ts: an ambient declaration used only by another one is ambient too.
    expect(
      groups(files, [
        ['src/include.d/oidc/index.d.ts', 'src/include.d/oidc/helpers.d.ts'],
        ['src/payments/charge.ts', 'src/payments/stripe-types.d.ts'],
      ]),
    ).toEqual([
      ['src/global.d.ts', 'declarations'],
      ['src/include.d/koa.d.ts', 'declarations'],
      ['src/include.d/oidc/helpers.d.ts', 'declarations'],
      ['src/include.d/oidc/index.d.ts', 'declarations'],
    ]);
  });
});

describe('setApart: test helpers', () => {
  it('adds to the tests what only tests use: named helpers first, then what tests alone import', () => {
    const files = [
      'src/orders/order.service.ts',
      'src/orders/order.service.test.ts',
      'src/test-utils/tenant.ts',
      'src/test-utils/mock-context.ts',
      'src/sso/test-utils.ts',
      'src/sso/connector.ts',
      'src/orders/sample-orders.ts',
      'src/routes/health.ts',
      'src/a.ts',
      'src/b.ts',
    ];
    const graph = handGraph(files, [
      ['src/orders/order.service.test.ts', 'src/test-utils/tenant.ts'],
      ['src/orders/order.service.test.ts', 'src/orders/order.service.ts'],
      ['src/orders/order.service.test.ts', 'src/orders/sample-orders.ts'],
      ['src/test-utils/tenant.ts', 'src/test-utils/mock-context.ts'],
      // The app borrows a type from tenant.ts: erased at run time, tenant.ts stays a helper.
      ['src/orders/order.service.ts', 'src/test-utils/tenant.ts'],
      // The app runs code of sso/test-utils.ts: app code whatever its name.
      ['src/sso/connector.ts', 'src/sso/test-utils.ts'],
      // a.ts and b.ts import each other and nothing else imports them: not helpers of any test.
      ['src/a.ts', 'src/b.ts'],
      ['src/b.ts', 'src/a.ts'],
    ]);
    const typeOnly = graph.edges.map((edge) =>
      edge.from === 'src/orders/order.service.ts' ? { ...edge, kind: 'type' as const } : edge,
    );
    // health.ts has no importer: reached by convention, it stays whatever tests do.
    expect(setApart(files, dependenciesOf(graph), typeOnly).map((f) => [f.path, f.group])).toEqual([
      ['src/orders/order.service.test.ts', 'tests'],
      ['src/orders/sample-orders.ts', 'tests'],
      ['src/test-utils/mock-context.ts', 'tests'],
      ['src/test-utils/tenant.ts', 'tests'],
    ]);
  });
});

describe("setApart: a library-shaped app's entries and what they reach are never test helpers", () => {
  // A package whose real importer is someone else's app: in its own repository only e2e tests import its entry.
  const files = [
    'src/index.ts',
    'src/bootstrap.ts',
    'src/app.module.ts',
    'src/api/order.resolver.ts',
    'src/orders/order.service.ts',
    'src/public-api.ts',
    'src/cli/seed-command.ts',
    'src/orders/order-factory.ts',
    'test/e2e/orders.e2e-spec.ts',
    'test/e2e/seed.e2e-spec.ts',
  ];
  const imports: Array<[string, string]> = [
    ['src/index.ts', 'src/bootstrap.ts'],
    ['src/bootstrap.ts', 'src/app.module.ts'],
    ['src/app.module.ts', 'src/api/order.resolver.ts'],
    ['src/api/order.resolver.ts', 'src/orders/order.service.ts'],
    ['src/public-api.ts', 'src/cli/seed-command.ts'],
    ['test/e2e/orders.e2e-spec.ts', 'src/index.ts'],
    ['test/e2e/orders.e2e-spec.ts', 'src/orders/order-factory.ts'],
    ['src/orders/order-factory.ts', 'src/orders/order.service.ts'],
    ['test/e2e/seed.e2e-spec.ts', 'src/public-api.ts'],
  ];
  const graph = handGraph(files, imports);
  const apart = (entries?: ReadonlySet<string>) =>
    setApart(files, dependenciesOf(graph), graph.edges, { entries }).map((f) => [f.path, f.group, f.reason]);
  const root = 'composition root: starts the app';

  it('keeps the roots at the top of the tree and all they compose; only the factory is a helper', () => {
    // index, bootstrap and app.module are roots by name at the top of src/: each imported only by tests or a root.
    // The resolver and order.service are reached from them. public-api.ts is no root by name and only a test
    // imports it, so without the manifest it and the command it reaches are taken for helpers.
    expect(apart()).toEqual([
      ['src/app.module.ts', 'composition roots', root],
      ['src/bootstrap.ts', 'composition roots', root],
      ['src/cli/seed-command.ts', 'tests', TEST_HELPER],
      ['src/index.ts', 'composition roots', root],
      ['src/orders/order-factory.ts', 'tests', TEST_HELPER],
      ['src/public-api.ts', 'tests', TEST_HELPER],
      ['test/e2e/orders.e2e-spec.ts', 'tests', 'test or test set-up'],
      ['test/e2e/seed.e2e-spec.ts', 'tests', 'test or test set-up'],
    ]);
  });

  it('keeps an entry the manifest names (main or exports, read back to source) and what it reaches', () => {
    expect(apart(new Set(['src/public-api.ts']))).toEqual([
      ['src/app.module.ts', 'composition roots', root],
      ['src/bootstrap.ts', 'composition roots', root],
      ['src/index.ts', 'composition roots', root],
      ['src/orders/order-factory.ts', 'tests', TEST_HELPER],
      ['test/e2e/orders.e2e-spec.ts', 'tests', 'test or test set-up'],
      ['test/e2e/seed.e2e-spec.ts', 'tests', 'test or test set-up'],
    ]);
  });
});

describe('setApart: tool configs and scripts, by what they are', () => {
  it('takes dotfile configs, npm lifecycle scripts and CI scripts, and leaves a config module the app imports', () => {
    const files = [
      '.releaserc.js',
      '.mocharc.cjs',
      'postinstall.js',
      'ci/ciCheck.js',
      'ci/versionCheck.js',
      'vite.config.ts',
      'src/util/sensitive-relations.config.ts',
      'src/orders/order.service.ts',
      'src/install.ts',
      'src/ci/pipeline.service.ts',
      'src/ci/pipeline.routes.ts',
    ];
    // The app imports sensitive-relations.config.ts for a value: app code whatever its name. src/ci/ is imported by
    // the app's orders (a business domain named "ci"); src/install.ts is no install script at the top of the package.
    expect(
      groups(files, [
        ['ci/ciCheck.js', 'ci/versionCheck.js'],
        ['src/orders/order.service.ts', 'src/util/sensitive-relations.config.ts'],
        ['src/orders/order.service.ts', 'src/ci/pipeline.service.ts'],
        ['src/ci/pipeline.routes.ts', 'src/ci/pipeline.service.ts'],
      ]),
    ).toEqual([
      ['.mocharc.cjs', 'tool configs'],
      ['.releaserc.js', 'tool configs'],
      ['ci/ciCheck.js', 'scripts'],
      ['ci/versionCheck.js', 'scripts'],
      ['postinstall.js', 'scripts'],
      ['vite.config.ts', 'tool configs'],
    ]);
  });
});

describe('setApart: seeds beside their domain', () => {
  it('takes a domain seed the seed runner imports, not one the app runs at start', () => {
    const files = [
      'src/deal/deal.service.ts',
      'src/deal/deal.seed.ts',
      'src/role/role.service.ts',
      'src/role/default-roles.seed.ts',
      'src/user/user.seed.ts',
      'src/core/seeds/seed-data.service.ts',
    ];
    // The runner under seeds/ imports every domain's seed; user.seed.ts builds on role's. The role service also
    // imports default-roles.seed.ts to create the roles at start: app code, whatever its name.
    expect(
      groups(files, [
        ['src/core/seeds/seed-data.service.ts', 'src/deal/deal.seed.ts'],
        ['src/core/seeds/seed-data.service.ts', 'src/user/user.seed.ts'],
        ['src/core/seeds/seed-data.service.ts', 'src/role/default-roles.seed.ts'],
        ['src/user/user.seed.ts', 'src/role/default-roles.seed.ts'],
        ['src/role/role.service.ts', 'src/role/default-roles.seed.ts'],
        ['src/deal/deal.seed.ts', 'src/deal/deal.service.ts'],
      ]),
    ).toEqual([
      ['src/core/seeds/seed-data.service.ts', 'migrations'],
      ['src/deal/deal.seed.ts', 'migrations'],
      ['src/user/user.seed.ts', 'migrations'],
    ]);
  });
});

describe('setApart: browser code', () => {
  it("takes the files only the bundle loads, after the tests and before the server's roots", () => {
    const files = ['bundle/app.source.js', 'lib/client/chart.js', 'tests/chart.test.js', 'lib/server/entries.js'];
    // The bundler's config names bundle/app.source.js, which loads lib/client/chart.js (browserFiles of
    // @seams/extract finds them); the test of the chart is a test first.
    const graph = handGraph(files, [
      ['bundle/app.source.js', 'lib/client/chart.js'],
      ['tests/chart.test.js', 'lib/client/chart.js'],
    ]);
    const browser = new Set(['bundle/app.source.js', 'lib/client/chart.js', 'tests/chart.test.js']);
    expect(setApart(files, dependenciesOf(graph), graph.edges, { browser }).map((f) => [f.path, f.group])).toEqual([
      ['bundle/app.source.js', 'browser'],
      ['lib/client/chart.js', 'browser'],
      ['tests/chart.test.js', 'tests'],
    ]);
  });
});

describe("setApart: what package.json's scripts run", () => {
  it('takes the files scripts run that no app code imports, not the server a start script runs', () => {
    const files = [
      'lib/server/server.js',
      'lib/server/app.js',
      'lib/server/env.js',
      'bin/generate-keys.js',
      'tools/reindex.ts',
      'server.js',
      'bin/www.js',
      'bin/admin.js',
    ];
    const manifest = {
      main: 'server.js',
      scripts: {
        start: 'node lib/server/server.js',
        dev: 'nodemon --inspect lib/server/server.js 0.0.0.0',
        // express-generator's start: the server's, though it lies in bin/.
        serve: 'node bin/www.js',
        keys: 'node bin/generate-keys.js > .cache/keys',
        // An option's value names no file: the file is the first word that does.
        reindex: 'ts-node -r dotenv/config tools/reindex',
        // A script run on the app's own env.js (`node lib/server/env.js --check`): the server imports it, app code.
        'check-env': 'node lib/server/env.js --check',
      },
    };
    const graph = handGraph(files, [
      ['server.js', 'lib/server/server.js'],
      ['lib/server/server.js', 'lib/server/app.js'],
      ['lib/server/app.js', 'lib/server/env.js'],
      ['tools/reindex.ts', 'lib/server/app.js'],
      ['bin/www.js', 'lib/server/app.js'],
      // An admin CLI over the app, run by hand: an executable of the package, not a service.
      ['bin/admin.js', 'lib/server/app.js'],
    ]);
    expect(setApart(files, dependenciesOf(graph), graph.edges, { manifest }).map((f) => [f.path, f.group])).toEqual([
      ['bin/admin.js', 'scripts'],
      ['bin/generate-keys.js', 'scripts'],
      ['server.js', 'composition roots'],
      ['tools/reindex.ts', 'scripts'],
    ]);
  });
});
