// seams extract's inputs and writes, on a git copy of fixtures/extract/codemod-callers: the project is
// the folder named on the command line; ids, paths and graphs that would lead elsewhere are refused;
// --out goes where it says; --write checks the tree; the summary counts what the codemod did.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from './run-in.ts';

const top = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'seams-extract-inputs-'));
const app = join(scratch, 'app');
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, '-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], {
    encoding: 'utf8',
  });
const seams = runIn(scratch);

interface PlanJson {
  services: Array<{ id: string; name: string; files: string[] }>;
  [key: string]: unknown;
}
let plan: PlanJson;
const writePlan = (name: string, change: (service: PlanJson['services'][number]) => void) => {
  const copy = JSON.parse(JSON.stringify(plan)) as PlanJson;
  change(copy.services.find((s) => s.id === 'payment')!);
  writeFileSync(join(scratch, name), JSON.stringify(copy));
  return join(scratch, name);
};

beforeAll(async () => {
  cpSync(join(top, 'fixtures/extract/codemod-callers'), app, {
    recursive: true,
    filter: (source) => !source.endsWith('codemod.diff'),
  });
  writeFileSync(join(app, '.gitignore'), '.seams/\n');
  await seams('boundaries', 'app', '-o', 'app/seams.plan.json');
  // The plan a team would settle on: the payment service is src/payments/, the rest is orders.
  plan = JSON.parse(readFileSync(join(app, 'seams.plan.json'), 'utf8')) as PlanJson;
  const all = plan.services.flatMap((s) => s.files);
  const payments = all.filter((f) => f.startsWith('src/payments/'));
  plan.services = [
    { ...plan.services[0]!, id: 'payment', name: 'Payments & "refunds"', files: payments },
    { ...plan.services[0]!, id: 'orders', name: 'orders', files: all.filter((f) => !payments.includes(f)) },
  ];
  writeFileSync(join(app, 'seams.plan.json'), JSON.stringify(plan, null, 2));
  git(app, 'init', '-q');
  git(app, 'add', '.');
  git(app, 'commit', '-qm', 'app');
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Each test runs the CLI, which loads TypeScript to read the contract: seconds on a loaded machine, not 5.
describe('seams extract on the folder it is given', { timeout: 30_000 }, () => {
  it('refuses a graph made in another folder instead of rewriting that folder', async () => {
    cpSync(app, join(scratch, 'other'), { recursive: true });
    await seams('analyze', 'other', '-o', 'other.graph.json');
    const run = await seams('extract', 'payment', 'app', '--graph', 'other.graph.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `seams: other.graph.json was made in ${join(scratch, 'other')}, not in ${app}: analyse this folder (leave out --graph), or name the folder the graph was made in. [SEAMS_GRAPH_INVALID]\n`,
    );
  });

  it('refuses a service id generated code cannot carry, and plan or graph paths that leave the project', async () => {
    const evil = writePlan('evil.plan.json', (s) => (s.id = '../../evil-out/x'));
    expect((await seams('extract', '../../evil-out/x', 'app', '--plan', evil)).stderr).toBe(
      `seams: service id "../../evil-out/x" cannot name generated code: ids are lower-case letters, digits and dashes (like 'order-history'); rename it in the plan (its name can stay as it is). [SEAMS_PLAN_INVALID]\n`,
    );
    const outside = writePlan('outside.plan.json', (s) => s.files.push('../../../../etc/passwd'));
    expect((await seams('extract', 'payment', 'app', '--plan', outside)).stderr).toBe(
      `seams: ${outside} is not a usable plan: ../../../../etc/passwd in Payments & "refunds" leads outside the root (..); correct it, or write a new one with 'seams boundaries'. [SEAMS_PLAN_INVALID]\n`,
    );
    await seams('analyze', 'app', '-o', 'crafted.graph.json');
    const graph = JSON.parse(readFileSync(join(scratch, 'crafted.graph.json'), 'utf8')) as {
      files: Array<{ path: string }>;
    };
    graph.files.push({ ...graph.files[0]!, path: '../victim.ts' });
    writeFileSync(join(scratch, 'crafted.graph.json'), JSON.stringify(graph));
    const crafted = await seams('extract', 'payment', 'app', '--graph', 'crafted.graph.json', '--write');
    expect(crafted.stderr).toBe(
      `seams: ${join(scratch, 'crafted.graph.json')} is not a valid seams graph: files[${graph.files.length - 1}] ../victim.ts leads outside the root (..). Re-run 'seams analyze'. [SEAMS_GRAPH_INVALID]\n`,
    );
    expect(existsSync(join(scratch, 'evil-out'))).toBe(false);
    expect(git(app, 'status', '--porcelain')).toBe('');
  });

  it('refuses --write outside git before it analyses anything', async () => {
    const loose = join(scratch, 'loose');
    cpSync(app, loose, { recursive: true, filter: (source) => !/[/\\](\.git|\.seams)$/.test(source) });
    const run = await seams('extract', 'payment', 'loose', '--write');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `seams: ${loose} is not in a git repository, so --write could not be undone; commit it to git first, or pass --force. [SEAMS_GIT_FAILED]\n`,
    );
    // No analysis ran (its cache would be there), nothing generated.
    expect(existsSync(join(loose, '.seams'))).toBe(false);
    expect(existsSync(join(loose, 'extracted'))).toBe(false);
  });

  it('checks the tree whatever --out is: --out . does not hide a change', async () => {
    writeFileSync(
      join(app, 'src/orders/order.service.ts'),
      readFileSync(join(app, 'src/orders/order.service.ts'), 'utf8') + '\n',
    );
    const dirty = await seams('extract', 'payment', 'app', '--out', 'app', '--write');
    expect(dirty.stderr).toContain('[SEAMS_GIT_DIRTY]');
    git(app, 'checkout', '-q', '--', '.');
    git(app, 'clean', '-fdq');
  });

  it('writes an absolute --out where it names, and counts what the codemod rewrote and left', async () => {
    const out = join(scratch, 'generated-here');
    const run = await seams('extract', 'payment', 'app', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').slice(1)).toEqual([
      // 17: the app has no @types/node, so the facade's folder declares what it uses of Node.
      '  generated  17 files in generated-here (17 written, 0 unchanged)',
      '  report     generated-here/EXTRACTION.md',
      '  codemod    9 files (11 statements: 4 imports, 3 re-exports, 2 require(), 1 import(), 1 import() type): the diff is on stdout; apply it with --write',
      '  by hand    1 the codemod left alone (also in EXTRACTION.md):',
      "    src/orders/whole-module.ts:1: import of '../payments' uses the module whole: take 'capturePayment', 'getPayment', 'refundPayment' from ../../../generated-here/facade/payment.facade by hand",
      // The service's type and its local-only names: what still binds the monolith to its copy.
      '  direct     5 files still import Payments & "refunds"\'s files: the names they take stay local (EXTRACTION.md lists them and why)',
      '',
    ]);
    expect(existsSync(join(out, 'facade/payment.facade.ts'))).toBe(true);
    expect(git(app, 'status', '--porcelain')).toBe('');
  });

  it('applies the codemod with --out outside the repository, without a false git error', async () => {
    const run = await seams('extract', 'payment', 'app', '--out', 'outside', '--write');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      '  codemod    9 files now import Payments & "refunds" through its facade (11 statements: 4 imports, 3 re-exports, 2 require(), 1 import(), 1 import() type)\n',
    );
    expect(readFileSync(join(app, 'src/orders/two-imports.ts'), 'utf8').split('\n').slice(0, 3)).toEqual([
      "import { refundPayment } from '../../../outside/facade/payment.facade';",
      "import { placeOrder } from './order.service';",
      "import { capturePayment } from '../../../outside/facade/payment.facade';",
    ]);
    expect(readFileSync(join(scratch, 'outside/service/src/server.ts'), 'utf8')).toContain(
      "const SERVICE = 'payment';",
    );
  });
});
