import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '@seams/cli';
import { runIn } from './run-in.ts';

// A copy of the internal-import case (three crossings into catalog and payments) in a git repository.
const scratch = mkdtempSync(join(tmpdir(), 'seams-check-'));
const repo = join(scratch, 'repo');
const project = join(repo, 'services/shop');
const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
const seams = runIn(project);
beforeAll(() => {
  cpSync(join(import.meta.dirname, '../../../fixtures/check/internal-import'), project, {
    recursive: true,
    filter: (s) => !/\.(txt|sarif)$/.test(s),
  });
  writeFileSync(join(project, '.gitignore'), '.seams/\n');
  git('init', '-q');
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'add', '.');
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'start');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('seams check', () => {
  it('reports every crossing with file:line, reason and fix, exit code 1', async () => {
    const result = await seams('check');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      readFileSync(join(import.meta.dirname, '../../../fixtures/check/internal-import/check.txt'), 'utf8'),
    );
    // No baseline yet: the first check on a codebase says how to adopt its findings; --no-baseline asked not to.
    expect(result.stderr).toBe(
      'no baseline yet: `seams check . --update-baseline` records these findings in seams.baseline.json, ' +
        'and later checks fail only on new ones\n',
    );
    expect((await seams('check', '--no-baseline')).stderr).toBe('');
  });

  it('adopts on day one with --update-baseline, then fails only on a new crossing, and reports stale entries', async () => {
    expect(await seams('check', '--update-baseline')).toEqual({
      code: 0,
      stdout: 'seams check: 3 findings recorded in seams.baseline.json; only new ones will fail\n',
      stderr: '',
    });
    // A plain check reads the baseline --update-baseline wrote, and names it; --no-baseline ignores it.
    expect(await seams('check')).toEqual({
      code: 0,
      stdout: 'seams check: 0 new, 3 baselined in seams.baseline.json, 0 stale\n',
      stderr: '',
    });
    expect((await seams('check', '--no-baseline')).stdout.split('\n').at(-2)).toBe(
      'seams check: 3 new, 0 baselined, 0 stale',
    );
    git('add', '.');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'adopt seams check');

    const service = join(project, 'src/orders/order-service.ts');
    const original = readFileSync(service, 'utf8');
    writeFileSync(
      service,
      original.replace(/^.*receipt.*$/m, '') +
        "import { refundTotal } from '../payments/refund-policy';\nexport const policy = refundTotal;\n",
    );
    writeFileSync(join(project, 'src/payments/refund-policy.ts'), 'export const refundTotal = 0;\n');
    const after = await seams('check', '--baseline', 'seams.baseline.json');
    expect(after.code).toBe(1);
    expect(after.stdout.split('\n').filter((line) => !line.startsWith('  fix'))).toEqual([
      'src/orders/order-service.ts:10  internal-import  orders imports src/payments/refund-policy.ts, an internal file of payments; payments declares no entries (src/payments/refund-policy.ts is not in the plan, counted in payments by its folder)',
      '',
      'stale baseline entries, no longer found (drop them with --update-baseline):',
      '  internal-import  src/orders/order-service.ts → src/payments/receipt.ts',
      '',
      'seams check: 1 new, 2 baselined in seams.baseline.json, 1 stale',
      '',
    ]);

    // --changed looks only at files changed against HEAD: the same new finding, found from the changed files.
    const changed = await seams('check', '--changed');
    expect(changed.stdout.split('\n').at(-2)).toBe('seams check: 1 new, 2 baselined in seams.baseline.json, 1 stale');
    git('stash', '-u', '-q');
    expect((await seams('check', '--changed')).stdout).toBe(
      'seams check: 0 new, 0 baselined in seams.baseline.json, 0 stale\n',
    );
    git('stash', 'pop', '-q');
  });

  it('writes SARIF for code scanning with repository paths, and GitHub annotations inside Actions', async () => {
    expect((await seams('check', '--no-baseline', '--format', 'sarif', '-o', 'seams.sarif')).stdout).toMatch(
      /^seams check: \d+ new, 0 baselined, 0 stale; written to seams\.sarif\n$/,
    );
    const sarif = JSON.parse(readFileSync(join(project, 'seams.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'services/shop/src/orders/order-service.ts',
    );

    let stdout = '';
    const code = await run(['check', '--no-baseline'], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: () => true },
      cwd: project,
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(code).toBe(1);
    expect(stdout).toContain(
      '::error file=services/shop/src/orders/order-service.ts,line=2,title=seams%3A internal-import::orders imports src/catalog/stock-levels.ts',
    );
  });

  it('lets no file name start a workflow command in GitHub Actions, whatever it holds', async () => {
    const injected = join(project, 'src/orders/z\n::warning file=README.md,line=1::INJECTED\n.ts');
    writeFileSync(injected, "import { stockOf } from '../catalog/stock-levels';\nexport const level = stockOf;\n");
    let stdout = '';
    const code = await run(['check', '--no-baseline'], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: () => true },
      cwd: project,
      env: { GITHUB_ACTIONS: 'true' },
    });
    rmSync(injected);
    expect(code).toBe(1);
    // What the runner would read as commands: the text between stop-commands and its token is inert.
    const lines = stdout.split('\n');
    const token = /^::stop-commands::(\w+)$/.exec(lines[0]!)?.[1];
    const resume = lines.indexOf(`::${token}::`);
    expect(resume).toBeGreaterThan(0);
    const active = lines.slice(resume + 1).filter((line) => line.startsWith('::'));
    expect(active.map((line) => line.slice(0, line.indexOf(' ')))).toEqual(active.map(() => '::error'));
    expect(active.find((line) => line.includes('INJECTED'))).toBe(
      '::error file=services/shop/src/orders/z%0A%3A%3Awarning file=README.md%2Cline=1%3A%3AINJECTED%0A.ts,line=1,title=seams%3A internal-import::orders imports src/catalog/stock-levels.ts, an internal file of catalog (src/orders/z%0A::warning file=README.md,line=1::INJECTED%0A.ts is not in the plan, counted in orders by its folder)%0Afix: import it through an entry of catalog (src/catalog/index.ts), or add it to the public list of catalog in the plan',
    );
    // And the text itself keeps the name on one line.
    expect(lines.filter((line) => line.includes('INJECTED'))).toEqual([
      'src/orders/z\\n::warning file=README.md,line=1::INJECTED\\n.ts:1  internal-import  orders imports src/catalog/stock-levels.ts, an internal file of catalog (src/orders/z\\n::warning file=README.md,line=1::INJECTED\\n.ts is not in the plan, counted in orders by its folder)',
      expect.stringMatching(/^::error file=/),
    ]);
  });

  it('says in one line what is wrong with its input, exit code 2', async () => {
    const missing = await seams('check', '--plan', 'nope.json');
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "seams: no plan at nope.json: write one with 'seams boundaries . -o nope.json', or pass --plan. [SEAMS_INPUT_NOT_FOUND]\n",
    });
    writeFileSync(join(project, 'broken.json'), '{"version": 7}');
    expect((await seams('check', '--baseline', 'broken.json')).stderr).toMatch(
      /^seams: .*broken\.json.* \[SEAMS_BASELINE_INVALID\]\n$/,
    );
    expect((await seams('check', '--update-baseline', '--changed')).stderr).toBe(
      'seams: --update-baseline records every finding, so it cannot be limited with --changed; run it without --changed. [SEAMS_OPTION_INVALID]\n',
    );
    expect((await seams('check', '--update-baseline', '--no-baseline')).stderr).toBe(
      'seams: --update-baseline writes the baseline, so it cannot be combined with --no-baseline. [SEAMS_OPTION_INVALID]\n',
    );
    expect((await seams('check', '--changed', 'no-such-ref')).stderr).toMatch(
      /^seams: --changed needs git and a valid ref: .* \[SEAMS_GIT_FAILED\]\n$/,
    );
  });

  it("warns on stderr about a public pattern that names none of the service's files, and still checks", async () => {
    const planPath = join(project, 'seams.plan.json');
    const original = readFileSync(planPath, 'utf8');
    writeFileSync(
      planPath,
      original.replace('"src/catalog/index.ts"\n      ]', '"src/catalog/index.ts", "src/catalog/api/**"\n      ]'),
    );
    try {
      const result = await seams('check', '--format', 'json');
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        "seams: warning: seams.plan.json: the public list of catalog names 'src/catalog/api/**', which matches none of its files: fix or drop it\n",
      );
    } finally {
      writeFileSync(planPath, original);
    }
  });
});
