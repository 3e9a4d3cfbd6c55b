// Every command checks the graph and plan it reads before believing them: one line and exit code 2
// for an unusable input, a warning where the command can go on. Inputs are the small shop's saved
// graph and plan (fixtures/report/small-shop), broken one way at a time in a scratch folder.
import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '@seams/cli';
import { runIn } from './run-in.ts';

const top = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'seams-inputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const seams = runIn(scratch);

const small = join(top, 'fixtures/report/small-shop');
const graph = JSON.parse(readFileSync(join(small, 'graph.json'), 'utf8'));
const plan = JSON.parse(readFileSync(join(small, 'plan.json'), 'utf8'));
type PlanJson = typeof plan;
const write = (name: string, json: unknown) => writeFileSync(join(scratch, name), JSON.stringify(json));
write('graph.json', graph);
write('plan.json', plan);
const variant = (name: string, change: (copy: PlanJson) => void) => {
  const copy = structuredClone(plan);
  change(copy);
  write(name, copy);
};
// A file in two services (the report counted 144 files of 143), and another project's plan.
variant('overlap.plan.json', (copy) => copy.services[1].files.push(copy.services[0].files[0]));
variant('foreign.plan.json', (copy) => {
  copy.graph.root = '/home/dev/other-app';
  for (const service of copy.services)
    service.files = service.files.map((_: string, index: number) => `app/${service.id}/part-${index}.ts`);
  copy.shared = [];
});
variant('gone.plan.json', (copy) => copy.services[0].files.push('src/catalog/old-search.ts'));
write('duplicate.graph.json', { ...graph, files: [...graph.files, graph.files[0]] });

const fail = (message: string, code: string) => ({ code: 2, stdout: '', stderr: `seams: ${message} [${code}]\n` });
const mismatch = (origin: string) =>
  fail(
    `${origin} does not match /home/dev/small-shop: 13 of the 13 files it lists are not there (it was made for /home/dev/other-app); pass this project's plan, or write one with 'seams boundaries'.`,
    'SEAMS_PLAN_MISMATCH',
  );
const overlap = fail(
  `${join(scratch, 'overlap.plan.json')} is not a usable plan: ${plan.services[0].files[0]} is in catalog and in orders; correct it, or write a new one with 'seams boundaries'.`,
  'SEAMS_PLAN_INVALID',
);

describe('seams boundaries', () => {
  it('says a plan is not a graph, and refuses a graph listing a file twice', async () => {
    expect(await seams('boundaries', 'plan.json')).toEqual(
      fail(
        `${join(scratch, 'plan.json')} is a seams plan, not a graph: pass a project folder, or a graph written by 'seams analyze -o'.`,
        'SEAMS_GRAPH_INVALID',
      ),
    );
    expect(await seams('boundaries', 'duplicate.graph.json')).toEqual(
      fail(
        `${join(scratch, 'duplicate.graph.json')} is not a valid seams graph: files[0] and files[15] are both ${graph.files[0].path}. Re-run 'seams analyze'.`,
        'SEAMS_GRAPH_INVALID',
      ),
    );
  });

  it("refuses to --keep another project's plan", async () => {
    expect(await seams('boundaries', 'graph.json', '--keep', 'foreign.plan.json')).toEqual(
      mismatch('foreign.plan.json'),
    );
  });
});

describe('seams report', () => {
  it("refuses overlapping services and another project's plan", async () => {
    expect(await seams('report', '--graph', 'graph.json', '--plan', 'overlap.plan.json')).toEqual(overlap);
    expect(await seams('report', '--graph', 'graph.json', '--plan', 'foreign.plan.json')).toEqual(
      mismatch('foreign.plan.json'),
    );
  });

  it('warns about files the plan lists that are gone, and goes on', async () => {
    const result = await seams('report', '--graph', 'graph.json', '--plan', 'gone.plan.json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "seams: warning: gone.plan.json: 1 file it lists is no longer in the project (src/catalog/old-search.ts); update it in 'seams ui', or with 'seams boundaries --keep gone.plan.json -o gone.plan.json'\n",
    );
  });
});

