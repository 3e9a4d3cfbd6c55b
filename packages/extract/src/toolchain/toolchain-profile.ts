import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { babelSource } from './babel-source.ts';

/**
 * What the monolith compiles and runs with, read once, so that generated code compiles where it
 * lands: under its TypeScript version, its module system, its library and its compilation scope.
 */
export interface Toolchain {
  /**
   * 'js' for a monolith without a tsconfig or whose service is JavaScript: the facade side is generated as JavaScript.
   */
  language: 'ts' | 'js';
  /** The monolith's own TypeScript version ('3.9.10'), undefined when it has none installed. */
  typescript: string | undefined;
  /** How the monolith's files load each other: ES modules or CommonJS. */
  moduleFormat: 'esm' | 'cjs';
  /** What relative specifiers end with: '.js' where Node's ES modules (node16/nodenext) need it, else nothing. */
  relativeExtension: '' | '.js';
  /** Whether `node:` specifiers resolve everywhere the monolith's code runs (its types, its test runner). */
  nodePrefix: boolean;
  /**
   * @types/node: loaded by the compiler as is, installed but left out by `types` (a reference brings it), or missing.
   */
  nodeTypes: 'loaded' | 'reference' | 'missing';
  /**
   * The project-relative folder the monolith's compiled files live under ('.' for anywhere in the project, also
   * when the scope is a folder above it, as a workspace's): its
   * rootDir, else for a build to an outDir the folder its include or files share, else the folder a Babel build
   * compiles (`babel src -d lib`). A file the monolith imports from outside it fails to compile (TS6059), moves the
   * build's output, or is never built.
   */
  scope: string;
  /**
   * The monolith's settings whose default TypeScript 6 changed, stated as its own older compiler reads
   * them (`strict: false` where it never said): the service's tsconfig extends the monolith's and is
   * checked by the service's TypeScript 6, which would otherwise check the same code by other rules.
   */
  olderDefaults: Readonly<Record<string, string | boolean>>;
}

export interface ToolchainInput {
  /** Absolute project folder. */
  root: string;
  /** The monolith's tsconfig relative to root; undefined for none. */
  tsconfig: string | undefined;
  /** The service's files, relative to root. */
  serviceFiles: readonly string[];
  /** Reads a file by its path relative to root ('../x' allowed), undefined when there is none. */
  readFile: (path: string) => string | undefined;
  /**
   * The specifiers the monolith's files import each other with (relative or alias, as written): where its
   * module settings cannot be read, whether they carry '.js' says what Node resolves them with. Default none.
   */
  internalSpecifiers?: readonly string[];
}

const JS_FILE = /\.(c|m)?jsx?$/;

