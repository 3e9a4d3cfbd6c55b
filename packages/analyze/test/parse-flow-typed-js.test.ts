// Type annotations in .js files (Flow, stripped by babel before run time) are read as TypeScript when JavaScript
// fails, and specs importing the absent babel output (lib/) land on src/: the fixture is a babel-built server shaped
// like parse-server; expectations written by hand.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Graph, analyzeFixture, edgesOf, unresolvedOf } from './graph-lines.ts';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/parse/flow-typed-js');

describe('parse: type-annotated JavaScript', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await analyzeFixture(FIXTURE);
  });

  it('reads every import, type import included, of annotated .js files', () => {
    expect(edgesOf(graph)).toEqual([
      // The specs' `require('../lib/...')`: the absent babel build lands on its source.
      'spec/server.spec.js -> src/index.js require [createServer]',
      'spec/server.spec.js -> src/options.js require [defaults]',
      'src/adapters/loader.js -> src/options.js type [Options]',
      'src/controllers/cache.js -> src/adapters/loader.js import [loadAdapter]',
      'src/controllers/cache.js -> src/options.js type [Options]',
      'src/controllers/push.js -> src/adapters/loader.js import [loadAdapter]',
      'src/controllers/push.js -> src/options.js import [defaults]',
      'src/index.js -> src/controllers/cache.js import [CacheController]',
      'src/index.js -> src/controllers/push.js import [PushController]',
      'src/index.js -> src/options.js import [defaults]',
    ]);
  });

  it('leaves an import of the build output not-found when no source mirrors it', () => {
    expect(unresolvedOf(graph)).toEqual(['spec/server.spec.js -> ../lib/not-in-src require not-found']);
  });

  it('gives annotated files their exports', () => {
    const exports = Object.fromEntries(graph.files.map((file) => [file.path, [...file.exports].sort()]));
    expect(exports['src/adapters/loader.js']).toEqual(['loadAdapter']);
    expect(exports['src/controllers/cache.js']).toEqual(['CacheController']);
    expect(exports['src/index.js']).toEqual(['createServer']);
  });

  it('reports only the file whose Flow-only syntax (`?Promise<*>`) neither parser reads, at that line', () => {
    expect(graph.parseErrors.map((error) => `${error.path}:${error.line}`)).toEqual(['src/controllers/push.js:6']);
  });
});
