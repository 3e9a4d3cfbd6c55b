// seams extract on a service with nothing that can go remote: one screen saying why, at the monolith's
// own lines, exit 1, and no file written or changed unless --force (fixtures/extract/nest-provider).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from './run-in.ts';

const top = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'seams-nothing-'));
const app = join(scratch, 'app');

beforeAll(() => {
  cpSync(join(top, 'fixtures/extract/nest-provider/app'), app, { recursive: true });
  cpSync(join(top, 'fixtures/extract/nest-provider/nest-lite'), join(app, 'node_modules/nest-lite'), {
    recursive: true,
  });
  // A plan as seams boundaries writes it, with the shared kernel as a service of its own.
  const plan = JSON.parse(readFileSync(join(top, 'fixtures/check/clean/seams.plan.json'), 'utf8')) as {
    services: Array<Record<string, unknown>>;
    shared: unknown[];
  };
  const template = plan.services[0]!;
  const service = (id: string, files: string[]) => ({ ...template, id, name: id, files });
  plan.services = [
    service('kernel', ['src/shared/errors.ts']),
    service('users', ['src/users/user.ts', 'src/users/users.module.ts', 'src/users/users.repository.ts']),
    service('app', ['src/main.ts', 'src/orders/orders.controller.ts', 'src/orders/orders.module.ts']),
  ];
  plan.shared = [];
  writeFileSync(join(app, 'seams.plan.json'), JSON.stringify(plan, null, 2));
  // --write needs a git tree (checked first): committed, so what stops it here is the service.
  writeFileSync(join(app, '.gitignore'), 'node_modules/\n.seams/\n');
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', app, '-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args]);
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'app');
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('seams extract with nothing that can go remote', () => {
  it('explains why at the lines of the monolith, exits 1 and writes nothing', async () => {
    const result = await runIn(app)('extract', 'kernel', '.', '--write');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      'seams extract: kernel: nothing can go remote yet, so nothing was written (--force writes the files anyway):',
    );
    // An error class crosses as what a service throws (its facade rebuilds it): not a class-instance blocker.
    expect(lines.slice(1)).toEqual([
      '  src/shared/errors.ts:4  UnprocessableError: a class of data, wiring or errors: nothing to call',
    ]);
    expect(existsSync(join(app, 'extracted'))).toBe(false);
  }, 60_000);

  it('writes the files with --force', async () => {
    const result = await runIn(app)('extract', 'kernel', '.', '--force');
    expect(result.code).toBe(0);
    expect(existsSync(join(app, 'extracted/kernel/facade/kernel.facade.ts'))).toBe(true);
  }, 60_000);
});
