import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import { parsePlan } from '@seams/graph';

// Our own layering, checked with our own tools (shared/CONVENTIONS.md, "2. The architecture checks itself"): the
// package ladder is written down in seams.plan.json (one service per package, `index.ts` its entry, `dependsOn` the
// ladder), which `seams check` also enforces in .ci/run.
const MAY_TOUCH_FS = new Set(['analyze', 'cli']);

const packageOf = (path: string) => /^packages\/([^/]+)\/src\//.exec(path)?.[1];

const top = join(import.meta.dirname, '../../..');

describe('architecture', async () => {
  const graph = await analyze({ root: top, include: ['packages/*/src/**'], cache: false });

  it('sees the packages import each other (so the rules below are not vacuous)', () => {
    const crossing = new Set(
      graph.edges.map((e) => `${packageOf(e.from)}->${packageOf(e.to)}`).filter((pair) => !/^(\w+)->\1$/.test(pair)),
    );
    expect([...crossing].sort()).toEqual([
      'analyze->graph',
      'boundaries->graph',
      'check->graph',
      'cli->analyze',
      'cli->boundaries',
      'cli->check',
      'cli->extract',
      'cli->graph',
      'cli->report',
      'cli->tui',
      'extract->graph',
      'report->graph',
      'tui->boundaries',
      'tui->graph',
    ]);
  });

  it('keeps to the layering of seams.plan.json: seams check finds nothing', async () => {
    const { checkPlan } = await import('@seams/check');
    const plan = parsePlan(JSON.parse(readFileSync(join(top, 'seams.plan.json'), 'utf8')), 'seams.plan.json');
    expect(checkPlan(graph, plan).map((f) => `${f.from}:${f.line} ${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('would see a stage importing a sibling stage (so the check above is not vacuous)', async () => {
    const { checkPlan } = await import('@seams/check');
    const plan = parsePlan(JSON.parse(readFileSync(join(top, 'seams.plan.json'), 'utf8')), 'seams.plan.json');
    const sideways = {
      from: 'packages/report/src/index.ts',
      to: 'packages/check/src/index.ts',
      kind: 'import' as const,
      specifier: '@seams/check',
      line: 1,
      names: ['checkPlan'],
    };
    expect(
      checkPlan({ ...graph, edges: [...graph.edges, sideways] }, plan).map((f) => `${f.rule} ${f.from} -> ${f.to}`),
    ).toEqual(['undeclared-dependency packages/report/src/index.ts -> packages/check/src/index.ts']);
  });

  it('imports other packages by name only', () => {
    const wrong = graph.edges.flatMap((edge) => {
      const from = packageOf(edge.from);
      const to = packageOf(edge.to);
      if (!from || !to || from === to || !edge.specifier.startsWith('.')) return [];
      return [`${edge.from}:${edge.line} reaches into ${to} by a relative path`];
    });
    expect(wrong).toEqual([]);
  });

  it('keeps file system access in analyze and cli', () => {
    const wrong = graph.externals
      .filter((ext) => ext.package === 'node:fs' && !MAY_TOUCH_FS.has(packageOf(ext.from) ?? ''))
      .map((ext) => `${ext.from}:${ext.line}`);
    expect(wrong).toEqual([]);
  });

  it('has no import cycles between files', async () => {
    const { findCycles } = await import('@seams/graph');
    expect(findCycles(graph.edges.filter((e) => e.kind !== 'type'))).toEqual([]);
  });
});
