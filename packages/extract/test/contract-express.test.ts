// buildContract on an Express orders module (fixtures/extract/contract-express): a Router is a value
// of the framework, not an operation, and every blocker names a line of the app, never a line of
// the package's declarations under the app's file name.
import { cpSync, mkdtempSync, realpathSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContract, type ContractModel } from '../src/contract/build-contract.ts';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/extract/contract-express');
const routes = 'src/orders/orders.routes.ts';
const packageType = (operation: string, param: string, name: string) => ({
  kind: 'unsupported-type',
  operation,
  file: routes,
  line: operation === 'parseOrders' ? 15 : 20,
  message: `Parameter \`${param}\` of \`${operation}\` is \`${name}\` of a package: contract.ts cannot import it: declare the fields the service needs as a type of the project`,
});
const sync = (operation: string, line: number) => ({
  kind: 'sync',
  operation,
  file: routes,
  line,
  message: `\`${operation}\` is synchronous: callers use the result synchronously; a remote call is async: make it async, then route it`,
});

describe('buildContract on an Express module', () => {
  let model: ContractModel;
  beforeAll(() => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'seams-contract-express-')));
    cpSync(FIXTURE, root, { recursive: true });
    renameSync(join(root, 'installed'), join(root, 'node_modules'));
    model = buildContract({
      root,
      serviceFiles: ['src/orders/order.ts', routes],
      operations: ['ordersRouter', 'parseOrders', 'findOrder', 'renderOrder'].map((name) => `${routes}#${name}`),
    });
  }, 30_000);

  it('keeps the Router as a value and describes the functions', () => {
    expect(model.others).toEqual([{ entry: `${routes}#ordersRouter`, kind: 'value', file: routes, line: 8 }]);
    expect(
      model.operations.map((o) => [o.name, o.line, o.async, o.params.map((p) => `${p.name}: ${p.type.text}`)]),
    ).toEqual([
      ['parseOrders', 15, false, ['req: unknown', 'res: unknown', 'next: (error?: unknown) => void']],
      ['findOrder', 18, true, ['orderId: string', 'includeLines: boolean']],
      ['renderOrder', 20, false, ['req: unknown', 'res: unknown']],
    ]);
  });

  it('places each blocker on a line of the app', () => {
    expect(model.blockers).toEqual([
      sync('parseOrders', 15),
      packageType('parseOrders', 'req', 'Request'),
      packageType('parseOrders', 'res', 'Response'),
      {
        kind: 'callback',
        operation: 'parseOrders',
        file: routes,
        line: 15,
        message:
          'Parameter `next` of `parseOrders` is a function: a callback cannot cross a network boundary: pass data, or an event',
      },
      sync('renderOrder', 20),
      packageType('renderOrder', 'req', 'Request'),
      packageType('renderOrder', 'res', 'Response'),
    ]);
  });
});