/** The toolchain profile: a pure reading of the files the CLI hands over. */
export function toolchainProfile(input: ToolchainInput): Toolchain {
  const read = (path: string) => input.readFile(path);
  const json = (path: string): Record<string, unknown> | undefined => {
    const text = read(path);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
  // An installed package, here or in a folder above (workspaces hoist them).
  const installed = (name: string): string | undefined => {
    for (let up = ''; up.split('../').length <= 5; up += '../') {
      const version = json(`${up}node_modules/${name}/package.json`)?.version;
      if (typeof version === 'string') return version;
    }
    return undefined;
  };
  const packageType = json('package.json')?.type === 'module' ? 'esm' : 'cjs';
  const typescript = installed('typescript');
  const nodeTypesVersion = installed('@types/node');
  const jest = installed('jest');
  const options = input.tsconfig ? compilerOptions(input.root, input.tsconfig, read) : undefined;
  const scope = options ? compilationScope(input.root, options) : '.';
  const serviceIsJs = input.serviceFiles.length > 0 && input.serviceFiles.every((file) => JS_FILE.test(file));
  const language = !options || serviceIsJs ? 'js' : 'ts';
  const resolution = options?.options.moduleResolution;
  const nodeEsm =
    resolution === ts.ModuleResolutionKind.Node16 ||
    resolution === ts.ModuleResolutionKind.NodeNext ||
    (resolution === undefined &&
      (options?.options.module === ts.ModuleKind.Node16 || options?.options.module === ts.ModuleKind.NodeNext));
  // Stated nowhere it can read (or in a base that is not installed): the package's type and the files' imports decide.
  const unknown = !options || (options.options.module === undefined && resolution === undefined);
  const moduleFormat =
    unknown || nodeEsm
      ? packageType
      : options.options.module !== undefined && options.options.module >= ts.ModuleKind.ES2015
        ? 'esm'
        : 'cjs';
  // A bundler resolves extensionless ESM imports; Node's own ES modules need the extension.
  const nodeResolves = !options || (unknown ? specifiersCarryJs(input.internalSpecifiers ?? []) : nodeEsm);
  const relativeExtension = moduleFormat === 'esm' && nodeResolves ? '.js' : '';
  const types = options?.options.types;
  // TypeScript 6 loads no @types package unless `types` names it.
  const automatic = !types && major(typescript) < 6;
  const nodeTypes = !nodeTypesVersion ? 'missing' : automatic || types?.includes('node') ? 'loaded' : 'reference';
  // @types/node declares `node:` modules from 16 on; Jest resolves them from 28 (earlier ones say ENOENT).
  const nodePrefix = major(nodeTypesVersion) >= 16 && (jest === undefined || major(jest) >= 28) && language === 'ts';
  return {
    language,
    typescript,
    moduleFormat,
    relativeExtension,
    nodePrefix,
    nodeTypes,
    scope: scope === '.' ? (babelSource(json('package.json')?.scripts, input.serviceFiles) ?? '.') : scope,
    olderDefaults: options && major(typescript) > 0 && major(typescript) < 6 ? olderDefaults(options.options) : {},
  };
}

// TypeScript 5's defaults for what 6 changed (strict, module and its resolution, side-effect imports), where unset.
function olderDefaults(options: ts.CompilerOptions): Record<string, string | boolean> {
  const pinned: Record<string, string | boolean> = {};
  if (options.strict === undefined) pinned['strict'] = false;
  if (options.noUncheckedSideEffectImports === undefined) pinned['noUncheckedSideEffectImports'] = false;
  const es2015 = (options.target ?? ts.ScriptTarget.ES5) >= ts.ScriptTarget.ES2015;
  if (options.module === undefined) pinned['module'] = es2015 ? 'es2015' : 'commonjs';
  const commonjs =
    (options.module ?? (es2015 ? ts.ModuleKind.ES2015 : ts.ModuleKind.CommonJS)) === ts.ModuleKind.CommonJS;
  // TypeScript 6 resolves CommonJS imports as a bundler would (package exports first), 5 as Node 10 did.
  if (options.moduleResolution === undefined && commonjs) pinned['moduleResolution'] = 'node10';
  return pinned;
}

// Most of the monolith's own imports end with a JavaScript extension ('./user.js', '#src/db.js').
function specifiersCarryJs(specifiers: readonly string[]): boolean {
  const withJs = specifiers.filter((specifier) => /\.[cm]?jsx?$/.test(specifier)).length;
  return withJs > 0 && withJs * 2 >= specifiers.length;
}

const major = (version: string | undefined) => Number(/^\D*(\d+)/.exec(version ?? '')?.[1] ?? 0);

interface ReadOptions {
  options: ts.CompilerOptions;
  /** The include and files of the tsconfig (or the one it extends), relative to root. */
  include: string[] | undefined;
  files: string[] | undefined;
}

// The tsconfig as the compiler reads it, `extends` included, through the reader only.
function compilerOptions(root: string, tsconfig: string, read: (path: string) => string | undefined): ReadOptions {
  const absolute = (path: string) => posix.relative(root, path);
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    readDirectory: () => [],
    fileExists: (path) => read(absolute(path)) !== undefined,
    readFile: (path) => read(absolute(path)),
  };
  const path = posix.join(root, tsconfig);
  const config = ts.parseConfigFileTextToJson(path, read(tsconfig) ?? '{}').config as object | undefined;
  const parsed = ts.parseJsonConfigFileContent(config ?? {}, host, posix.dirname(path), undefined, path);
  const specs = (parsed.raw ?? {}) as { include?: unknown; files?: unknown };
  const configDir = posix.dirname(tsconfig);
  const relativeList = (value: unknown) =>
    Array.isArray(value) ? value.map((item) => posix.normalize(posix.join(configDir, String(item)))) : undefined;
  // Include and files from an extended config are relative to that config: rare enough to read from this one only.
  return { options: parsed.options, include: relativeList(specs.include), files: relativeList(specs.files) };
}

/**
 * rootDir wins; else, for a build that emits to an outDir, the folder every include (up to its first
 * wildcard) or file shares: a file from outside it would move the output (dist/src/main.js for
 * dist/main.js). A type-check alone takes files from anywhere.
 */
function compilationScope(root: string, read: ReadOptions): string {
  // A rootDir above the project (an Nx workspace's `rootDir: "."` at its root) holds every file of the project.
  if (read.options.rootDir) return containing(posix.relative(root, read.options.rootDir) || '.');
  if (read.options.noEmit || !read.options.outDir) return '.';
  const folders =
    read.include?.map((pattern) => staticFolder(pattern)) ?? read.files?.map((file) => posix.dirname(file));
  if (!folders || folders.length === 0) return '.';
  return containing(folders.reduce(commonFolder));
}

// '.' for a folder the project lies in ('..', '../..'): every project path is inside it.
const containing = (scope: string) => (scope.split('/').every((part) => part === '..') ? '.' : scope);

// 'src/**/*.ts' -> 'src'; 'src' -> 'src'; '*.ts' -> '.'.
function staticFolder(pattern: string): string {
  const parts = pattern.split('/');
  const wild = parts.findIndex((part) => /[*?]/.test(part));
  if (wild === -1) return /\.[cm]?[jt]sx?$/.test(pattern) ? posix.dirname(pattern) : pattern;
  return parts.slice(0, wild).join('/') || '.';
}

function commonFolder(a: string, b: string): string {
  const left = a.split('/');
  const right = b.split('/');
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return left.slice(0, i).join('/') || '.';
}

/** True when a project-relative path lies inside a scope folder. */
export const insideScope = (scope: string, path: string): boolean =>
  scope === '.' || path === scope || path.startsWith(`${scope}/`);
