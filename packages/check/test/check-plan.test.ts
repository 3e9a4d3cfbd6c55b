// One fixture per rule (fixtures/check/README.md), each a tiny project with a hand-written plan.
// Expected findings are written from the fixture's imports and the plan, never copied from output.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, checkPlan, formatCheck, unmatchedEntries, type Finding } from '../src/index.ts';
import { FIXTURES, fingerprint, loadFixture } from './check-fixture.ts';

async function check(
  name: string,
  files?: ReadonlySet<string>,
  analysed?: (file: string) => boolean,
): Promise<Finding[]> {
  const { graph, plan } = await loadFixture(join(FIXTURES, name));
  return checkPlan(graph, plan, { ...(files ? { files } : {}), ...(analysed ? { analysed } : {}) });
}

// The text report of every case is the file a reviewer reads to judge the wording.
async function expectTextReport(name: string, findings: Finding[]) {
  const { output } = await formatCheck('text', applyBaseline(findings, undefined));
  await expect(output).toMatchFileSnapshot(join(FIXTURES, name, 'check.txt'));
}

describe('checkPlan', () => {
  it('finds nothing when imports go through entries, dependsOn and allow lists', async () => {
    // orders imports catalog's index (a value and a type-only import, both through the entry) and
    // payments-api.ts, an entry by the glob src/payments/*-api.ts; catalog and payments use the
    // shared db they are allowed; money has no allow list.
    const findings = await check('clean');
    expect(findings).toEqual([]);
    await expectTextReport('clean', findings);
  });

  it('reports imports of internal files, behind barrels and type-only ones too', async () => {
    const findings = await check('internal-import');
    const catalogFix =
      'import it through an entry of catalog (src/catalog/index.ts), or add it to the public list of catalog in the plan';
    const paymentsFix =
      'list the files other services may use in the public list of payments in the plan, then import through them';
    const at = (line: number, to: string, specifier: string, toService: string) => ({
      rule: 'internal-import',
      from: 'src/orders/order-service.ts',
      line,
      to,
      specifier,
      fromService: 'orders',
      toService,
    });
    // Line 1 imports findProduct through catalog's entry: fine.
    expect(findings).toEqual([
      {
        ...at(2, 'src/catalog/stock-levels.ts', '../catalog/stock-levels', 'catalog'),
        message: 'orders imports src/catalog/stock-levels.ts, an internal file of catalog',
        fix: catalogFix,
        fingerprint: fingerprint('internal-import', 'src/orders/order-service.ts', 'src/catalog/stock-levels.ts'),
      },
      {
        // payments/index.ts is no entry, so the import counts against the file that declares refundFor.
        ...at(3, 'src/payments/refunds.ts', '../payments', 'payments'),
        message:
          'orders imports src/payments/refunds.ts, an internal file of payments, through src/payments/index.ts; payments declares no entries',
        fix: paymentsFix,
        fingerprint: fingerprint('internal-import', 'src/orders/order-service.ts', 'src/payments/refunds.ts'),
      },
      {
        // `import type` couples the build all the same.
        ...at(4, 'src/payments/receipt.ts', '../payments/receipt', 'payments'),
        message: 'orders imports src/payments/receipt.ts, an internal file of payments; payments declares no entries',
        fix: paymentsFix,
        fingerprint: fingerprint('internal-import', 'src/orders/order-service.ts', 'src/payments/receipt.ts'),
      },
    ]);
    await expectTextReport('internal-import', findings);
  });

  it('reports dependencies a dependsOn list leaves out, instead of the internal import they may also be', async () => {
    const findings = await check('undeclared-dependency');
    const base = { rule: 'undeclared-dependency' };
    const paymentsFix =
      'remove the import, or add catalog to the dependsOn list of payments in the plan if the dependency is intended';
    // orders -> catalog and payments -> orders are declared.
    expect(findings).toEqual([
      {
        ...base,
        from: 'src/catalog/product-repository.ts',
        line: 1,
        to: 'src/notifications/index.ts',
        specifier: '../notifications',
        fromService: 'catalog',
        toService: 'notifications',
        message: 'catalog imports src/notifications/index.ts of notifications, but its dependsOn list is empty',
        fix: 'remove the import, or add notifications to the dependsOn list of catalog in the plan if the dependency is intended',
        fingerprint: fingerprint(
          'undeclared-dependency',
          'src/catalog/product-repository.ts',
          'src/notifications/index.ts',
        ),
      },
      {
        ...base,
        from: 'src/payments/payment-service.ts',
        line: 2,
        to: 'src/catalog/index.ts',
        specifier: '../catalog',
        fromService: 'payments',
        toService: 'catalog',
        message: 'payments imports src/catalog/index.ts of catalog, but its dependsOn list allows only orders',
        fix: paymentsFix,
        fingerprint: fingerprint('undeclared-dependency', 'src/payments/payment-service.ts', 'src/catalog/index.ts'),
      },
      {
        // price-list.ts is internal to catalog too; going through an entry would not make it right.
        ...base,
        from: 'src/payments/payment-service.ts',
        line: 3,
        to: 'src/catalog/price-list.ts',
        specifier: '../catalog/price-list',
        fromService: 'payments',
        toService: 'catalog',
        message: 'payments imports src/catalog/price-list.ts of catalog, but its dependsOn list allows only orders',
        fix: paymentsFix,
        fingerprint: fingerprint(
          'undeclared-dependency',
          'src/payments/payment-service.ts',
          'src/catalog/price-list.ts',
        ),
      },
    ]);
    await expectTextReport('undeclared-dependency', findings);
  });

  it('reports a loop of services once, at the first import of its lightest link', async () => {
    // Links by file pairs: orders -> shipping 2 (order-service, order-status), shipping -> billing 2
    // (shipment, tracking), billing -> orders 1; orders -> catalog 1 is outside the loop.
    const findings = await check('service-cycle');
    expect(findings).toEqual([
      {
        rule: 'service-cycle',
        from: 'src/billing/index.ts',
        line: 1,
        to: 'src/orders/index.ts',
        specifier: '../orders',
        fromService: 'billing',
        toService: 'orders',
        cycle: ['billing', 'orders', 'shipping', 'billing'],
        message:
          'billing, orders and shipping depend on each other in a loop, billing → orders → shipping → billing; ' +
          'this import is in its lightest link, billing → orders (1 file dependency)',
        fix: 'break the loop here: move what billing uses of orders into billing or the shared group, or invert it so that orders depends on billing (an event billing raises, or a callback orders passes in)',
        // The members alone: the loop stays the same finding while the imports inside it change.
        fingerprint: fingerprint('service-cycle', 'billing', 'orders', 'shipping'),
      },
    ]);
    await expectTextReport('service-cycle', findings);
  });

  it('counts the members of a loop too big to name in one line, and still names the loop it cuts', async () => {
    // Nine services in a ring, each importing the next through its entry: accounts → billing → ... → invoices → accounts.
    const findings = await check('big-loop');
    expect(findings.map((finding) => `${finding.rule} ${finding.from}:${finding.line}`)).toEqual([
      'service-cycle src/accounts/index.ts:1',
    ]);
    expect(findings[0]!.message).toBe(
      '9 services (accounts, billing, catalog, delivery, emails, files, gifts and 2 more) depend on each other in a loop, ' +
        'accounts → billing → catalog → delivery → emails → files → gifts → history → invoices → accounts; ' +
        'this import is in its lightest link, accounts → billing (1 file dependency)',
    );
  });

  it('reports shared files used by services their allow list leaves out', async () => {
    const findings = await check('forbidden-shared');
    // catalog may use db; money has no allow list.
    expect(findings).toEqual([
      {
        rule: 'forbidden-shared',
        from: 'src/orders/order-repository.ts',
        line: 1,
        to: 'src/shared/db.ts',
        specifier: '../shared/db',
        fromService: 'orders',
        message: 'orders imports the shared file src/shared/db.ts, which only catalog and payments may use',
        fix: 'use it through catalog or payments instead, or add orders to its allow list in the plan',
        fingerprint: fingerprint('forbidden-shared', 'src/orders/order-repository.ts', 'src/shared/db.ts'),
      },
      {
        rule: 'forbidden-shared',
        from: 'src/payments/payment-service.ts',
        line: 2,
        to: 'src/shared/legacy-audit.ts',
        specifier: '../shared/legacy-audit',
        fromService: 'payments',
        message: 'payments imports the shared file src/shared/legacy-audit.ts, which no service may use',
        fix: 'remove the import, or add payments to its allow list in the plan',
        fingerprint: fingerprint('forbidden-shared', 'src/payments/payment-service.ts', 'src/shared/legacy-audit.ts'),
      },
    ]);
    await expectTextReport('forbidden-shared', findings);
  });

  it('counts files the plan does not list in the service holding most of their folder, and says so', async () => {
    // src/ mixes orders, payments and shared without a majority, so src/main.ts is nobody's: an
    // unassigned file, importing one file of orders and one of payments (both internal), a tie;
    // scripts/ holds no listed file and the root never decides, so scripts/seed.ts is nobody's,
    // importing payments only. src/shared/ids.ts joins the shared group, which orders may use.
    const findings = await check('unplanned-files');
    const fix =
      'import it through an entry of payments (src/payments/index.ts), or add it to the public list of payments in the plan';
    expect(findings).toEqual([
      {
        rule: 'unassigned-file',
        from: 'scripts/seed.ts',
        line: 0,
        to: 'scripts/seed.ts',
        specifier: '',
        message:
          'no service holds this file: the plan does not list it and no folder decides; its imports point to payments (1 of 1 file it imports or is imported by); it imports internal files of payments (src/payments/card-gateway.ts)',
        fix: 'add it to payments in the plan, or to the service or shared group it belongs to',
        fingerprint: fingerprint('unassigned-file', 'scripts/seed.ts', 'scripts/seed.ts'),
      },
      {
        rule: 'unassigned-file',
        from: 'src/main.ts',
        line: 0,
        to: 'src/main.ts',
        specifier: '',
        message:
          'no service holds this file: the plan does not list it and no folder decides; its imports point to orders and payments equally; it imports internal files of payments (src/payments/card-gateway.ts) and orders (src/orders/order-service.ts)',
        fix: 'add it to a service or to the shared group in the plan',
        fingerprint: fingerprint('unassigned-file', 'src/main.ts', 'src/main.ts'),
      },
      {
        rule: 'internal-import',
        from: 'src/orders/order-service.ts',
        line: 1,
        to: 'src/payments/wallet.ts',
        specifier: '../payments/wallet',
        fromService: 'orders',
        toService: 'payments',
        message:
          'orders imports src/payments/wallet.ts, an internal file of payments (src/payments/wallet.ts is not in the plan, counted in payments by its folder)',
        fix,
        fingerprint: fingerprint('internal-import', 'src/orders/order-service.ts', 'src/payments/wallet.ts'),
      },
      {
        rule: 'internal-import',
        from: 'src/orders/refunds/refund-service.ts',
        line: 1,
        to: 'src/payments/card-gateway.ts',
        specifier: '../../payments/card-gateway',
        fromService: 'orders',
        toService: 'payments',
        message:
          'orders imports src/payments/card-gateway.ts, an internal file of payments (src/orders/refunds/refund-service.ts is not in the plan, counted in orders by its folder)',
        fix,
        fingerprint: fingerprint(
          'internal-import',
          'src/orders/refunds/refund-service.ts',
          'src/payments/card-gateway.ts',
        ),
      },
    ]);
    await expectTextReport('unplanned-files', findings);
  });
  it('reports where plan and code drifted apart: moved, gone and unassigned files, by service name', async () => {
    // The plan predates `git mv src/routes src/modules`: order-service.ts and order.ts look moved
    // (same names, sole candidates), order-export.ts is gone. src/ holds two present files of each
    // service, so no folder decides for the new src/reports/monthly-report.ts: it imports two
    // billing files (index.ts, invoice.ts) and one of orders, order.ts, which is internal. billing is
    // named "invoicing" (renamed; the id stays), and messages use the name. The moved
    // order-service.ts imports billing's internal invoice.ts: found, under the finding's old identity.
    const findings = await check('moved-files');
    const moved = (old: string, fresh: string) => ({
      rule: 'moved-file',
      from: fresh,
      line: 0,
      to: old,
      specifier: '',
      fromService: 'orders',
      message: `${old} → ${fresh}: the plan lists the old path in orders, and the file looks moved (same name); counted in orders meanwhile`,
      fix: 'replace the old path with the new one in orders in the plan, or place the file where it belongs now',
      fingerprint: fingerprint('moved-file', fresh, old),
    });
    expect(findings).toEqual([
      moved('src/routes/orders/order-service.ts', 'src/modules/orders/order-service.ts'),
      {
        rule: 'internal-import',
        from: 'src/modules/orders/order-service.ts',
        line: 2,
        to: 'src/billing/invoice.ts',
        specifier: '../../billing/invoice',
        fromService: 'orders',
        toService: 'billing',
        message:
          'orders imports src/billing/invoice.ts, an internal file of invoicing (src/modules/orders/order-service.ts is not in the plan, counted in orders as src/routes/orders/order-service.ts, which looks moved there)',
        fix: 'import it through an entry of invoicing (src/billing/index.ts), or add it to the public list of invoicing in the plan',
        fingerprint: fingerprint('internal-import', 'src/routes/orders/order-service.ts', 'src/billing/invoice.ts'),
      },
      moved('src/routes/orders/order.ts', 'src/modules/orders/order.ts'),
      {
        rule: 'unassigned-file',
        from: 'src/reports/monthly-report.ts',
        line: 0,
        to: 'src/reports/monthly-report.ts',
        specifier: '',
        message:
          'no service holds this file: the plan does not list it and no folder decides; its imports point to invoicing (2 of 3 files it imports or is imported by); it imports internal files of invoicing (src/billing/invoice.ts) and orders (src/modules/orders/order.ts)',
        fix: 'add it to invoicing in the plan, or to the service or shared group it belongs to',
        fingerprint: fingerprint('unassigned-file', 'src/reports/monthly-report.ts', 'src/reports/monthly-report.ts'),
      },
      {
        rule: 'missing-file',
        from: 'src/routes/orders/order-export.ts',
        line: 0,
        to: 'src/routes/orders/order-export.ts',
        specifier: '',
        fromService: 'orders',
        message:
          'src/routes/orders/order-export.ts is in orders in the plan, but the project has no such file any more',
        fix: 'remove it from orders in the plan, or restore the file',
        fingerprint: fingerprint(
          'missing-file',
          'src/routes/orders/order-export.ts',
          'src/routes/orders/order-export.ts',
        ),
      },
    ]);
    await expectTextReport('moved-files', findings);
  });

  it("refuses another project's plan instead of finding nothing", async () => {
    const { graph } = await loadFixture(join(FIXTURES, 'moved-files'));
    const { plan } = await loadFixture(join(FIXTURES, 'internal-import'));
    expect(() => checkPlan(graph, plan, { origin: 'other/seams.plan.json' })).toThrow(
      expect.objectContaining({
        code: 'SEAMS_PLAN_MISMATCH',
        message: `other/seams.plan.json does not match ${graph.root}: ${plan.services.flatMap((s) => s.files).length + plan.shared.length} of the ${plan.services.flatMap((s) => s.files).length + plan.shared.length} files it lists are not there (it was made for ${plan.graph.root}); pass this project's plan, or write one with 'seams boundaries'.`,
      }),
    );
  });

  it('leaves files outside the analysed ones alone (--include), in the plan and in a graph holding more', async () => {
    const analysed = (file: string) =>
      !file.startsWith('src/routes/orders/order-export') && !file.startsWith('src/reports/');
    const findings = await check('moved-files', undefined, analysed);
    expect(findings.map((finding) => `${finding.rule} ${finding.from}`)).toEqual([
      'moved-file src/modules/orders/order-service.ts',
      'internal-import src/modules/orders/order-service.ts',
      'moved-file src/modules/orders/order.ts',
    ]);
  });
});