describe('seams check', () => {
  it("refuses another project's plan instead of passing", async () => {
    expect(await seams('check', '--graph', 'graph.json', '--plan', 'foreign.plan.json')).toEqual(
      mismatch('foreign.plan.json'),
    );
    expect(await seams('check', '--graph', 'graph.json', '--plan', 'overlap.plan.json')).toEqual(overlap);
  });

  it('reports a file the plan lists that is gone as a finding, exit code 1', async () => {
    const result = await seams('check', '--graph', 'graph.json', '--plan', 'gone.plan.json', '--format', 'json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).fresh.filter((f: { rule: string }) => f.rule === 'missing-file')).toEqual([
      expect.objectContaining({
        from: 'src/catalog/old-search.ts',
        message: 'src/catalog/old-search.ts is in catalog in the plan, but the project has no such file any more',
      }),
    ]);
  });
});

describe('seams check warnings', () => {
  it('warns about a dependsOn entry that names no service, and goes on', async () => {
    variant('stale-ids.plan.json', (copy) => (copy.services[1].dependsOn = ['catalog', 'billing']));
    const result = await seams('check', '--graph', 'graph.json', '--plan', 'stale-ids.plan.json');
    expect(result.stderr.split('\n')[0]).toBe(
      "seams: warning: stale-ids.plan.json: the dependsOn list of orders names 'billing', which is no service of the plan",
    );
    expect(result.stdout).toMatch(/^seams check: \d+ new, 0 baselined, 0 stale$/m);
  });
});

describe('seams extract', () => {
  it("refuses another project's plan, and lists services by name when one is unknown", async () => {
    // The folder the graph was made in: extract refuses a graph from elsewhere before it reads the plan.
    const made = '/home/dev/small-shop';
    expect(await seams('extract', 'orders', made, '--graph', 'graph.json', '--plan', 'foreign.plan.json')).toEqual(
      mismatch('foreign.plan.json'),
    );
    variant('renamed.plan.json', (copy) => (copy.services[2].name = 'billing'));
    expect(await seams('extract', 'invoices', made, '--graph', 'graph.json', '--plan', 'renamed.plan.json')).toEqual(
      fail(
        "the plan has no service 'invoices'; its services are catalog, orders, billing (id payments), shipping.",
        'SEAMS_INPUT_NOT_FOUND',
      ),
    );
  });

  it('names a renamed service by its name in what it prints, and finds it by name', async () => {
    const project = join(scratch, 'renamed-project');
    cpSync(join(top, 'fixtures/check/internal-import'), project, {
      recursive: true,
      filter: (source) => !/\.(txt|sarif)$/.test(source),
    });
    writeFileSync(join(project, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');
    const planFile = join(project, 'seams.plan.json');
    const renamed = JSON.parse(readFileSync(planFile, 'utf8'));
    renamed.services.find((s: { id: string }) => s.id === 'payments').name = 'billing';
    writeFileSync(planFile, JSON.stringify(renamed));
    // --force: the fixture's service has nothing remote-ready, and without it extract explains and writes nothing.
    const byName = await runIn(project)('extract', 'billing', '--force');
    expect(byName.stderr.split('\n')[0]).toMatch(/^seams extract: billing: \d+ of \d+ operations remote-ready/);
    expect(byName.stderr).toContain('  generated  ');
    expect(byName.stderr).toContain(' in extracted/payments ');
    // ts-morph loads TypeScript: seconds on a busy machine.
  }, 60_000);
});

describe('seams ui', () => {
  it('refuses a broken plan before it needs a terminal', async () => {
    expect(await seams('ui', 'overlap.plan.json')).toEqual(overlap);
  });

  it("refuses another project's plan once the graph is loaded, instead of showing its services", async () => {
    let stderr = '';
    const code = await run(['ui', '--graph', 'graph.json', '--plan', 'foreign.plan.json'], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: scratch,
      env: { NO_COLOR: '1' },
      terminal: fakeTerminal(),
    });
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `seams: ${join(scratch, 'foreign.plan.json')} does not match /home/dev/small-shop: 13 of the 13 files it lists are not there (it was made for /home/dev/other-app); pass this project's plan, or write one with 'seams boundaries'. [SEAMS_PLAN_MISMATCH]\n`,
    });
  });
});

// Enough of a terminal for ink: a raw-mode keyboard that never types, and a screen that swallows frames.
function fakeTerminal() {
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode: () => stdin,
    setEncoding: () => stdin,
    read: () => null,
    ref: () => stdin,
    unref: () => stdin,
    resume: () => stdin,
    pause: () => stdin,
  });
  const stdout = Object.assign(new EventEmitter(), { isTTY: true, columns: 100, rows: 30, write: () => true });
  return { stdin, stdout } as unknown as { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream };
}
