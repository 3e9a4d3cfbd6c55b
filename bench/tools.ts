// The tools compared, and how each is invoked. The baselines (madge, dependency-cruiser
// and the TypeScript that dependency-cruiser needs for .ts) are installed into the
// gitignored .bench/tools on first run: they are benchmark fixtures, not project
// dependencies, and pinning them keeps results comparable over time.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Input } from './inputs.ts';

export const TOOL_NAMES = ['seams', 'depcruise', 'depcruise-swc', 'madge', 'floor'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

// @swc/core: dependency-cruiser's fastest parser (its `parser: 'swc'` option), used by depcruise-swc.
const BASELINES = {
  madge: '8.0.0',
  'dependency-cruiser': '18.7.0',
  typescript: '5.9',
  '@swc/core': '1.16.22',
} as const;

/** `node`: the repository's pinned Node 22 (node_modules/.bin/node), which every tool runs on. */
export type Paths = {
  repo: string;
  bench: string;
  tools: string;
  node: string;
  /** bin/seams to run */ seams?: string;
};

/**
 * seams as users run it: bin/seams starting the bundle, built now and copied with bin/seams into `dir` as
 * `npm pack` ships them (package.json "files"), so that edits to packages/ while a benchmark runs cannot send
 * bin/seams to its slower tsx fallback halfway through. Returns the copy's bin/seams.
 */
export function installSeams(repo: string, dir: string): string {
  execFileSync(process.execPath, [join(repo, 'scripts/build.ts')], { stdio: 'inherit' });
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(repo, 'bin/seams'), join(dir, 'bin/seams'));
  cpSync(join(repo, 'dist'), join(dir, 'dist'), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  return join(dir, 'bin/seams');
}

export function npm(args: string[]): void {
  execFileSync('npm', args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

function installedVersion(toolsDir: string, pkg: string): string | null {
  const manifest = join(toolsDir, 'node_modules', pkg, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : null;
}

/**
 * The repository's pinned Node 22 (node_modules/.bin/node, as bin/seams uses), so no tool runs on whatever Node is on
 * PATH.
 */
export function pinnedNode(repo: string): string {
  const node = join(repo, 'node_modules/.bin/node');
  if (!existsSync(node)) throw new Error(`no pinned Node at ${node}: run pnpm install in the repository first`);
  return node;
}

/** Installs the pinned baselines unless already there; returns the versions in use. */
export function ensureTools(p: Paths, log: (s: string) => void): Record<string, string> {
  const stale = Object.entries(BASELINES).filter(([pkg, want]) => !installedVersion(p.tools, pkg)?.startsWith(want));
  if (stale.length > 0) {
    log(
      `installing baselines into ${relative(process.cwd(), p.tools)}: ${stale.map(([n, v]) => `${n}@${v}`).join(' ')}`,
    );
    mkdirSync(p.tools, { recursive: true });
    npm([
      'install',
      '--prefix',
      p.tools,
      '--no-audit',
      '--no-fund',
      ...Object.entries(BASELINES).map(([n, v]) => `${n}@${v}`),
    ]);
  }
  const versions: Record<string, string> = { node: process.version };
  for (const pkg of Object.keys(BASELINES)) versions[pkg] = installedVersion(p.tools, pkg) ?? '?';
  return versions;
}

/** Which seams was measured: the commit, marked dirty when the work tree has changes. */
export function seamsRevision(repo: string): string {
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'packages', 'bin').length > 0 ? '-dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}

export type Invocation = {
  argv: string[];
  cwd: string;
  /** madge prints its JSON on stdout; the others write their own output file. */
  stdoutIsOutput: boolean;
};

/**
 * Every tool runs with the input folder as its working directory and `.` as the
 * target (seams takes the absolute path), so all of them report paths relative to it.
 * All run on the same pinned Node 22 (bin/seams starts that one too), whatever Node runs this script.
 */
export function invocation(tool: ToolName, input: Input, outFile: string, p: Paths): Invocation {
  const node = p.node;
  const ts = input.tsconfig ? relative(input.dir, input.tsconfig) : null;
  switch (tool) {
    case 'seams':
      return {
        argv: [p.seams ?? join(p.repo, 'bin/seams'), 'analyze', input.dir, '-o', outFile, '--no-cache'],
        cwd: p.repo,
        stdoutIsOutput: false,
      };
    case 'depcruise':
    case 'depcruise-swc':
      return {
        argv: [
          node,
          join(p.tools, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'),
          '.',
          '--config',
          join(p.bench, tool === 'depcruise' ? 'depcruise.config.cjs' : 'depcruise.swc.config.cjs'),
          ...(ts ? ['--ts-config', ts] : []),
          '--output-type',
          'json',
          '--output-to',
          outFile,
        ],
        cwd: input.dir,
        stdoutIsOutput: false,
      };
    case 'madge':
      return {
        argv: [
          node,
          join(p.tools, 'node_modules/madge/bin/cli.js'),
          '--json',
          '--no-spinner',
          '--no-color',
          '--extensions',
          'ts,tsx,mts,cts,js,jsx,mjs,cjs',
          ...(ts ? ['--ts-config', ts] : []),
          '.',
        ],
        cwd: input.dir,
        stdoutIsOutput: true,
      };
    case 'floor':
      return { argv: [node, join(p.bench, 'parse-floor.ts'), input.dir], cwd: p.repo, stdoutIsOutput: true };
  }
}
