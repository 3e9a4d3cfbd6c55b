import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Graph } from '@seams/graph';
import { graphAsParsed } from '../src/graph-fast-path.ts';

// Every optional field of every list element present somewhere.
const rich = {
  version: 1,
  tool: { name: 'seams', version: '0' },
  source: 'seams',
  root: '/r',
  files: [
    { path: 'src/a.ts', language: 'ts', loc: 3, exports: ['a', 'default'] },
    { path: 'src/b.d.ts', language: 'ts', dts: true, loc: 0, exports: [], package: '@x/b' },
  ],
  edges: [
    { from: 'src/a.ts', to: 'src/b.d.ts', kind: 'type', specifier: './b', line: 1, names: ['B'] },
    {
      from: 'src/a.ts',
      to: 'src/b.d.ts',
      kind: 'import',
      specifier: './b',
      line: 2,
      names: ['c'],
      providers: { c: 'src/b.d.ts' },
      providedAs: { c: 'default' },
      weight: 0.5,
    },
  ],
  externals: [
    { from: 'src/a.ts', specifier: 'node:fs', package: 'node:fs', builtin: true, kind: 'import', line: 1, names: [] },
  ],
  unresolved: [
    { from: 'src/a.ts', specifier: './c', kind: 'dynamic', line: 4, reason: 'not-found' },
    { from: 'src/a.ts', specifier: 'x', kind: 'require', line: 5, reason: 'unsupported', detail: 'why' },
  ],
  parseErrors: [{ path: 'src/z.ts', message: 'bad', line: 0 }],
  workspaces: [{ name: '@x/b', path: 'packages/b' }],
  timings: { parse: 1 },
  useCases: [{ id: 'http GET /a', kind: 'http', entry: 'src/a.ts', line: 1 }],
};

const fixtures = ['data', 'ownership', 'small-shop'].map(
  (name) =>
    JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../fixtures/report', name, 'graph.json'), 'utf8'),
    ) as unknown,
);

// The cases below reach into arbitrary JSON to break it: typing each step would say nothing more.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** A deep copy of `json` with `change` applied to it. */
function changed(json: unknown, change: (copy: Loose) => void): unknown {
  const copy = structuredClone(json);
  change(copy);
  return copy;
}

describe('graphAsParsed', () => {
  it('gives what the schema gives, key order included, on valid graphs', () => {
    for (const json of [rich, ...fixtures]) {
      const fast = graphAsParsed(structuredClone(json));
      expect(fast).toBeDefined();
      expect(JSON.stringify(fast)).toBe(JSON.stringify(Graph.parse(json)));
    }
  });

  // What it passes, the schema passes and gives back the same; what it cannot vouch for is left to the schema.
  it('never passes what the schema would reject or change', () => {
    const element =
      (list: string, i = 0) =>
      (copy: Loose): Loose =>
        copy[list][i];
    const cases: Array<[string, (copy: Loose) => void]> = [
      ['a file path that is a number', (c) => (element('files')(c).path = 1)],
      ['an unknown language', (c) => (element('files')(c).language = 'py')],
      ['dts as a string', (c) => (element('files', 1)(c).dts = 'yes')],
      ['a negative loc', (c) => (element('files')(c).loc = -1)],
      ['a fractional loc', (c) => (element('files')(c).loc = 1.5)],
      ['loc beyond a safe integer', (c) => (element('files')(c).loc = 2 ** 53)],
      ['loc as a string', (c) => (element('files')(c).loc = '3')],
      ['no exports', (c) => delete element('files')(c).exports],
      ['an export that is not a string', (c) => (element('files')(c).exports = [1])],
      ['a package that is null', (c) => (element('files', 1)(c).package = null)],
      ['a file with another field', (c) => (element('files')(c).extra = 1)],
      [
        'a file with its fields in another order',
        (c) => (c.files[0] = { language: 'ts', path: 'src/a.ts', loc: 3, exports: [] }),
      ],
      ['a file that is an array', (c) => (c.files[0] = [])],
      ['a file that is null', (c) => (c.files[0] = null)],
      ['an unknown edge kind', (c) => (element('edges')(c).kind = 'imports')],
      ['an edge without a line', (c) => delete element('edges')(c).line],
      ['a weight of 0', (c) => (element('edges', 1)(c).weight = 0)],
      ['a provider that is a number', (c) => (element('edges', 1)(c).providers.c = 2)],
      ['providers as an array', (c) => (element('edges', 1)(c).providers = ['x'])],
      ['a __proto__ provider', (c) => (element('edges', 1)(c).providers = JSON.parse('{"__proto__": "x"}'))],
      ['an external without builtin', (c) => delete element('externals')(c).builtin],
      ['an unknown unresolved reason', (c) => (element('unresolved')(c).reason = 'lost')],
      ['a parse error line below 0', (c) => (element('parseErrors')(c).line = -2)],
      ['a workspace without a path', (c) => delete element('workspaces')(c).path],
      ['edges that are not a list', (c) => (c.edges = {})],
      ['no externals', (c) => delete c.externals],
      ['an unknown source', (c) => (c.source = 'other')],
      ['a use case of an unknown kind', (c) => (c.useCases[0].kind = 'rpc')],
      ['another top-level field', (c) => (c.extra = true)],
      [
        'top-level fields in another order',
        (c) => {
          const version = c.version;
          delete c.version;
          c.version = version;
        },
      ],
    ];
    for (const [name, change] of cases) {
      const json = changed(rich, change);
      const fast = graphAsParsed(structuredClone(json));
      const slow = Graph.safeParse(json);
      if (fast === undefined) continue;
      expect(slow.success, name).toBe(true);
      expect(JSON.stringify(fast), name).toBe(JSON.stringify(slow.data));
    }
    // The schema's own message still names the first offending field: the fast path only ever answers "valid".
    expect(graphAsParsed(changed(rich, (c) => (c.files[0].loc = -1)))).toBeUndefined();
  });
});