describe('checkPlan limited to some files (--changed)', () => {
  it('reports only findings whose importing file is in the set', async () => {
    const findings = await check('internal-import', new Set(['src/catalog/index.ts', 'src/payments/refunds.ts']));
    expect(findings).toEqual([]);
    const unplanned = await check(
      'unplanned-files',
      new Set(['src/orders/refunds/refund-service.ts', 'src/payments/wallet.ts']),
    );
    expect(unplanned.map((finding) => `${finding.from}:${finding.line}`)).toEqual([
      'src/orders/refunds/refund-service.ts:1',
    ]);
  });

  it('reports a loop when a file in the set imports along it, wherever the finding is located', async () => {
    // tracking.ts imports billing (a link of the loop); the finding stays at billing's import.
    const viaTracking = await check('service-cycle', new Set(['src/shipping/tracking.ts']));
    expect(viaTracking.map((finding) => `${finding.rule} ${finding.from}:${finding.line}`)).toEqual([
      'service-cycle src/billing/index.ts:1',
    ]);
    // order-pricing.ts imports catalog, outside the loop; orders/index.ts is only imported along it.
    expect(await check('service-cycle', new Set(['src/orders/order-pricing.ts', 'src/orders/index.ts']))).toEqual([]);
  });

  it('reports writes to a table another service owns: in the plan, else by writing it most', async () => {
    const findings = await check('table-write');
    const at = (
      from: string,
      line: number,
      to: string,
      table: string,
      fromService: string,
      toService: string,
      fn: string,
    ) => ({
      rule: 'table-write',
      from,
      line,
      to,
      specifier: table,
      fromService,
      toService,
      table,
      fingerprint: fingerprint('table-write', from, table, fn),
    });
    // orders and payments each write orders twice: the tie goes to orders, first in the plan; capture's
    // two writes are one finding, at the first. catalog owns stock in the plan, and orders writes it.
    // The shared kernel's anonymise writes orders too: no service, no finding.
    expect(findings).toEqual([
      {
        ...at(
          'src/orders/order-repository.ts',
          5,
          'src/catalog/product-repository.ts',
          'stock',
          'orders',
          'catalog',
          'placeOrder',
        ),
        message: 'orders writes the table stock in placeOrder, which catalog owns in the plan',
        fix: 'change it through a call to catalog, or give the table to orders in the plan (its tables list)',
      },
      {
        ...at(
          'src/payments/payment-service.ts',
          5,
          'src/orders/order-repository.ts',
          'orders',
          'payments',
          'orders',
          'capture',
        ),
        message: 'payments writes the table orders in capture, which orders owns (it writes it most)',
        fix: 'change it through a call to orders, or give the table to payments in the plan (its tables list)',
      },
    ]);
    await expectTextReport('table-write', findings);
  });
});

