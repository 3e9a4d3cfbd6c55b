import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan, type Plan } from '@seams/graph';
import { entryFiles, entryPattern, entryRefusal, toggleEntry } from '../src/state/entries.ts';
import { FIXTURE } from './frames.tsx';

const plan = parsePlan(JSON.parse(readFileSync(join(FIXTURE, 'plan.json'), 'utf8')), 'plan.json');
const orders = (p: Plan) => p.services.find((s) => s.id === 'orders')!;
const withPublic = (list: string[]): Plan => ({
  ...plan,
  services: plan.services.map((s) => (s.id === 'orders' ? { ...s, public: list } : s)),
});

describe("a service's public entries", () => {
  it('reads paths (with or without ./) and globs as seams check does, among the service own files', () => {
    const service = orders(withPublic(['./src/orders/index.ts', 'src/orders/order*.ts', 'src/catalog/product.ts']));
    expect(entryPattern(service, 'src/orders/index.ts')).toBe('./src/orders/index.ts');
    expect(entryPattern(service, 'src/orders/order.ts')).toBe('src/orders/order*.ts');
    expect(entryPattern(service, 'src/orders/sub/order.ts')).toBeUndefined();
    expect(entryFiles(service)).toEqual([
      'src/orders/index.ts',
      'src/orders/order-routes.ts',
      'src/orders/order-service.ts',
      'src/orders/order.ts',
    ]);
  });

  it('adds a file to the list where the schema has it, and takes it off again, dropping an empty list', () => {
    const added = toggleEntry(plan, 'src/orders/order.ts');
    expect(orders(added).public).toEqual(['src/orders/order.ts']);
    expect(Object.keys(orders(added))).toEqual(['id', 'name', 'files', 'confidence', 'metrics', 'public']);
    expect(added.services.filter((s) => s.id !== 'orders')).toEqual(plan.services.filter((s) => s.id !== 'orders'));
    const both = toggleEntry(added, 'src/orders/index.ts');
    expect(orders(both).public).toEqual(['src/orders/order.ts', 'src/orders/index.ts']);
    expect(orders(toggleEntry(both, 'src/orders/order.ts')).public).toEqual(['src/orders/index.ts']);
    expect('public' in orders(toggleEntry(added, 'src/orders/order.ts'))).toBe(false);
    expect(orders(toggleEntry(withPublic(['./src/orders/order.ts']), 'src/orders/order.ts')).public).toBeUndefined();
  });

  it('leaves a file alone that a glob makes an entry, a shared file, and a file in no service, and says why', () => {
    const globbed = withPublic(['src/orders/*.ts']);
    expect(entryRefusal(globbed, 'src/orders/order.ts')).toBe(
      "an entry through 'src/orders/*.ts': edit that pattern in the plan to change it",
    );
    expect(toggleEntry(globbed, 'src/orders/order.ts')).toBe(globbed);
    const shared = plan.shared[0]!.path;
    expect(entryRefusal(plan, shared)).toBe('a file of the shared group is open to every service already');
    expect(entryRefusal(plan, 'src/nowhere.ts')).toBe('the file is in no service');
    expect(entryRefusal(plan, 'src/orders/order.ts')).toBeUndefined();
  });
});
