// Resolution through tsconfig.json: `paths`, `baseUrl`, `extends` chains written in JSONC,
// nested projects, solution-style `references` and `moduleResolution: nodenext`.
// Expected values are written by hand from TypeScript's rules (checked with `tsc --traceResolution`),
// not copied from the implementation's output.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Graph, sorted, edgesOf, externalsOf, unresolvedOf, analyzeFixture } from './graph-lines.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/resolve');
const run = (name: string): Promise<Graph> => analyzeFixture(join(FIXTURES, name));

function filesOf(graph: Graph): string[] {
  return sorted(graph.files.map((f) => f.path));
}

describe('tsconfig-paths: `paths` without baseUrl, relative to the tsconfig folder', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('tsconfig-paths');
  });

  it('finds every source file', () => {
    expect(filesOf(graph)).toEqual(
      sorted([
        'src/1-entry.ts',
        'src/config/index.ts',
        'src/orders/orders.service.ts',
        'src/shared/money.ts',
        'src/shared/slug.ts',
        'test-support/order-factory.ts',
      ]),
    );
  });

  it('resolves wildcard, exact, longest-prefix and fallback aliases', () => {
    expect(edgesOf(graph)).toEqual(
      sorted([
        // "@orders/*" wildcard
        'src/1-entry.ts -> src/orders/orders.service.ts import [placeOrder]',
        // "@orders/testing/*" wins over "@orders/*": TypeScript picks the pattern with the longest prefix
        'src/1-entry.ts -> test-support/order-factory.ts import [buildOrder]',
        // "@config" exact alias
        'src/1-entry.ts -> src/config/index.ts import [config]',
        // "~/*"
        'src/1-entry.ts -> src/shared/money.ts import [formatMoney]',
        // "@legacy/*": first substitution (src/legacy/slug) does not exist, second one (src/shared/slug) does
        'src/1-entry.ts -> src/shared/slug.ts import [slugify]',
        'src/orders/orders.service.ts -> src/shared/money.ts type [Order]',
        'test-support/order-factory.ts -> src/shared/money.ts type [Order]',
      ]),
    );
  });

  it('keeps the specifier as written', () => {
    const specifiers = sorted(
      graph.edges.filter((e) => e.from === 'src/1-entry.ts').map((e) => `${e.specifier}:${e.line}`),
    );
    expect(specifiers).toEqual(
      sorted([
        '@orders/orders.service:1',
        '@orders/testing/order-factory:2',
        '@config:3',
        '~/shared/money:4',
        '@legacy/slug:5',
      ]),
    );
  });

  it('reports no aliased import as an external package or unresolved', () => {
    expect(externalsOf(graph)).toEqual([]);
    expect(unresolvedOf(graph)).toEqual([]);
    expect(graph.parseErrors).toEqual([]);
  });
});

describe('tsconfig-extends-jsonc: extends chain across folders, JSONC comments and trailing commas', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('tsconfig-extends-jsonc');
  });

  it('uses paths and baseUrl inherited from ../config/tsconfig.base.json (baseUrl relative to the base file)', () => {
    expect(edgesOf(graph)).toEqual(
      sorted([
        // "@domain/*": ["domain/*"] relative to baseUrl "../app" (itself relative to config/)
        'app/src/1-entry.ts -> app/domain/customer.ts import [registerCustomer]',
        // "@infra": ["src/infra/index.ts"]
        'app/src/1-entry.ts -> app/src/infra/index.ts import [logger]',
        // bare "src/infra/clock" resolved against baseUrl, not a package named "src"
        'app/src/1-entry.ts -> app/src/infra/clock.ts import [clock]',
      ]),
    );
  });

  it('does not mistake baseUrl-relative or aliased specifiers for packages', () => {
    expect(externalsOf(graph)).toEqual([]);
    expect(unresolvedOf(graph)).toEqual([]);
  });

  it('finds the files of the app only (the config folder holds JSON only)', () => {
    expect(filesOf(graph)).toEqual(
      sorted(['app/domain/customer.ts', 'app/src/1-entry.ts', 'app/src/infra/clock.ts', 'app/src/infra/index.ts']),
    );
    expect(graph.parseErrors).toEqual([]);
  });
});

