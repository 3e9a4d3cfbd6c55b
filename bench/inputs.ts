// The codebases the benchmark analyses. Real ones come from the npm registry (so
// anyone can reproduce the run without cloning repositories); each is copied into a
// standalone folder under .bench/inputs/<name>/ holding only its sources and, where
// it uses path aliases, a tsconfig.json — no node_modules, so bare imports stay
// external for every tool.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { GENERATOR_VERSION, MARKER_FILE, generate } from './generate-monolith.ts';
import { countByKind, listSourceFiles } from './source-files.ts';
import { npm } from './tools.ts';

export type Input = {
  name: string;
  dir: string;
  /** tsconfig.json inside `dir`, passed to the baselines that need it for aliases. */
  tsconfig?: string;
  description: string;
  files: { total: number; ts: number; dts: number; js: number };
};

type Prepared = { description: string; tsconfig?: boolean };
type RealInput = { name: string; pkg: string; prepare: (pkgDir: string, out: string) => Prepared };

export const SYNTHETIC_SIZES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '50k': 50_000 };
const INPUTS_VERSION = 1;

const REAL_INPUTS: RealInput[] = [
  {
    name: 'rxjs',
    pkg: 'rxjs@7',
    // rxjs ships its TypeScript sources in src/; the aliases mirror its repo-level tsconfig.
    prepare: (pkgDir, out) => {
      cpSync(join(pkgDir, 'src'), out, { recursive: true, filter: (p) => !/tsconfig[^/]*\.json$/.test(p) });
      writeTsconfig(out, {
        baseUrl: '.',
        paths: {
          rxjs: ['./index'],
          'rxjs/operators': ['./operators/index'],
          'rxjs/testing': ['./testing/index'],
          'rxjs/ajax': ['./ajax/index'],
          'rxjs/webSocket': ['./webSocket/index'],
          'rxjs/fetch': ['./fetch/index'],
          'rxjs/internal/*': ['./internal/*'],
        },
      });
      return { description: `rxjs ${version(pkgDir)} src/ (TypeScript, as shipped)`, tsconfig: true };
    },
  },
  {
    name: 'three',
    pkg: 'three',
    // three ships its ES-module JavaScript sources in src/: the plain-JS input.
    prepare: (pkgDir, out) => {
      cpSync(join(pkgDir, 'src'), out, { recursive: true });
      return { description: `three ${version(pkgDir)} src/ (JavaScript ES modules, as shipped)` };
    },
  },
  {
    name: 'babylonjs',
    pkg: '@babylonjs/core',
    // @babylonjs/core ships compiled .js + .d.ts only, but every .js.map carries the
    // original .ts in sourcesContent: rebuilding the tree from those gives the real
    // TypeScript sources (3k+ files, `core/*` path aliases as in Babylon's monorepo).
    prepare: (pkgDir, out) => {
      const count = rebuildFromSourceMaps(pkgDir, out);
      writeTsconfig(out, { baseUrl: '.', paths: { 'core/*': ['./*'] } });
      return {
        description: `@babylonjs/core ${version(pkgDir)}, original TypeScript rebuilt from ${count} source maps`,
        tsconfig: true,
      };
    },
  },
];

export const ALL_INPUT_NAMES = ['synthetic-1k', 'rxjs', 'three', 'babylonjs', 'synthetic-10k', 'synthetic-50k'];

function version(pkgDir: string): string {
  return (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
}

function writeTsconfig(dir: string, extra: Record<string, unknown>): void {
  const compilerOptions = {
    target: 'ESNext',
    module: 'ESNext',
    moduleResolution: 'Node',
    strict: true,
    noEmit: true,
    lib: ['ESNext', 'DOM'],
    ...extra,
  };
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, include: ['./**/*.ts'] }, null, 2) + '\n',
  );
}

