import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from './run-in.ts';

// The shop with its day-one baseline, then payment extracted with --write: the files seams generated
// (extracted/payment/**) are no findings, and the callers the codemod pointed at the facade cross no boundary.
const scratch = mkdtempSync(join(tmpdir(), 'seams-check-extracted-'));
const shop = join(scratch, 'shop');
const seams = runIn(shop);
const git = (...args: string[]) =>
  execFileSync('git', ['-C', shop, '-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args]);

beforeAll(async () => {
  cpSync(join(import.meta.dirname, '../../../fixtures/shop'), shop, {
    recursive: true,
    filter: (source) => !source.includes('.seams'),
  });
  writeFileSync(join(shop, '.gitignore'), 'node_modules/\n.seams/\n');
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'shop');
  await seams('analyze', '.', '--exclude', 'test/**', '-o', '.seams/app.graph.json');
  await seams('boundaries', '.seams/app.graph.json', '-o', 'seams.plan.json');
  await seams('check', '--exclude', 'test/**', '--update-baseline');
  git('add', '.');
  git('commit', '-qm', 'plan and baseline');
  const extracted = await seams('extract', 'payment', '--write');
  if (extracted.code !== 0) throw new Error(extracted.stderr);
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('seams check after seams extract --write', () => {
  it('counts the facade in its service, as an entry, and leaves the service folder out', async () => {
    const result = await seams('check', '--exclude', 'test/**');
    expect(result.stdout.split('\n')).toEqual([
      'stale baseline entries, no longer found (drop them with --update-baseline):',
      '  internal-import  src/modules/orders/services/order.service.ts → src/services/payment.service.ts',
      '  internal-import  src/modules/orders/services/order.service.ts → src/services/refund.service.ts',
      '',
      'seams check: 0 new, 71 baselined in seams.baseline.json, 2 stale',
      '',
    ]);
    expect(result.code).toBe(0);

    // Every finding, not only new ones: none is about a generated file, none says a file has no service.
    const all = JSON.parse(
      (await seams('check', '--exclude', 'test/**', '--no-baseline', '--format', 'json')).stdout,
    ) as {
      fresh: { rule: string; from: string; to: string }[];
    };
    expect(all.fresh.length).toBe(71);
    expect(all.fresh.filter((f) => f.rule === 'unassigned-file' || `${f.from} ${f.to}`.includes('extracted/'))).toEqual(
      [],
    );
  });
});
