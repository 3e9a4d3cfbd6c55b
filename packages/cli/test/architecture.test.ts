import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';

// Our own layering, checked with our own graph until `seams check` exists (CONVENTIONS rule 2).
const LAYERS = ['graph', 'analyze', 'boundaries', 'report', 'cli'];
const MAY_TOUCH_FS = new Set(['analyze', 'cli']);

const packageOf = (path: string) => /^packages\/([^/]+)\/src\//.exec(path)?.[1];

describe('architecture', async () => {
  const graph = await analyze({ root: join(import.meta.dirname, '../../..'), include: ['packages/*/src/**'], cache: false });

  it('sees the packages import each other (so the rules below are not vacuous)', () => {
    const crossing = new Set(graph.edges.map((e) => `${packageOf(e.from)}->${packageOf(e.to)}`).filter((pair) => !/^(\w+)->\1$/.test(pair)));
    expect([...crossing].sort()).toEqual(['analyze->graph', 'boundaries->graph', 'cli->analyze', 'cli->boundaries', 'cli->graph', 'cli->report', 'report->graph']);
  });

  it('imports other packages by name only, and never a later stage', () => {
    const wrong = graph.edges.flatMap((edge) => {
      const from = packageOf(edge.from);
      const to = packageOf(edge.to);
      if (!from || !to || from === to) return [];
      if (edge.specifier.startsWith('.')) return [`${edge.from}:${edge.line} reaches into ${to} by a relative path`];
      if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) return [`${edge.from}:${edge.line} imports the later stage ${to}`];
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