describe('nested-tsconfigs: the same alias means different folders in two sub-projects', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('nested-tsconfigs');
  });

  it('resolves "@app/catalog" with the nearest tsconfig of each importing file', () => {
    expect(edgesOf(graph)).toEqual(
      sorted([
        // admin/tsconfig.json: "@app/*": ["./src/*"]
        'admin/src/1-entry.ts -> admin/src/catalog.ts import [catalogAdmin]',
        // storefront/tsconfig.json: "@app/*": ["./lib/*"], and lib/catalog is a folder with index.ts
        'storefront/lib/1-entry.ts -> storefront/lib/catalog/index.ts import [listProducts]',
      ]),
    );
    expect(externalsOf(graph)).toEqual([]);
    expect(unresolvedOf(graph)).toEqual([]);
  });

  it('finds the files of both projects', () => {
    expect(filesOf(graph)).toEqual(
      sorted([
        'admin/src/1-entry.ts',
        'admin/src/catalog.ts',
        'storefront/lib/1-entry.ts',
        'storefront/lib/catalog/index.ts',
      ]),
    );
  });
});

describe('solution-tsconfig: root tsconfig.json with only `references` (Vite template layout)', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('solution-tsconfig');
  });

  it('resolves "@/..." with tsconfig.app.json, the referenced project that includes src/', () => {
    expect(edgesOf(graph)).toEqual(
      sorted([
        'src/main.ts -> src/components/cart.ts import [renderCart]',
        'vite.config.ts -> build-settings.ts import [buildSettings]',
      ]),
    );
    expect(externalsOf(graph)).toEqual([]);
    expect(unresolvedOf(graph)).toEqual([]);
  });

  it('finds the app files and the build config files', () => {
    expect(filesOf(graph)).toEqual(
      sorted(['build-settings.ts', 'src/components/cart.ts', 'src/main.ts', 'vite.config.ts']),
    );
  });
});

describe('nodenext-js-extension: ESM specifiers name the emitted file', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('nodenext-js-extension');
  });

  it('maps .js to .ts, .mjs to .mts, .cjs to .cts, and .js to .d.ts when only a declaration exists', () => {
    expect(edgesOf(graph)).toEqual(
      sorted([
        'src/1-entry.ts -> src/util.ts import [formatDate]',
        'src/1-entry.ts -> src/settings.mts import [loadSettings]',
        'src/1-entry.ts -> src/legacy-rates.cts import [legacyRate]',
        'src/1-entry.ts -> src/contracts.d.ts type [DateStyle]',
        'src/util.ts -> src/contracts.d.ts type [DateStyle]',
        'src/settings.mts -> src/contracts.d.ts type [DateStyle]',
      ]),
    );
    expect(externalsOf(graph)).toEqual([]);
    expect(unresolvedOf(graph)).toEqual([]);
  });

  it('parses .mts and .cts as TypeScript and flags the declaration file', () => {
    const files = sorted(graph.files.map((f) => `${f.path} ${f.language}${f.dts ? ' dts' : ''}`));
    expect(files).toEqual(
      sorted([
        'src/1-entry.ts ts',
        'src/contracts.d.ts ts dts',
        'src/legacy-rates.cts ts',
        'src/settings.mts ts',
        'src/util.ts ts',
      ]),
    );
  });

  it('keeps the .js specifier as written', () => {
    const edge = graph.edges.find((e) => e.from === 'src/1-entry.ts' && e.to === 'src/util.ts');
    expect(edge?.specifier).toBe('./util.js');
    expect(edge?.line).toBe(1);
  });
});
