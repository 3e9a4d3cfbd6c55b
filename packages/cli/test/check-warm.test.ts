import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from './run-in.ts';

// A warm `seams check` takes shortcuts: the graph from the cache (updated for the files whose stat changed) and
// the plan and baseline unvalidated when their bytes passed before. Each change must still be seen. The project is
// the internal-import case with 40 more catalog files, so one edited file is few enough for a partial update.
const scratch = mkdtempSync(join(tmpdir(), 'seams-check-warm-'));
const project = join(scratch, 'shop');
const git = (...args: string[]) =>
  execFileSync('git', ['-C', project, '-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], {
    encoding: 'utf8',
  });
const seams = runIn(project);
const planPath = join(project, 'seams.plan.json');
const file = (path: string) => join(project, path);
const summary = (stdout: string) => stdout.trimEnd().split('\n').at(-1);

beforeAll(() => {
  cpSync(join(import.meta.dirname, '../../../fixtures/check/internal-import'), project, {
    recursive: true,
    filter: (s) => !/\.(txt|sarif)$/.test(s),
  });
  const plan = JSON.parse(readFileSync(planPath, 'utf8'));
  for (let i = 0; i < 40; i++) {
    writeFileSync(file(`src/catalog/part-${i}.ts`), `export const part${i} = ${i};\n`);
    plan.services[0].files.push(`src/catalog/part-${i}.ts`);
  }
  writeFileSync(planPath, JSON.stringify(plan, null, 2));
  writeFileSync(file('.gitignore'), '.seams/\n');
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'start');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a warm seams check', () => {
  it('remembers a plan and a baseline that passed, by their bytes, and validates any other bytes', async () => {
    expect(summary((await seams('check')).stdout)).toBe('seams check: 3 new, 0 baselined, 0 stale');
    expect(readdirSync(file('.seams/cache')).filter((name) => name.startsWith('inputs-'))).toHaveLength(1);
    expect(summary((await seams('check')).stdout)).toBe('seams check: 3 new, 0 baselined, 0 stale');

    const original = readFileSync(planPath, 'utf8');
    const plan = JSON.parse(original);
    // A warning of validation is given again when the plan is remembered.
    plan.services[1].dependsOn = ['catalog', 'billing'];
    writeFileSync(planPath, JSON.stringify(plan, null, 2));
    for (let run = 0; run < 2; run++) {
      const warned = await seams('check');
      expect(warned.stderr).toContain("names 'billing', which is no service of the plan");
      expect(summary(warned.stdout)).toBe('seams check: 3 new, 0 baselined, 0 stale');
    }
    // An edited plan is read as it is now: payments gets an entry, so one finding goes.
    delete plan.services[1].dependsOn;
    plan.services[2].public = ['src/payments/receipt.ts'];
    writeFileSync(planPath, JSON.stringify(plan, null, 2));
    expect(summary((await seams('check')).stdout)).toBe('seams check: 2 new, 0 baselined, 0 stale');
    // Broken bytes are never taken for the remembered ones, however often they are read.
    writeFileSync(planPath, original.replace('"id": "orders"', '"id": 7'));
    for (let run = 0; run < 2; run++)
      expect(await seams('check')).toMatchObject({ code: 2, stderr: expect.stringContaining('SEAMS_PLAN_INVALID') });
    // A key validation drops is not remembered as valid: the plan read is the validated one, every time.
    writeFileSync(planPath, original.replace('"version": 1,', '"version": 1, "note": "hand-edited",'));
    for (let run = 0; run < 2; run++)
      expect(summary((await seams('check')).stdout)).toBe('seams check: 3 new, 0 baselined, 0 stale');
    writeFileSync(planPath, original);

    expect((await seams('check', '--update-baseline')).code).toBe(0);
    expect(summary((await seams('check', '--baseline', 'seams.baseline.json')).stdout)).toBe(
      'seams check: 0 new, 3 baselined in seams.baseline.json, 0 stale',
    );
    const baseline = JSON.parse(readFileSync(file('seams.baseline.json'), 'utf8'));
    baseline.findings.pop();
    writeFileSync(file('seams.baseline.json'), JSON.stringify(baseline, null, 2));
    expect(summary((await seams('check', '--baseline', 'seams.baseline.json')).stdout)).toBe(
      'seams check: 1 new, 2 baselined in seams.baseline.json, 0 stale',
    );
    writeFileSync(file('seams.baseline.json'), '{"version": 1, "findings": [{}]}');
    expect((await seams('check', '--baseline', 'seams.baseline.json')).stderr).toContain('SEAMS_BASELINE_INVALID');
    git('checkout', '-q', '--', '.');
  });

  it('with --changed, sees an edited file, a new file, a deleted file and an edited tsconfig', async () => {
    await seams('check', '--update-baseline');
    git('add', '.');
    git('commit', '-qm', 'baseline');
    const changed = () => seams('check', '--baseline', 'seams.baseline.json', '--changed');
    expect(summary((await changed()).stdout)).toBe('seams check: 0 new, 0 baselined in seams.baseline.json, 0 stale');

    // Edited: a new import of an internal file (same size and file list, so only the stat tells).
    const service = file('src/orders/order-service.ts');
    writeFileSync(
      service,
      readFileSync(service, 'utf8') + "import { part1 } from '../catalog/part-1';\nexport const p = part1;\n",
    );
    let result = await changed();
    expect(result.stdout).toContain('src/orders/order-service.ts:10  internal-import');
    expect(summary(result.stdout)).toBe('seams check: 1 new, 3 baselined in seams.baseline.json, 0 stale');

    // New: a file of orders importing an internal file of payments.
    writeFileSync(
      file('src/orders/extra.ts'),
      "import { refundFor } from '../payments/refunds';\nexport const r = refundFor;\n",
    );
    result = await changed();
    expect(result.stdout).toContain('src/orders/extra.ts:1  internal-import');
    expect(summary(result.stdout)).toBe('seams check: 2 new, 3 baselined in seams.baseline.json, 0 stale');

    // Deleted: a file the plan lists.
    rmSync(file('src/catalog/part-2.ts'));
    result = await changed();
    expect(result.stdout).toContain('src/catalog/part-2.ts  missing-file');
    expect(summary(result.stdout)).toBe('seams check: 3 new, 3 baselined in seams.baseline.json, 0 stale');

    // Configuration: an alias resolves once a tsconfig declares it, and follows it when it changes (no file added).
    writeFileSync(file('src/orders/aliased.ts'), "import { part3 } from '@parts/one';\nexport const a = part3;\n");
    result = await changed();
    expect(result.stdout).not.toContain('src/orders/aliased.ts');
    const aliasTo = (target: string) =>
      writeFileSync(file('tsconfig.json'), JSON.stringify({ compilerOptions: { paths: { '@parts/one': [target] } } }));
    aliasTo('./src/catalog/part-3.ts');
    result = await changed();
    expect(result.stdout).toContain('src/orders/aliased.ts:1  internal-import  orders imports src/catalog/part-3.ts');
    aliasTo('./src/payments/receipt.ts');
    result = await changed();
    expect(result.stdout).toContain('src/orders/aliased.ts:1  internal-import  orders imports src/payments/receipt.ts');
    expect(result.stdout).not.toContain('part-3.ts');
  });
});
