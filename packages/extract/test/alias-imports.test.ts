// The codemod keeps the alias a file imports the service with (package.json's subpath imports, tsconfig paths) where
// that alias reaches the facade: fixtures/extract/subpath-imports extracted with --write into a scratch copy, its
// imports read back, and the app type-checked with its own settings. aliasSpecifier's cases worked out by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aliasSpecifier } from '../src/codemod/alias-specifier.ts';
import { cleanUp, expectTypeChecks, extractInto, linkPackages, scratchApp } from './support/extracted-app.ts';

describe('the facade in the alias an import of the service used', () => {
  const facade = 'src/extracted/orders/orders.facade.ts';

  it('keeps a folder alias the monolith declares, and its extension', () => {
    const aliases = ['#src/', '@/'];
    expect(aliasSpecifier('#src/orders/order.service.js', 'src/orders/order.service.ts', facade, aliases)).toBe(
      '#src/extracted/orders/orders.facade.js',
    );
    expect(aliasSpecifier('@/orders/order.service', 'src/orders/order.service.ts', facade, aliases)).toBe(
      '@/extracted/orders/orders.facade',
    );
    // A folder's index, named by the folder.
    expect(aliasSpecifier('@/orders', 'src/orders/index.ts', facade, aliases)).toBe('@/extracted/orders/orders.facade');
  });

  it('is none for a relative path, an alias not declared over a folder, or a facade outside its folder', () => {
    expect(aliasSpecifier('../orders/order.service.js', 'src/orders/order.service.ts', facade, ['#src/'])).toBe(
      undefined,
    );
    // `#orders` names one file (`"#orders": "./src/orders/order.service.js"`): nothing shared to map from.
    expect(aliasSpecifier('#orders', 'src/orders/order.service.ts', facade, ['#src/'])).toBe(undefined);
    expect(aliasSpecifier('~/orders/order.service', 'src/orders/order.service.ts', facade, ['#src/'])).toBe(undefined);
    // `@app/` is src/app/: the facade in src/extracted is out of its reach.
    expect(aliasSpecifier('@app/orders/x', 'src/app/orders/x.ts', facade, ['@app/'])).toBe(undefined);
  });
});

describe('extract --write on an app that imports through #src/* and @/*', () => {
  const { scratch, app } = scratchApp('seams-subpath-imports-', 'fixtures/extract/subpath-imports');
  afterAll(() => cleanUp(scratch));

  it('writes each rewritten import in the style the file used, and the app type-checks', async () => {
    linkPackages(app, ['typescript', '@types/node']);
    const extraction = await extractInto(app, {
      service: 'orders',
      files: ['src/orders/order.service.ts'],
      tsconfig: 'tsconfig.json',
      monolith: 'subpath-imports-app',
      edits: true,
    });
    expect(extraction.facadeFolder).toBe('src/extracted/orders');
    const read = (path: string) => readFileSync(join(app, path), 'utf8');
    expect(read('src/api/checkout.ts')).toContain(
      "import { placeOrder } from '#src/extracted/orders/orders.facade.js';",
    );
    expect(read('src/api/admin.ts')).toContain("import { listOrders } from '@/extracted/orders/orders.facade.js';");
    expect(read('src/api/report.ts')).toContain("import { listOrders } from '../extracted/orders/orders.facade.js';");
    expect(extraction.manual).toEqual([]);
    expectTypeChecks(app, 'tsconfig.json');
  }, 120_000);
});
