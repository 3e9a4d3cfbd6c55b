// The "floor": the least work any import-graph tool has to do on an input — find every
// source file, read it, parse it once and look at its module records. No resolution,
// no graph. seams/floor then says how much seams spends beyond the unavoidable.
//
//   node bench/parse-floor.ts <dir>   ->  prints one JSON line {files, bytes, imports, ms}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { listSourceFiles } from './source-files.ts';

type ParseSync = typeof import('oxc-parser').parseSync;

// oxc-parser is a dependency of packages/analyze; bench/ has no package.json of its own,
// so fall back to resolving it from there if the root install doesn't expose it.
async function loadParser(): Promise<ParseSync> {
  try {
    return (await import('oxc-parser')).parseSync;
  } catch {
    const analyzePkg = fileURLToPath(new URL('../packages/analyze/package.json', import.meta.url));
    const path = createRequire(analyzePkg).resolve('oxc-parser');
    return ((await import(path)) as typeof import('oxc-parser')).parseSync;
  }
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/parse-floor.ts <dir>');
  process.exit(2);
}
const parseSync = await loadParser();
const start = performance.now();
const files = listSourceFiles(dir);
let bytes = 0,
  imports = 0,
  errors = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  // Lazy mode keeps the AST in the raw buffer; reading `module` pulls out only the
  // import/export records, which is what a dependency graph needs.
  // (the option works in 0.159 but is not in its .d.ts yet, hence the cast)
  const result = parseSync(file, text, { experimentalLazy: true } as Parameters<ParseSync>[2]);
  const mod = result.module;
  imports += mod.staticImports.length + mod.dynamicImports.length + mod.staticExports.length;
  if (result.errors.length > 0) errors++;
  (result as { dispose?: () => void }).dispose?.();
}
const ms = performance.now() - start;
console.log(JSON.stringify({ files: files.length, bytes, imports, errors, ms: Math.round(ms) }));
