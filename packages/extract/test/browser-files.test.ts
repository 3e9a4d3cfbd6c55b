// browserFiles over in-memory graphs: which files run only in a browser bundle, which in both programs. Worked out by hand.
import { describe, expect, it } from 'vitest';
import type { Graph } from '@seams/graph';
import { browserFiles } from '../src/toolchain/browser-files.ts';

const graphOf = (files: string[], edges: Array<[string, string]>) =>
  ({
    files: files.map((path) => ({ path })),
    edges: edges.map(([from, to]) => ({ from, to })),
  }) as unknown as Pick<Graph, 'files' | 'edges'>;

const files = ['app.js', 'lib/notes.js', 'shared/format.js', 'client/main.js', 'client/view.js', 'client/tag.js'];
const edges: Array<[string, string]> = [
  ['app.js', 'lib/notes.js'],
  ['app.js', 'shared/format.js'],
  ['client/main.js', 'client/view.js'],
  ['client/main.js', 'shared/format.js'],
];

describe('the files that run only in a browser bundle', () => {
  it("are what webpack's entries reach and the server's main does not, and loose files that use the DOM", () => {
    const text: Record<string, string> = {
      'package.json': JSON.stringify({ main: 'app.js' }),
      // Its name is the server's file too (codimd's `name: 'app'`): no entry for that.
      'webpack.config.js': "module.exports = { name: 'app', entry: path.join(__dirname, 'client/main.js') }",
      'client/tag.js': 'document.querySelector("#tag")',
      // A service worker the server serves as a template: the browser's globals are `self`'s.
      'views/sw.js': "self.addEventListener('fetch', (event) => event.respondWith(fetch(event.request)))",
      'lib/notes.js': 'module.exports = {}',
    };
    const graph = graphOf([...files, 'views/sw.js', 'webpack.config.js'], edges);
    const found = browserFiles(graph, (path) => text[path]!);
    expect([...found.only].sort()).toEqual(['client/main.js', 'client/tag.js', 'client/view.js', 'views/sw.js']);
    // The module both app.js and client/main.js import is the server's, and loaded by the bundle too.
    expect([...found.shared]).toEqual(['shared/format.js']);
  });

  it('reads the entries of a config kept in a folder of its own from the root, and no bare word of it', () => {
    // nightscout's shape: webpack/webpack.config.js names './client/main.js' from the package root (its context);
    // `worker` in a comment is a word, not the root's worker.js.
    const text: Record<string, string> = {
      'package.json': JSON.stringify({ main: 'app.js' }),
      'webpack/webpack.config.js': "// `worker` mode\nmodule.exports = { entry: ['./client/main.js'] }",
    };
    const graph = graphOf([...files, 'worker.js', 'webpack/webpack.config.js'], edges);
    expect([...browserFiles(graph, (path) => text[path]!).only].sort()).toEqual(['client/main.js', 'client/view.js']);
  });

  it("finds the server's file in its start script, and takes package.json's browser field as an entry", () => {
    const text: Record<string, string> = {
      'package.json': JSON.stringify({ browser: 'client/main.js', scripts: { start: 'node --inspect app.js' } }),
    };
    expect([...browserFiles(graphOf(files, edges), (path) => text[path]!).only].sort()).toEqual([
      'client/main.js',
      'client/view.js',
    ]);
  });

  it("reads a start script that runs the build's output as its source, and an import type loads nothing", () => {
    // outline's shape: `node ./build/server/index.js` is server/index.ts; the server names a browser file's types only.
    const ts = ['server/index.ts', 'server/notes.ts', 'shared/format.ts', 'client/main.ts', 'client/view.ts'];
    const graph = {
      files: ts.map((path) => ({ path })),
      edges: [
        { from: 'server/index.ts', to: 'server/notes.ts', kind: 'import' },
        { from: 'server/notes.ts', to: 'shared/format.ts', kind: 'import' },
        { from: 'server/notes.ts', to: 'client/view.ts', kind: 'type' },
        { from: 'client/main.ts', to: 'client/view.ts', kind: 'import' },
        { from: 'client/view.ts', to: 'shared/format.ts', kind: 'import' },
      ],
    } as unknown as Pick<Graph, 'files' | 'edges'>;
    const text: Record<string, string> = {
      'package.json': JSON.stringify({ browser: 'client/main.ts', scripts: { start: 'node ./build/server/index.js' } }),
    };
    const found = browserFiles(graph, (path) => text[path]!);
    expect([...found.only].sort()).toEqual(['client/main.ts', 'client/view.ts']);
    expect([...found.shared]).toEqual(['shared/format.ts']);
  });

  it("takes a Meteor app's mainModule: client as the browser's entry, server as the server's", () => {
    // wekan's shape: no bundler config, no main; package.json names both programs' first modules.
    const mainModule = { client: 'client/main.js', server: 'server/main.js' };
    const text: Record<string, string> = { 'package.json': JSON.stringify({ meteor: { mainModule } }) };
    const meteorEdges = edges.map(([from, to]): [string, string] => [from === 'app.js' ? 'server/main.js' : from, to]);
    const found = browserFiles(graphOf([...files, 'server/main.js'], meteorEdges), (path) => text[path]!);
    expect([...found.only].sort()).toEqual(['client/main.js', 'client/view.js']);
    expect([...found.shared]).toEqual(['shared/format.js']);
  });

  it("is nothing for a server bundled for Node, or when the server's entry point is unknown", () => {
    const config = "module.exports = { target: 'node', entry: './client/main.js' }";
    const node = { 'package.json': '{ "main": "app.js" }', 'webpack.config.js': config } as Record<string, string>;
    const graph = graphOf([...files, 'webpack.config.js'], edges);
    expect(browserFiles(graph, (path) => node[path]!).only.size).toBe(0);
    const noMain = { 'package.json': '{ "browser": "client/main.js", "scripts": { "start": "nest start" } }' };
    expect(browserFiles(graphOf(files, edges), (path) => (noMain as Record<string, string>)[path]!).only.size).toBe(0);
  });

  it('is nothing without a bundler config or a browser field', () => {
    const text = { 'package.json': '{ "main": "app.js" }' } as Record<string, string>;
    expect(browserFiles(graphOf(files, edges), (path) => text[path]!).only.size).toBe(0);
  });
});
