// Import syntax and file kinds: every way a module can reference another, the edge kind and names
// each one gives, externals, unresolved references, languages, and barrels with their providers.
// Expected values are written by hand from TypeScript's rules, not copied from the implementation's output.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Graph, sorted, edgesOf, analyzeFixture } from './graph-lines.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/resolve');
const run = (name: string): Promise<Graph> => analyzeFixture(join(FIXTURES, name));

/** Same with the line and the specifier as written. */
function detailedEdgesOf(graph: Graph): string[] {
  return sorted(
    graph.edges.map((e) => `${e.from}:${e.line} '${e.specifier}' -> ${e.to} ${e.kind} [${sorted(e.names).join(',')}]`),
  );
}

function externalsOf(graph: Graph): string[] {
  return sorted(
    graph.externals.map(
      (x) =>
        `${x.from}:${x.line} '${x.specifier}' -> ${x.package}${x.builtin ? ' (builtin)' : ''} ${x.kind} [${sorted(x.names).join(',')}]`,
    ),
  );
}

function unresolvedOf(graph: Graph): string[] {
  return sorted(graph.unresolved.map((u) => `${u.from}:${u.line} '${u.specifier}' ${u.kind} ${u.reason}`));
}

function filesOf(graph: Graph): string[] {
  return sorted(graph.files.map((f) => `${f.path} ${f.language}${f.dts ? ' dts' : ''}`));
}

function exportsOf(graph: Graph): Record<string, string[]> {
  return Object.fromEntries(graph.files.map((f) => [f.path, sorted(f.exports)]));
}

describe('module-kinds: every import form in one entry file', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('module-kinds');
  });

  it('gives each local import the right kind, names and line', () => {
    expect(detailedEdgesOf(graph)).toEqual(
      sorted([
        // side-effect import: no names
        "src/1-entry.ts:1 './polyfill' -> src/polyfill.ts import []",
        // default + named
        "src/1-entry.ts:2 './checkout' -> src/checkout.ts import [applyCoupon,default]",
        // namespace import
        "src/1-entry.ts:3 './pricing' -> src/pricing.ts import [*]",
        // `import type`
        "src/1-entry.ts:4 './cart' -> src/cart.ts type [Cart]",
        // `import { type A, b }`: one value name makes it a value import; both names listed
        "src/1-entry.ts:5 './cart' -> src/cart.ts import [CartLine,emptyCart]",
        // `import x = require()` in a .ts file: the members read off x (`taxRates.vat`) are the names it uses
        "src/1-entry.ts:6 './tax-rates' -> src/tax-rates.ts require [vat]",
        // `await import('./lazy')` (destructured result, still the whole module)
        "src/1-entry.ts:20 './lazy' -> src/lazy.ts dynamic [*]",
        "src/checkout.ts:1 './cart' -> src/cart.ts type [Cart]",
      ]),
    );
  });

  it('records packages and Node built-ins as externals with the bare package name', () => {
    expect(externalsOf(graph)).toEqual(
      sorted([
        "src/1-entry.ts:7 'lodash' -> lodash import [debounce]",
        // deep import: package is the scoped name only
        "src/1-entry.ts:8 '@nestjs/core/deep/path' -> @nestjs/core import [NestFactory]",
        "src/1-entry.ts:9 'node:fs' -> node:fs (builtin) import [readFileSync]",
        // bare built-in normalised with the node: prefix
        "src/1-entry.ts:10 'fs' -> node:fs (builtin) import [existsSync]",
        // 'typescript' is installed in an ANCESTOR node_modules (/work/main/node_modules): it must stay
        // an external package, not an 'outside-root' unresolved entry
        "src/1-entry.ts:11 'typescript' -> typescript type [CompilerOptions]",
      ]),
    );
  });

  it('records a missing file and a computed dynamic import as unresolved', () => {
    expect(unresolvedOf(graph)).toEqual(
      sorted([
        "src/1-entry.ts:13 './refunds' import not-found",
        // the specifier of a computed import is the expression's source text
        "src/1-entry.ts:25 '`./locales/${lang}`' dynamic computed-specifier",
      ]),
    );
  });

  it('finds every file, the ambient declaration file flagged dts, and the never-imported locale', () => {
    expect(filesOf(graph)).toEqual(
      sorted([
        'src/1-entry.ts ts',
        'src/cart.ts ts',
        'src/checkout.ts ts',
        'src/lazy.ts ts',
        'src/locales/en.ts ts',
        'src/polyfill.ts ts',
        'src/pricing.ts ts',
        'src/tax-rates.ts ts',
        'src/vendor.d.ts ts dts',
      ]),
    );
    expect(graph.parseErrors).toEqual([]);
  });

  it('lists exported names, default and types included', () => {
    const exports = exportsOf(graph);
    expect(exports['src/1-entry.ts']).toEqual(sorted(['app', 'loadLocale', 'openReports', 'options', 'save']));
    expect(exports['src/checkout.ts']).toEqual(sorted(['applyCoupon', 'default']));
    expect(exports['src/cart.ts']).toEqual(sorted(['Cart', 'CartLine', 'emptyCart']));
    expect(exports['src/locales/en.ts']).toEqual(['default']);
    expect(exports['src/polyfill.ts']).toEqual([]);
  });

  it('counts lines of code without blank and comment lines', () => {
    const loc = Object.fromEntries(graph.files.map((f) => [f.path, f.loc]));
    expect(loc['src/pricing.ts']).toBe(3);
    expect(loc['src/cart.ts']).toBe(10);
    // 30 lines, 4 blank, 1 comment
    expect(loc['src/1-entry.ts']).toBe(25);
  });
});

