// Packages and workspaces: package.json `imports` / `exports` (self-reference, conditions), and
// pnpm / npm / yarn workspaces whose packages point `main` / `exports` at build output that does not
// exist (fixtures have no node_modules and no dist/): imports must land on the source files.
// Expected values are written by hand, not copied from the implementation's output.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Graph, sorted, edgesOf, externalsOf, unresolvedOf, analyzeFixture } from './graph-lines.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/resolve');
const run = (name: string): Promise<Graph> => analyzeFixture(join(FIXTURES, name));

/** `path package` for each file, '-' when the file is in no workspace package. */
function filePackagesOf(graph: Graph): string[] {
  return sorted(graph.files.map((f) => `${f.path} ${f.package ?? '-'}`));
}

function workspacesOf(graph: Graph): string[] {
  return sorted(graph.workspaces.map((w) => `${w.name} ${w.path}`));
}

describe('package-exports-imports: package.json `imports` and a self-reference through `exports`', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('package-exports-imports');
  });

  it('resolves #db, #lib/* and the package name itself to source files', () => {
    expect(edgesOf(graph)).toEqual(
      sorted([
        // "#db": "./src/infra/db.ts"
        'src/index.ts -> src/infra/db.ts import [query]',
        // "#lib/*": "./src/lib/*.ts"
        'src/index.ts -> src/lib/money.ts import [formatMoney]',
        // "#config" from an ES module: the "default" condition
        'src/index.ts -> src/config.ts import [config]',
        // 'ledger/reports' is the package's own name: exports "./reports"
        'src/index.ts -> src/reports.ts import [monthlyReport]',
        // "#config" from require() in a .cjs file: the "require" condition
        'scripts/seed.cjs -> src/config.cts require [config]',
      ]),
    );
  });

  it('reports neither the # specifiers nor the self-reference as packages', () => {
    expect(externalsOf(graph)).toEqual([]);
    expect(unresolvedOf(graph)).toEqual([]);
    expect(graph.parseErrors).toEqual([]);
  });

  it('has no workspaces: a single package.json without a workspaces field', () => {
    expect(graph.workspaces).toEqual([]);
  });
});

describe('imports-into-build: package.json `imports` maps `#src/*` into build/, which is not built yet', () => {
  it('lands on the source file build/ is compiled from, as TypeScript maps outDir back to rootDir', async () => {
    const graph = await run('imports-into-build');
    expect(edgesOf(graph)).toEqual(['src/app.ts -> src/orders/list.ts import [listOrders]']);
    expect(unresolvedOf(graph)).toEqual(['src/app.ts -> #src/orders/missing.js import not-found']);
  });
});

describe('workspaces-pnpm-flow: pnpm-workspace.yaml with a flow list, a quoted negation and an anchor', () => {
  it('lists the packages the globs name and leaves out the negated one', async () => {
    const graph = await run('workspaces-pnpm-flow');
    expect(workspacesOf(graph)).toEqual(sorted(['@acme/billing packages/billing', '@acme/shop apps/shop']));
    expect(edgesOf(graph)).toEqual(['apps/shop/src/main.ts -> packages/billing/src/index.ts import [charge]']);
  });
});

describe('workspaces-pnpm: pnpm-workspace.yaml, packages built to dist/ and lib/ that do not exist', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('workspaces-pnpm');
  });

  it('lists the workspace packages from both globs', () => {
    expect(workspacesOf(graph)).toEqual(
      sorted(['@acme/billing packages/billing', '@acme/ledger packages/ledger', '@acme/checkout apps/checkout']),
    );
  });

  it('resolves package imports to the source files instead of the missing build output', () => {
    expect(edgesOf(graph)).toEqual(
      sorted([
        // exports "." -> ./dist/index.js (absent) -> src/index.ts
        'apps/checkout/src/1-entry.ts -> packages/billing/src/index.ts import [charge]',
        // exports "./invoice" -> ./dist/invoice.js (absent) -> src/invoice.ts
        'apps/checkout/src/1-entry.ts -> packages/billing/src/invoice.ts import [createInvoice]',
        // main lib/index.js (absent), no exports -> src/index.ts
        'apps/checkout/src/1-entry.ts -> packages/ledger/src/index.ts import [post]',
        'packages/ledger/src/index.ts -> packages/billing/src/invoice.ts type [Invoice]',
      ]),
    );
    expect(unresolvedOf(graph)).toEqual([]);
  });

  it('keeps third-party packages external', () => {
    expect(externalsOf(graph)).toEqual(['apps/checkout/src/1-entry.ts -> zod import [z]']);
  });

  it('tags each file with its workspace package', () => {
    expect(filePackagesOf(graph)).toEqual(
      sorted([
        'apps/checkout/src/1-entry.ts @acme/checkout',
        'packages/billing/src/index.ts @acme/billing',
        'packages/billing/src/invoice.ts @acme/billing',
        'packages/ledger/src/index.ts @acme/ledger',
      ]),
    );
  });
});

describe('workspaces-npm: package.json `workspaces` array, deep import without `exports`', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('workspaces-npm');
  });

  it('lists the workspace packages', () => {
    expect(workspacesOf(graph)).toEqual(sorted(['catalog packages/catalog', 'storefront packages/storefront']));
  });

  it('resolves the package root to src/index.ts and a deep path inside the package folder', () => {
    expect(edgesOf(graph)).toEqual(
      sorted([
        // main ./dist/index.js (absent) -> src/index.ts
        'packages/storefront/src/1-entry.ts -> packages/catalog/src/index.ts import [listProducts]',
        // no `exports`, so 'catalog/src/pricing' is a path inside the package folder
        'packages/storefront/src/1-entry.ts -> packages/catalog/src/pricing.ts import [priceOf]',
        'packages/catalog/src/index.ts -> packages/catalog/src/pricing.ts reexport [priceOf]',
      ]),
    );
    expect(externalsOf(graph)).toEqual([]);
    expect(unresolvedOf(graph)).toEqual([]);
  });

  it('tags each file with its workspace package', () => {
    expect(filePackagesOf(graph)).toEqual(
      sorted([
        'packages/catalog/src/index.ts catalog',
        'packages/catalog/src/pricing.ts catalog',
        'packages/storefront/src/1-entry.ts storefront',
      ]),
    );
  });
});

describe('workspaces-yarn: `workspaces: { packages: [...] }` object form', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('workspaces-yarn');
  });

  it('lists the workspace packages', () => {
    expect(workspacesOf(graph)).toEqual(sorted(['@shop/auth services/auth', '@shop/gateway services/gateway']));
  });

  it('resolves the scoped workspace package to its source and keeps express external', () => {
    expect(edgesOf(graph)).toEqual([
      'services/gateway/src/1-entry.ts -> services/auth/src/index.ts import [verifyToken]',
    ]);
    expect(externalsOf(graph)).toEqual(['services/gateway/src/1-entry.ts -> express import [default]']);
    expect(unresolvedOf(graph)).toEqual([]);
  });

  it('tags each file with its workspace package', () => {
    expect(filePackagesOf(graph)).toEqual(
      sorted(['services/auth/src/index.ts @shop/auth', 'services/gateway/src/1-entry.ts @shop/gateway']),
    );
  });
});
