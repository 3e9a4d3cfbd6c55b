// browserOnlyFiles over in-memory graphs: which files run only in a browser bundle. Worked out by hand.
import { describe, expect, it } from 'vitest';
import type { Graph } from '@seams/graph';
import { browserOnlyFiles } from '../src/toolchain/browser-files.ts';

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
      'webpack.config.js': "module.exports = { entry: path.join(__dirname, 'client/main.js') }",
      'client/tag.js': 'document.querySelector("#tag")',
      'lib/notes.js': 'module.exports = {}',
    };
    const graph = graphOf([...files, 'webpack.config.js'], edges);
    expect([...browserOnlyFiles(graph, (path) => text[path]!)].sort()).toEqual([
      'client/main.js',
      'client/tag.js',
      'client/view.js',
    ]);
  });

  it("finds the server's file in its start script, and takes package.json's browser field as an entry", () => {
    const text: Record<string, string> = {
      'package.json': JSON.stringify({ browser: 'client/main.js', scripts: { start: 'node --inspect app.js' } }),
    };
    expect([...browserOnlyFiles(graphOf(files, edges), (path) => text[path]!)].sort()).toEqual([
      'client/main.js',
      'client/view.js',
    ]);
  });

  it("is nothing for a server bundled for Node, or when the server's entry point is unknown", () => {
    const config = "module.exports = { target: 'node', entry: './client/main.js' }";
    const node = { 'package.json': '{ "main": "app.js" }', 'webpack.config.js': config } as Record<string, string>;
    const graph = graphOf([...files, 'webpack.config.js'], edges);
    expect(browserOnlyFiles(graph, (path) => node[path]!).size).toBe(0);
    const noMain = { 'package.json': '{ "browser": "client/main.js", "scripts": { "start": "nest start" } }' };
    expect(browserOnlyFiles(graphOf(files, edges), (path) => (noMain as Record<string, string>)[path]!).size).toBe(0);
  });

  it('is nothing without a bundler config or a browser field', () => {
    const text = { 'package.json': '{ "main": "app.js" }' } as Record<string, string>;
    expect(browserOnlyFiles(graphOf(files, edges), (path) => text[path]!).size).toBe(0);
  });
});
