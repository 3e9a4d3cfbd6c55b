import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';

// Our own layering, checked with our own graph until `seams check` exists (CONVENTIONS rule 2).
// Stages on one level (report, check) never import each other; cli starts the tui, so it sits above it.
const LEVEL: Record<string, number> = { graph: 0, analyze: 1, boundaries: 2, report: 3, check: 3, tui: 4, cli: 5 };
const MAY_TOUCH_FS = new Set(['analyze', 'cli']);

const packageOf = (path: string) => /^packages\/([^/]+)\/src\//.exec(path)?.[1];

describe('architecture', async () => {
  const graph = await analyze({ root: join(import.meta.dirname, '../../..'), include: ['packages/*/src/**'], cache: false });

  it('sees the packages import each other (so the rules below are not vacuous)', () => {
    const crossing = new Set(graph.edges.map((e) => `${packageOf(e.from)}->${packageOf(e.to)}`).filter((pair) => !/^(\w+)->\1$/.test(pair)));
    expect([...crossing].sort()).toEqual([
      'analyze->graph',
      'boundaries->graph',
      'check->graph',
      'cli->analyze',
      'cli->boundaries',
      'cli->check',
      'cli->graph',
      'cli->report',
      'cli->tui',
      'report->graph',
      'tui->boundaries',
      'tui->graph',
    ]);
  });

  it('imports other packages by name only, and never a later stage', () => {
    const wrong = graph.edges.flatMap((edge) => {
      const from = packageOf(edge.from);
      const to = packageOf(edge.to);
      if (!from || !to || from === to) return [];
      if (edge.specifier.startsWith('.')) return [`${edge.from}:${edge.line} reaches into ${to} by a relative path`];
      if (LEVEL[to] === undefined || LEVEL[from] === undefined) return [`${edge.from}:${edge.line}: package ${LEVEL[to] === undefined ? to : from} has no level here`];
      if (LEVEL[to]! >= LEVEL[from]!) return [`${edge.from}:${edge.line} imports ${to}, a stage at or after its own`];
      return [];
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
