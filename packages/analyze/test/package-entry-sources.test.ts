import { describe, expect, it } from 'vitest';
import { entrySourcesOf } from '../src/package-entry-points.ts';

describe('entrySourcesOf: the package entry files, build output read back to source', () => {
  const files = new Set(['src/index.ts', 'src/migrate.ts', 'src/cli/index.ts', 'lib-helpers.js', 'index.js']);

  it('maps main (and types) in an output folder to the source under src/', () => {
    // dist/index.js and dist/index.d.ts both read as src/index.ts: one entry.
    expect(entrySourcesOf({ main: 'dist/index.js', types: 'dist/index.d.ts' }, files)).toEqual(['src/index.ts']);
  });

  it("takes each exports subpath, source-first conditions, a folder's index; no pattern, no file outside", () => {
    const manifest = {
      exports: {
        '.': { types: './dist/index.d.ts', require: './dist/index.js' },
        './migrate': './build/migrate.mjs',
        './cli': './dist/cli',
        './package.json': './package.json',
        './plugins/*': './dist/plugins/*.js',
      },
    };
    expect(entrySourcesOf(manifest, files)).toEqual(['src/index.ts', 'src/migrate.ts', 'src/cli/index.ts']);
  });

  it('takes a main that is a source file as it is, and reads nothing from fields that are no strings', () => {
    expect(entrySourcesOf({ main: './lib-helpers.js' }, files)).toEqual(['lib-helpers.js']);
    // Without main, Node loads index.js at the package root.
    expect(entrySourcesOf({ main: 42, exports: null }, files)).toEqual(['index.js']);
  });
});
