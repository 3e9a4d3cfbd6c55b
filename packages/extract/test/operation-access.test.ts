import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { DataAccess, Plan } from '@seams/graph';
import { extractService } from '../src/index.ts';
import { operationAccess } from '../src/generate/operation-access.ts';

const at = (access: 'read' | 'write', fn: string, extra: Partial<DataAccess> = {}): DataAccess => ({
  from: 'src/users.service.ts',
  line: 1,
  table: 'users',
  access,
  detector: 'typeorm',
  function: fn,
  ...extra,
});
const op = (name: string) => ({ name, file: 'src/users.service.ts' });

describe('whether an operation only reads', () => {
  it("takes the table accesses in the operation's own body over its name", () => {
    const data = [at('read', 'UserService.getOrCreate'), at('write', 'UserService.getOrCreate'), at('read', 'audit')];
    expect(operationAccess(op('UserService.getOrCreate'), data)).toEqual({ access: 'write', evidence: 'data' });
    expect(operationAccess(op('audit'), data)).toEqual({ access: 'read', evidence: 'data' });
  });

  it('ignores accesses in other files, other functions and tests, then goes by the name', () => {
    const data = [
      at('write', 'UserService.findAll', { from: 'src/other.ts' }),
      at('write', 'UserService.findAll', { test: true }),
      at('write', 'UserService.create'),
    ];
    expect(operationAccess(op('UserService.findAll'), data)).toEqual({ access: 'read', evidence: 'name' });
    expect(operationAccess(op('UserService.create'), data)).toEqual({ access: 'write', evidence: 'data' });
    expect(operationAccess(op('refund'))).toEqual({ access: 'write', evidence: 'name' });
    expect(operationAccess(op('getting'))).toEqual({ access: 'write', evidence: 'name' });
  });
});

describe('whether an operation only reads, through the functions it calls', () => {
  it('takes the accesses of the functions it reaches, directly or not, and of no others', () => {
    const data = [at('read', 'findCart', { from: 'src/repo.ts' }), at('write', 'insertCart', { from: 'src/repo.ts' })];
    const findCart = { file: 'src/repo.ts', function: 'findCart' };
    const insertCart = { file: 'src/repo.ts', function: 'insertCart' };
    expect(operationAccess(op('getCart'), data, [findCart])).toEqual({ access: 'read', evidence: 'data' });
    expect(operationAccess(op('getOrCreate'), data, [findCart, insertCart])).toEqual({
      access: 'write',
      evidence: 'data',
    });
    // The same name in another file is another function.
    expect(operationAccess(op('getCart'), data, [{ file: 'src/other.ts', function: 'insertCart' }])).toEqual({
      access: 'read',
      evidence: 'name',
    });
  });

  it('on a cart service that reaches its table only through a repository, a helper and a class', async () => {
    const root = join(import.meta.dirname, '../../../fixtures/extract/writes-through-calls');
    const graph = await analyze({ root, cache: false });
    const files = ['src/carts/cart-store.ts', 'src/carts/cart.repository.ts', 'src/carts/cart.service.ts'];
    const plan = { services: [{ id: 'carts', name: 'carts', files }], shared: [] } as unknown as Plan;
    const extraction = await extractService(graph, plan, 'carts', {
      root,
      planName: 'seams.plan.json',
      out: 'extracted/carts',
      tsconfig: 'tsconfig.json',
      monolith: 'writes-through-calls',
      version: '0.1.0',
      readFile: (path) => readFileSync(join(root, path), 'utf8'),
    });
    const manifest = extraction.files.find((f) => f.path.endsWith('extraction.json'))!.content;
    // Before calls were followed, all three were reads by their names, and shadow replayed two writes.
    expect(JSON.parse(manifest).access).toEqual({
      fetchCart: { access: 'write', evidence: 'data' },
      getCart: { access: 'read', evidence: 'data' },
      getOrCreateCart: { access: 'write', evidence: 'data' },
    });
  }, 60_000);
});