function rebuildFromSourceMaps(pkgDir: string, out: string): number {
  const maps: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.js.map')) maps.push(full);
    }
  };
  walk(pkgDir);
  const sources: Array<[string, string]> = [];
  for (const mapFile of maps) {
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as {
      sources: string[];
      sourcesContent?: Array<string | null>;
      sourceRoot?: string;
    };
    map.sources.forEach((s, i) => {
      const text = map.sourcesContent?.[i];
      if (text != null) sources.push([normalize(join(dirname(mapFile), map.sourceRoot ?? '', s)), text]);
    });
  }
  // The maps point back into the monorepo (../../../dev/core/src/...): strip that common root.
  const root = commonDir(sources.map(([p]) => p));
  for (const [p, text] of sources) {
    const target = join(out, relative(root, p));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return sources.length;
}

function commonDir(paths: string[]): string {
  let parts = dirname(paths[0]!).split('/');
  for (const p of paths) {
    const q = dirname(p).split('/');
    let i = 0;
    while (i < parts.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join('/');
}

function describe(name: string, dir: string, description: string, tsconfig: boolean): Input {
  const list = listSourceFiles(dir);
  return {
    name,
    dir,
    description,
    ...(tsconfig ? { tsconfig: join(dir, 'tsconfig.json') } : {}),
    files: { total: list.length, ...countByKind(list) },
  };
}

function ensureSynthetic(benchDir: string, size: string, log: (s: string) => void): Input {
  const count = SYNTHETIC_SIZES[size]!;
  const dir = join(benchDir, 'synthetic', size);
  const marker = join(dir, MARKER_FILE);
  const fresh =
    existsSync(marker) &&
    (JSON.parse(readFileSync(marker, 'utf8')) as { version?: unknown }).version === GENERATOR_VERSION;
  if (!fresh) {
    log(`generating synthetic monolith of ${count} files in ${relative(process.cwd(), dir)} ...`);
    generate(dir, count);
  }
  return describe(`synthetic-${size}`, dir, `synthetic TS monolith, ${count} files (bench/generate-monolith.ts)`, true);
}

function ensureReal(benchDir: string, spec: RealInput, log: (s: string) => void): Input {
  const prefix = join(benchDir, 'inputs');
  const out = join(prefix, spec.name);
  const marker = join(out, '.prepared.json');
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8')) as Prepared & { version: number };
    if (m.version === INPUTS_VERSION) return describe(spec.name, out, m.description, m.tsconfig === true);
  }
  const pkgName = spec.pkg.replace(/(.)@.*$/, '$1');
  const pkgDir = join(prefix, 'node_modules', pkgName);
  if (!existsSync(join(pkgDir, 'package.json'))) {
    log(`installing benchmark inputs into ${relative(process.cwd(), prefix)} ...`);
    mkdirSync(prefix, { recursive: true });
    npm([
      'install',
      '--prefix',
      prefix,
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      ...REAL_INPUTS.map((r) => r.pkg),
    ]);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const prepared = spec.prepare(pkgDir, out);
  writeFileSync(marker, JSON.stringify({ version: INPUTS_VERSION, ...prepared }) + '\n');
  return describe(spec.name, out, prepared.description, prepared.tsconfig === true);
}

/** Makes sure every named input exists on disk (installing/generating once) and describes it. */
export function ensureInputs(benchDir: string, names: string[], log: (s: string) => void): Input[] {
  return names.map((name) => {
    const synthetic = /^synthetic-(.+)$/.exec(name);
    if (synthetic) {
      if (!(synthetic[1]! in SYNTHETIC_SIZES))
        throw new Error(`unknown synthetic size ${synthetic[1]} (have ${Object.keys(SYNTHETIC_SIZES).join(', ')})`);
      return ensureSynthetic(benchDir, synthetic[1]!, log);
    }
    const spec = REAL_INPUTS.find((r) => r.name === name);
    if (!spec) throw new Error(`unknown input ${name} (have ${ALL_INPUT_NAMES.join(', ')})`);
    return ensureReal(benchDir, spec, log);
  });
}

/** Reads every source file once, unmeasured, so no tool pays for a cold OS page cache. */
export function warmPageCache(input: Input): void {
  for (const f of listSourceFiles(input.dir)) readFileSync(f);
}
