import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { InputError } from '@seams/graph';
import { fileFilter } from './file-filter.ts';

const CONFIG_FILE = /^(?:[tj]sconfig.*\.json|package\.json|pnpm-workspace\.yaml)$/;

const SOURCE_FILE = /\.(?:[mc]?[jt]s|[jt]sx)$/;
// Database schemas that declare tables without being source: Prisma's, and SQL schemas or migrations.
const DATA_SCHEMA = /\.(?:prisma|sql)$/;

// Never source: dependencies, VCS data, our own cache, and build or coverage output.
const ALWAYS_SKIPPED = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.seams',
  'dist',
  'coverage',
  '.next',
  '.nuxt',
  '.turbo',
  '.cache',
  '.output',
  '.svelte-kit',
  '.vercel',
  '.angular',
  'bower_components',
  'jspm_packages',
]);
// Build output only when it sits beside a package.json or tsconfig.json; elsewhere these names can hold source.
const OUTPUT_BESIDE_PROJECT = new Set(['build', 'out', 'lib-cjs', 'lib-esm', 'esm', 'cjs']);

/**
 * Whether a file of this path could change what discovery finds: a source, configuration or schema file, or a
 * .gitignore. Any other file (a README, an image) is never listed nor read.
 */
export function affectsDiscovery(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === '.gitignore' || SOURCE_FILE.test(name) || CONFIG_FILE.test(name) || DATA_SCHEMA.test(name);
}

export interface DiscoverOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  gitignore?: boolean;
}

export interface Discovered {
  /** Source files, POSIX paths relative to root, sorted. */
  files: string[];
  /** package.json files found on the way, relative to root: workspace detection reads them. */
  packageJsons: string[];
  /** Files that steer resolution (tsconfig, jsconfig, package.json, pnpm-workspace.yaml), relative to root. */
  configFiles: string[];
  /** Database schema files (schema.prisma, *.sql), relative to root: they name the tables models map to. */
  dataSchemas: string[];
  /** Configuration files that are not regular files (a FIFO named package.json), relative to root: never read. */
  irregularConfigs: string[];
  warnings: string[];
}

interface Frame {
  dir: string;
  rel: string;
  rules: Rules[];
}

interface Rules {
  base: string;
  matcher: Ignore;
  /**
   * Answers by name, when no pattern has a slash but a trailing one: such patterns match a name at any depth,
   * and the folders above were found not ignored on the way down, so the name alone decides.
   */
  byName: Map<string, boolean> | undefined;
}

/** Walks root for source files: honours .gitignore, skips dependencies and build output, never follows symlinks. */
export function discoverFiles(root: string, options: DiscoverOptions = {}): Discovered {
  assertDirectory(root);
  const { included, excluded } = fileFilter(options);
  const out: Discovered = {
    files: [],
    packageJsons: [],
    configFiles: [],
    dataSchemas: [],
    irregularConfigs: [],
    warnings: [],
  };
  const stack: Frame[] = [{ dir: root, rel: '', rules: [] }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(frame.dir, { withFileTypes: true });
    } catch (error) {
      out.warnings.push(`skipped ${frame.rel || '.'}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      continue;
    }
    const rules = options.gitignore === false ? frame.rules : withGitignore(frame, entries);
    const isProject = entries.some((e) => e.name === 'package.json' || e.name === 'tsconfig.json');
    for (const entry of entries) {
      const rel = frame.rel ? `${frame.rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        if (isLoop(join(frame.dir, entry.name), root)) out.warnings.push(`skipped symlink loop ${rel}`);
        continue;
      }
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || (isProject && OUTPUT_BESIDE_PROJECT.has(entry.name))) continue;
        if (isIgnored(rules, rel, true) || excluded(rel + '/')) continue;
        stack.push({ dir: join(frame.dir, entry.name), rel, rules });
      } else if (!entry.isFile()) {
        // A FIFO or socket named package.json would hang whoever reads it: named here, never read.
        if (CONFIG_FILE.test(entry.name)) {
          out.irregularConfigs.push(rel);
          out.warnings.push(`${rel} is not a regular file: ignored`);
        }
      } else {
        if (entry.name === 'package.json') out.packageJsons.push(rel);
        if (CONFIG_FILE.test(entry.name)) out.configFiles.push(rel);
        if (DATA_SCHEMA.test(entry.name) && !isIgnored(rules, rel, false) && included(rel) && !excluded(rel))
          out.dataSchemas.push(rel);
        if (!SOURCE_FILE.test(entry.name) || isIgnored(rules, rel, false)) continue;
        if (included(rel) && !excluded(rel)) out.files.push(rel);
      }
    }
  }
  out.files.sort();
  out.packageJsons.sort();
  out.configFiles.sort();
  out.dataSchemas.sort();
  return out;
}

function assertDirectory(root: string): void {
  let stats;
  try {
    stats = statSync(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new InputError(
        'SEAMS_INPUT_NOT_FOUND',
        `${root} does not exist: pass the folder of the project to analyse.`,
      );
    throw new InputError('SEAMS_INPUT_UNREADABLE', `${root} cannot be read (${code}).`);
  }
  if (!stats.isDirectory())
    throw new InputError(
      'SEAMS_INPUT_NOT_DIRECTORY',
      `${root} is a file, not a folder: pass the folder of the project to analyse.`,
    );
  try {
    readdirSync(root);
  } catch (error) {
    throw new InputError(
      'SEAMS_INPUT_UNREADABLE',
      `${root} cannot be read (${(error as NodeJS.ErrnoException).code}).`,
    );
  }
}

function withGitignore(frame: Frame, entries: Dirent[]): Frame['rules'] {
  if (!entries.some((e) => e.name === '.gitignore' && e.isFile())) return frame.rules;
  try {
    const text = readFileSync(join(frame.dir, '.gitignore'), 'utf8');
    const byName = text.split('\n').every(namesOnly) ? new Map<string, boolean>() : undefined;
    return [...frame.rules, { base: frame.rel, matcher: ignore().add(text), byName }];
  } catch {
    return frame.rules;
  }
}

// A blank line, a comment, or a pattern with no slash but a trailing one (`dist/`, `*.log`, `!keep.ts`).
function namesOnly(line: string): boolean {
  const pattern = line.trim().replace(/^!/, '').replace(/\/$/, '');
  return pattern === '' || line.startsWith('#') || !pattern.includes('/');
}

function isIgnored(rules: Frame['rules'], rel: string, isDir: boolean): boolean {
  for (const { base, matcher, byName } of rules) {
    const local = base ? rel.slice(base.length + 1) : rel;
    const path = isDir ? `${local}/` : local;
    if (!byName) {
      if (matcher.ignores(path)) return true;
      continue;
    }
    const name = path.slice(local.lastIndexOf('/') + 1);
    let ignored = byName.get(name);
    if (ignored === undefined) byName.set(name, (ignored = matcher.ignores(path)));
    if (ignored) return true;
  }
  return false;
}

// A link to a folder that contains it would make a naive walk loop forever.
function isLoop(link: string, root: string): boolean {
  try {
    if (!statSync(link).isDirectory()) return false;
    const target = realpathSync(link);
    const real = realpathSync(join(link, '..'));
    return real === target || real.startsWith(target + '/') || target === realpathSync(root);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
}