describe('file-kinds: .tsx, .jsx, .mts, .cts, .cjs, .js, .d.ts; JSON and CSS are not analysed', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('file-kinds');
  });

  it('parses each extension with the right language and flags the declaration file', () => {
    expect(filesOf(graph)).toEqual(
      sorted([
        'src/ambient.d.ts ts dts',
        'src/legacy/inventory.cjs js',
        'src/legacy/stock-alert.js js',
        'src/scripts/report.mts ts',
        'src/scripts/seed.cts ts',
        'src/ui/cart-badge.tsx tsx',
        'src/ui/legacy-banner.jsx jsx',
      ]),
    );
    expect(graph.parseErrors).toEqual([]);
  });

  it('resolves across languages, `.cjs` to `.cts`, and records require() as require', () => {
    // The destructured require in inventory.cjs is checked below without its names.
    const withoutDestructured = graph.edges.filter((e) => e.from !== 'src/legacy/inventory.cjs');
    expect(edgesOf({ ...graph, edges: withoutDestructured })).toEqual(
      sorted([
        'src/ui/cart-badge.tsx -> src/legacy/inventory.cjs import [countItems]',
        // extensionless import from .jsx finds the .tsx file
        'src/ui/legacy-banner.jsx -> src/ui/cart-badge.tsx import [CartBadge]',
        // whole-module require in a .js file
        'src/legacy/stock-alert.js -> src/legacy/inventory.cjs require [countItems]',
        'src/scripts/report.mts -> src/legacy/inventory.cjs import [countItems]',
        'src/scripts/report.mts -> src/ui/legacy-banner.jsx import [LegacyBanner]',
      ]),
    );
    // `const { seedCatalog } = require('../scripts/seed.cjs')`: the .cjs specifier maps to seed.cts
    const fromInventory = graph.edges
      .filter((e) => e.from === 'src/legacy/inventory.cjs')
      .map((e) => `${e.to} ${e.kind} ${e.line}`);
    expect(fromInventory).toEqual(['src/scripts/seed.cts require 2']);
  });

  it('records JSON and CSS files as not analysed, not as missing', () => {
    expect(unresolvedOf(graph)).toEqual(
      sorted([
        "src/legacy/inventory.cjs:1 './stock.json' require not-analyzed",
        "src/ui/cart-badge.tsx:1 './cart-badge.css' import not-analyzed",
      ]),
    );
    expect(graph.externals).toEqual([]);
  });
});

