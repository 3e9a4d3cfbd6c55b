// rewriteImports on fixtures/extract/codemod-callers: every shape of import of the payment service,
// read from each file as it is when the codemod runs. The diff a person reviews is a file snapshot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Plan } from '@seams/graph';
import { rewriteImports } from '../src/codemod/rewrite-imports.ts';
import { unifiedDiff } from '../src/codemod/unified-diff.ts';
import { serviceApi } from '../src/service-api.ts';

const root = join(import.meta.dirname, '../../../fixtures/extract/codemod-callers');
const graph = await analyze({ root, cache: false });
const plan = {
  services: [
    {
      id: 'payment',
      name: 'Payments',
      files: [
        'src/payments/index.ts',
        'src/payments/payment.service.ts',
        'src/payments/receipt.ts',
        'src/payments/webhook.ts',
      ],
    },
  ],
  shared: [],
} as unknown as Plan;
const generated = ['extracted/payment/facade', 'extracted/payment/service'];
const api = serviceApi(graph, plan, 'payment', generated);
const facadePath = 'extracted/payment/facade/payment.facade.ts';
const fromDisk = (path: string) => readFileSync(join(root, path), 'utf8');
const typeEntries = new Set(['src/payments/payment.service.ts#Payment']);
// Every entry is routed here (operations all): none is only re-exported.
const routed = new Set(api.entries);
const codemod = (readFile = fromDisk) =>
  rewriteImports({ graph, api, facadePath, generated, readFile, typeEntries, routed });

describe('the codemod', () => {
  const result = codemod();

  it('rewrites every import, re-export, require() and import() of what the facade serves', async () => {
    expect(result.edits.map((e) => e.path)).toEqual([
      'src/index.ts',
      'src/orders/default-import.ts',
      'src/orders/import-equals.ts',
      'src/orders/lazy.ts',
      'src/orders/legacy.js',
      'src/orders/namespace.ts',
      'src/orders/reexport.ts',
      'src/orders/star.ts',
      'src/orders/through-root-barrel.ts',
      'src/orders/two-imports.ts',
    ]);
    expect(result.counts).toEqual({ import: 7, reexport: 4, require: 2, dynamic: 1, 'import-type': 1 });
    await expect(unifiedDiff(result.edits)).toMatchFileSnapshot(join(root, 'codemod.diff'));
  });

  // The advice names only what the facade routes from that module: nothing else can be taken from it.
  it('lists what it could not rewrite, with why', () => {
    expect(result.manual).toEqual([
      {
        file: 'src/orders/whole-module.ts',
        line: 1,
        reason:
          "import of '../payments' uses the module whole: take 'Payment', 'capturePayment', 'getPayment', 'refundPayment' from ../../extracted/payment/facade/payment.facade by hand",
      },
    ]);
  });

  it('rewrites both of two import statements from the same module in one file', () => {
    const after = result.edits.find((e) => e.path === 'src/orders/two-imports.ts')!.after;
    expect(after.match(/from '\.\.\/payments'/g)).toBeNull();
    expect(after.match(/payment\.facade'/g)).toHaveLength(2);
  });

  it('reads each file at write time: a file edited after the graph was made is still rewritten', () => {
    const edited = (path: string) =>
      path === 'src/orders/order.service.ts'
        ? `import { getPayment } from '../payments';\n\n${fromDisk(path)}\nexport const look = getPayment;\n`
        : fromDisk(path);
    const again = codemod(edited);
    expect(again.edits.find((e) => e.path === 'src/orders/order.service.ts')?.after.split('\n')[0]).toBe(
      "import { getPayment } from '../../extracted/payment/facade/payment.facade';",
    );
  });

  it('says so when a name the file imports now is not served by the facade the graph led to', () => {
    const narrowApi = { ...api, entries: api.entries.filter((e) => !e.endsWith('#refundPayment')) };
    const narrow = rewriteImports({
      graph,
      api: narrowApi,
      facadePath,
      generated,
      readFile: fromDisk,
      routed: new Set(narrowApi.entries),
    });
    expect(narrow.manual.filter((m) => m.reason.includes("'refundPayment'")).map((m) => `${m.file}:${m.line}`)).toEqual(
      ['src/orders/import-equals.ts:1', 'src/orders/lazy.ts:2', 'src/orders/two-imports.ts:1'],
    );
  });

  it('changes nothing a second time: imports of the facade are not the service', () => {
    const rewritten = new Map(result.edits.map((e) => [e.path, e.after]));
    const again = codemod((path) => rewritten.get(path) ?? fromDisk(path));
    expect(again.edits).toEqual([]);
  });
});
