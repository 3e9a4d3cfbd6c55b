// buildContract on a NestJS-style module (fixtures/extract/contract-nest): the classes other modules
// receive by injection are the crossing, and their public methods are its operations.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContract, type ContractModel } from '../src/contract/build-contract.ts';
import { remoteOperations, routableOperations } from '../src/generate/contract-files.ts';
import { reportFile } from '../src/generate/report-file.ts';

const ROOT = join(import.meta.dirname, '../../../fixtures/extract/contract-nest');
const users = (file: string) => `src/users/${file}`;
const service = users('users.service.ts');
const audit = users('audit-log.ts');
const later = 'a remote call is async: make it async, then route it';

describe('buildContract on injected providers', () => {
  let model: ContractModel;
  beforeAll(() => {
    model = buildContract({
      root: ROOT,
      serviceFiles: [
        'audit-log.ts',
        'user-session.ts',
        'user.entity.ts',
        'user.ts',
        'users.module.ts',
        'users.repository.ts',
        'users.service.ts',
      ].map(users),
      operations: [
        `${audit}#AuditLog`,
        `${users('user.entity.ts')}#UserEntity`,
        `${users('user-session.ts')}#UserSession`,
        `${users('users.module.ts')}#UsersModule`,
        `${service}#UsersService`,
      ],
      callerFiles: ['src/orders/orders.controller.ts', 'src/orders/orders.module.ts', 'src/orders/orders.service.ts'],
    });
  }, 30_000);

  it("describes each injected class's public instance methods as its operations", () => {
    const summary = model.operations.map((o) => ({
      name: o.name,
      owner: o.owner,
      at: `${o.file}:${o.line}`,
      async: o.async,
      signature: `(${o.params.map((p) => `${p.name}: ${p.type.text}`).join(', ')}) => ${o.returns.text}`,
    }));
    expect(summary).toEqual([
      {
        name: 'AuditLog.record',
        owner: 'AuditLog',
        at: `${audit}:5`,
        async: false,
        signature: '(event: string) => void',
      },
      { name: 'AuditLog.flush', owner: 'AuditLog', at: `${audit}:9`, async: true, signature: '() => number' },
      {
        name: 'UsersService.findById',
        owner: 'UsersService',
        at: `${service}:11`,
        async: true,
        signature: '(id: string) => User | undefined',
      },
      {
        name: 'UsersService.register',
        owner: 'UsersService',
        at: `${service}:16`,
        async: true,
        signature: '(input: NewUser) => User',
      },
      {
        name: 'UsersService.rowOf',
        owner: 'UsersService',
        at: `${service}:23`,
        async: true,
        signature: '(id: string) => UserEntity | undefined',
      },
      {
        name: 'UsersService.toProfile',
        owner: 'UsersService',
        at: `${service}:27`,
        async: false,
        signature: '(user: User) => Profile',
      },
      {
        name: 'UsersService.onUserChanged',
        owner: 'UsersService',
        at: `${service}:31`,
        async: false,
        signature: '(listener: (user: User) => void) => void',
      },
    ]);
    expect(model.operations.find((o) => o.name === 'UsersService.findById')?.doc).toBe(
      'The user with this id, if there is one.',
    );
    expect(model.types.map((t) => t.name)).toEqual(['User', 'NewUser', 'UserEntity', 'Profile']);
    // A class of fields crosses as data: the contract declares its shape.
    expect(model.types.find((t) => t.name === 'UserEntity')?.text).toBe(
      '/** The row as the ORM maps it: a class of fields that other modules use as a type. */\n' +
        'export interface UserEntity {\n  id: string;\n  email: string;\n  passwordHash: string;\n}',
    );
  });

  it('blocks the sync methods with their exact reason; the module is wiring, the entity data, the session behaviour', () => {
    expect(model.blockers).toEqual([
      {
        kind: 'class-instance',
        operation: 'UserSession',
        // Where the monolith uses an instance, not where the class is declared.
        file: 'src/orders/orders.controller.ts',
        line: 15,
        message:
          "Class `UserSession` is used outside the service but never constructed there (`new UserSession`): its instances come from the service's code, and their methods and identity cannot cross a network boundary: expose functions that take and return plain data instead",
      },
      {
        kind: 'sync',
        operation: 'AuditLog.record',
        file: audit,
        line: 5,
        message: `\`AuditLog.record\` runs synchronously: callers rely on its effect being done when it returns; ${later}`,
      },
      {
        kind: 'shared-state',
        file: audit,
        line: 3,
        message:
          'instance state `AuditLog.entries` lives in the one injected instance: after extraction the monolith and the service each have their own copy',
      },
      {
        kind: 'sync',
        operation: 'UsersService.toProfile',
        file: service,
        line: 27,
        message: `\`UsersService.toProfile\` returns \`Profile\` synchronously: callers use the result without await; ${later}`,
      },
      {
        kind: 'sync',
        operation: 'UsersService.onUserChanged',
        file: service,
        line: 31,
        message: `\`UsersService.onUserChanged\` runs synchronously: callers rely on its effect being done when it returns; ${later}`,
      },
      {
        kind: 'callback',
        operation: 'UsersService.onUserChanged',
        file: service,
        line: 31,
        message:
          'Parameter `listener` of `UsersService.onUserChanged` is a function: a callback cannot cross a network boundary: pass data, or an event',
      },
    ]);
  });

  it('routes the async methods: the facade stands in for each provider, the module that provides it is rewired', () => {
    expect(routableOperations(model).map((o) => o.name)).toEqual([
      'AuditLog.flush',
      'UsersService.findById',
      'UsersService.register',
      'UsersService.rowOf',
    ]);
    expect(remoteOperations(model)).toEqual(routableOperations(model));
    const decorator = { name: 'Injectable', text: '@Injectable()', from: { file: 'src/framework/nest.ts' } };
    expect(model.providers).toEqual([
      {
        name: 'AuditLog',
        file: audit,
        line: 2,
        decorators: [],
        construct: { expression: 'new AuditLog()', classes: [{ name: 'AuditLog', file: audit }] },
      },
      {
        name: 'UsersService',
        file: service,
        line: 6,
        decorators: [decorator],
        construct: {
          expression: 'new UsersService(new UsersRepository())',
          classes: [
            { name: 'UsersService', file: service },
            { name: 'UsersRepository', file: users('users.repository.ts') },
          ],
        },
      },
    ]);
    expect(model.modules).toEqual([
      {
        name: 'UsersModule',
        file: users('users.module.ts'),
        line: 5,
        provides: ['UsersService'],
        moduleFrom: { file: 'src/framework/nest.ts' },
      },
    ]);
  });

  it("lists each method in the report's operations, with why it stays local", () => {
    const api = { id: 'users', name: 'users', files: [], entries: [], callers: [], outbound: [] };
    const origin = { service: 'users', name: 'users', plan: 'seams.plan.json' };
    const report = reportFile({
      origin,
      bus: undefined,
      model,
      api,
      manual: [],
      files: [],
      path: 'EXTRACTION.md',
      label: (id) => id,
    });
    const rows = report.content.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toEqual([
      `| \`AuditLog.record\` | ${audit}:5 | local only (see below) | - |`,
      `| \`AuditLog.flush\` | ${audit}:9 | remote-ready | not replayed: a write by its name |`,
      `| \`UsersService.findById\` | ${service}:11 | remote-ready | replayed: a read by its name |`,
      `| \`UsersService.register\` | ${service}:16 | remote-ready | not replayed: a write by its name |`,
      `| \`UsersService.rowOf\` | ${service}:23 | remote-ready | not replayed: a write by its name |`,
      `| \`UsersService.toProfile\` | ${service}:27 | local only (see below) | - |`,
      `| \`UsersService.onUserChanged\` | ${service}:31 | local only (see below) | - |`,
    ]);
    expect(report.content.split('\n')).toContain(
      '7 operations the rest of the monolith calls, 4 of them ready to be served remotely (async, with data that survives JSON):',
    );
  });

  it('without the callers, only the decorated class is a provider', () => {
    const alone = buildContract({
      root: ROOT,
      serviceFiles: ['audit-log.ts', 'users.service.ts'].map(users),
      operations: [`${audit}#AuditLog`, `${service}#UsersService`],
    });
    expect(alone.operations.map((o) => o.name)).toEqual([
      'UsersService.findById',
      'UsersService.register',
      'UsersService.rowOf',
      'UsersService.toProfile',
      'UsersService.onUserChanged',
    ]);
    expect(alone.blockers.filter((b) => b.kind === 'class-instance').map((b) => b.file)).toEqual([audit]);
  }, 30_000);
});
