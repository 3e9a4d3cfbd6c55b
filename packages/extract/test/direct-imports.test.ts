// directImports over a hand-made graph: which statements still import the service's files after the codemod,
// and why each name stays with the monolith's copy. Expectations worked out by hand from the edges below.
import { describe, expect, it } from 'vitest';
import type { Graph } from '@seams/graph';
import { directImports } from '../src/codemod/direct-imports.ts';

const edge = (from: string, to: string, specifier: string, names: string[], line = 1): Graph['edges'][number] => ({
  from,
  to,
  kind: names.includes('*') ? 'require' : 'import',
  specifier,
  line,
  names,
  weight: 1,
});

const graph = {
  files: [],
  edges: [
    // Moved to the facade by the codemod: its text no longer names the service's file.
    edge('src/cart.ts', 'src/history/index.ts', './history', ['getHistory']),
    // A local-only operation and a type: both stay.
    edge('src/note.ts', 'src/history/index.ts', './history', ['updateHistory', 'Entry'], 8),
    // A middleware of the service's, required whole: the facade serves none of it.
    edge('app.js', 'src/history/too-busy.js', './src/history/too-busy', ['*'], 167),
    // Inside the service, and a file of the monolith's: neither is listed.
    edge('src/history/index.ts', 'src/history/too-busy.js', './too-busy', ['*']),
    edge('src/note.ts', 'src/db.ts', './db', ['query']),
  ],
} as unknown as Pick<Graph, 'files' | 'edges'>;

const texts: Record<string, string> = {
  'src/cart.ts': "import { getHistory } from '../extracted/history/facade/history.facade';",
  'src/note.ts': "import { updateHistory, type Entry } from './history';\nimport { query } from './db';",
  'app.js': "app.use(require('./src/history/too-busy'));",
};

describe('the imports left pointing at the service', () => {
  it('lists each statement with its names and why they stay; a module none of whose names go remote says so', () => {
    const found = directImports({
      graph,
      members: new Set(['src/history/index.ts', 'src/history/too-busy.js']),
      routed: new Set(['src/history/index.ts#getHistory']),
      skip: () => false,
      textAfter: (path) => texts[path],
      why: (entry) => (entry.endsWith('#Entry') ? 'a type' : 'not remote-ready: sync'),
    });
    expect(found).toEqual([
      {
        file: 'app.js',
        line: 167,
        specifier: './src/history/too-busy',
        names: [{ name: '*', why: 'uses the module whole, and none of its names go remote' }],
      },
      {
        file: 'src/note.ts',
        line: 8,
        specifier: './history',
        names: [
          { name: 'updateHistory', why: 'not remote-ready: sync' },
          { name: 'Entry', why: 'a type' },
        ],
      },
    ]);
  });
});
