// Bundles the CLI into dist/seams.js for the npm tarball; the native parser and resolver stay dependencies.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const packageDir = new URL('../', import.meta.url).pathname;

// Chunk names carry content hashes: without a clean folder, old chunks would pile up in the tarball.
rmSync(`${packageDir}dist`, { recursive: true, force: true });

await build({
  // The worker threads are entries of their own: analyze and boundaries start them by file name (parse-pool.ts,
  // louvain-pool.ts), beside the chunks.
  entryPoints: {
    seams: `${packageDir}packages/cli/src/main.ts`,
    'parse-worker': `${packageDir}packages/analyze/src/parse-worker.ts`,
    'louvain-worker': `${packageDir}packages/boundaries/src/louvain-worker.ts`,
  },
  outdir: `${packageDir}dist`,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  // Chunks keep the lazy imports lazy: the native parser and resolver load only when a run needs them.
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // ink imports react-devtools-core only when DEV=true; it is not installed, and never needed in a release.
  // ts-morph bundles TypeScript, which finds its lib files next to itself (__filename): it stays a dependency.
  external: ['oxc-parser', 'oxc-resolver', 'ts-morph', 'react-devtools-core'],
  jsx: 'automatic',
  // React checks NODE_ENV at run time; a release is a production build (faster, no dev warnings).
  define: { 'process.env.NODE_ENV': '"production"' },
  // Bundled CommonJS dependencies (commander, ignore, picomatch) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __seamsCreateRequire } from 'node:module'; const require = __seamsCreateRequire(import.meta.url);",
  },
  absWorkingDir: packageDir,
  nodePaths: [`${packageDir}packages/cli/node_modules`],
  logLevel: 'warning',
});
console.log('built dist/seams.js');