describe('barrels: export * chains, renames, namespaces, type and default re-exports', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('barrels');
  });

  it('records each re-export as an edge', () => {
    expect(edgesOf(graph)).toEqual(
      sorted([
        'src/1-entry.ts -> src/domain/index.ts import [ORDERS_MODULE,OrderMailer,cancelOrder,createOrder,pricing,quote]',
        'src/1-entry.ts -> src/domain/index.ts type [Invoice]',
        // export * from './orders'
        'src/domain/index.ts -> src/domain/orders/index.ts reexport [*]',
        // `export { priceOf as quote } from` (names are the names taken from the target) and
        // `export * as pricing from` the same file: one edge per (from, to, kind), names merged
        'src/domain/index.ts -> src/domain/billing/pricing.ts reexport [*,priceOf]',
        // export type { Invoice } from
        'src/domain/index.ts -> src/domain/billing/invoice.types.ts type [Invoice]',
        // export { default as OrderMailer } from
        'src/domain/index.ts -> src/domain/mailer.ts reexport [default]',
        // second level: export * from './orders.service'
        'src/domain/orders/index.ts -> src/domain/orders/orders.service.ts reexport [*]',
      ]),
    );
    expect(graph.externals).toEqual([]);
    expect(graph.unresolved).toEqual([]);
    // the merged edge keeps the line of the first statement
    const merged = graph.edges.find(
      (e) => e.from === 'src/domain/index.ts' && e.to === 'src/domain/billing/pricing.ts',
    );
    expect(merged?.line).toBe(2);
  });

  it('maps each name imported from the barrel to the file that declares it', () => {
    const valueEdge = graph.edges.find((e) => e.from === 'src/1-entry.ts' && e.kind === 'import');
    expect(valueEdge?.providers).toEqual({
      // two levels of `export *`
      cancelOrder: 'src/domain/orders/orders.service.ts',
      createOrder: 'src/domain/orders/orders.service.ts',
      // declared by the intermediate barrel itself
      ORDERS_MODULE: 'src/domain/orders/index.ts',
      // `export { default as OrderMailer } from './mailer'`
      OrderMailer: 'src/domain/mailer.ts',
      // `export { priceOf as quote } from`: keyed by the name imported from the barrel
      quote: 'src/domain/billing/pricing.ts',
      // `export * as pricing from`: the namespace's module
      pricing: 'src/domain/billing/pricing.ts',
    });
    // Renamed on the way: the declaring file's own name, so the API credits what the file really exports.
    expect(valueEdge?.providedAs).toEqual({ OrderMailer: 'default', quote: 'priceOf', pricing: '*' });
    const typeEdge = graph.edges.find((e) => e.from === 'src/1-entry.ts' && e.kind === 'type');
    expect(typeEdge?.providers).toEqual({ Invoice: 'src/domain/billing/invoice.types.ts' });
  });

  it("resolves '*' into names in each file's exports; `export *` does not forward default", () => {
    expect(exportsOf(graph)).toEqual({
      'src/1-entry.ts': [],
      'src/domain/index.ts': sorted([
        'Invoice',
        'ORDERS_MODULE',
        'Order',
        'OrderMailer',
        'cancelOrder',
        'createOrder',
        'pricing',
        'quote',
      ]),
      'src/domain/orders/index.ts': sorted(['ORDERS_MODULE', 'Order', 'cancelOrder', 'createOrder']),
      'src/domain/orders/orders.service.ts': sorted(['Order', 'cancelOrder', 'createOrder', 'default']),
      'src/domain/billing/pricing.ts': ['priceOf'],
      'src/domain/billing/invoice.types.ts': ['Invoice'],
      'src/domain/mailer.ts': ['default'],
    });
  });
});

describe('base-url-missing: a bare specifier that names local code versus a package that is not installed', () => {
  it('reports src/... that resolves nowhere as not-found, and prisma/config as the external prisma', async () => {
    const graph = await run('base-url-missing');
    expect(edgesOf(graph)).toEqual(['src/app.ts -> src/greeting.ts import [greet]']);
    expect(graph.unresolved.map((u) => `${u.specifier} ${u.reason}`)).toEqual([
      'src/generated/prisma-client not-found',
    ]);
    expect(graph.externals.map((x) => `${x.specifier} ${x.package}`)).toEqual(['prisma/config prisma']);
  });
});