describe('unmatchedEntries', () => {
  it("warns about each public pattern that makes none of its service's files an entry", async () => {
    const { graph, plan } = await loadFixture(join(FIXTURES, 'clean'));
    // The clean plan's patterns (paths and a glob) each name a file of their service.
    expect(unmatchedEntries(plan, graph.files)).toEqual([]);
    const edited = {
      services: plan.services.map((service) =>
        service.id === 'catalog'
          ? // A typo, a glob over another service's files, and a pattern that still works.
            { ...service, public: ['src/catalog/indx.ts', 'src/orders/**', './src/catalog/index.ts'] }
          : service.id === 'payments'
            ? { ...service, public: ['src/payments/*-client.ts'] }
            : service,
      ),
    };
    expect(unmatchedEntries(edited, graph.files)).toEqual([
      "the public list of catalog names 'src/catalog/indx.ts', which matches none of its files: fix or drop it",
      "the public list of catalog names 'src/orders/**', which matches none of its files: fix or drop it",
      "the public list of payments names 'src/payments/*-client.ts', which matches none of its files: fix or drop it",
    ]);
  });

  it('counts a file the plan does not list yet, as check does by its folder', () => {
    const plan = {
      services: [{ id: 'orders', name: 'orders', files: ['src/orders/a.ts'], public: ['src/orders/api.ts'] }],
    };
    expect(unmatchedEntries(plan as never, [{ path: 'src/orders/a.ts' }, { path: 'src/orders/api.ts' }])).toEqual([]);
    expect(unmatchedEntries(plan as never, [{ path: 'src/orders/a.ts' }])).toEqual([
      "the public list of orders names 'src/orders/api.ts', which matches none of its files: fix or drop it",
    ]);
  });
});
