import { describe, expect, it } from 'vitest';
import type { DataAccess } from '@seams/graph';
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
