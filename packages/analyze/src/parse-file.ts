import * as oxc from 'oxc-parser';
import { createDataWalker, type DataWalker } from './data/walk.ts';
import { createEntryWalker, type EntryWalker } from './entry-points/find-entry-points.ts';
import type { FileFacts, ImportFact } from './facts.ts';
import { countImportCalls } from './import-keywords.ts';
import { languageOf } from './language-of.ts';
import { indexLines, type LineIndex } from './line-index.ts';
import { createCommonJsWalker, type CommonJsWalker } from './read-commonjs.ts';
import { createTriggerScan } from './trigger-scan.ts';

// Shapes of oxc-parser's lazily deserialised module record (raw-transfer lazy mode).
interface NameSpan {
  value: string;
  start: number;
  end: number;
}
type ImportName = NameSpan | 'namespaceObject' | { start: number; end: number };
interface LazyImport {
  start: number;
  moduleRequest: NameSpan;
  entries: Array<{ importName: ImportName; localName: NameSpan; isType: boolean }>;
}
type ExportPart = NameSpan | string | { start: number; end: number };
interface LazyExport {
  start: number;
  entries: Array<{
    start: number;
    moduleRequest: NameSpan | null;
    importName: ExportPart;
    exportName: ExportPart;
    localName: ExportPart;
    isType: boolean;
  }>;
}
interface LazyResult {
  module: {
    staticImports: LazyImport[];
    staticExports: LazyExport[];
    dynamicImports: Array<{ start: number; moduleRequest: { start: number; end: number } }>;
  };
  comments: Array<{ start: number; end: number }>;
  errors: Array<{ message: string; labels: Array<{ start: number }> }>;
  program: object;
  visit(visitor: unknown): void;
  dispose(): void;
}

const { parseSync } = oxc;

const TRIPLE_SLASH = /^[ \t]*\/\/\/[ \t]*<reference[ \t]+(path|types)[ \t]*=[ \t]*(["'])([^"'\n]+)\2/gm;
// A require call, or a CommonJS export: `exports.x =`, `module.exports =`, `module.exports.x =`.
const COMMONJS = createTriggerScan([String.raw`(?<![.\w$])require\s*\(`, String.raw`(?<![\w$])exports\s*[.=]`]);

const isName = (part: unknown): part is NameSpan => typeof part === 'object' && part !== null && 'value' in part;

/** The AST walkers of one analyze run (or one worker): each builds its visitors once, not once per file. */
export interface FileWalkers {
  commonJs: CommonJsWalker;
  data: DataWalker;
  entries: EntryWalker;
}

export const createFileWalkers = (): FileWalkers => ({
  commonJs: createCommonJsWalker(),
  data: createDataWalker(),
  entries: createEntryWalker(),
});

/** Extracts every module reference, export and the line count of one source text. Never throws on bad syntax. */
export function parseFile(path: string, text: string, walkers: FileWalkers = createFileWalkers()): FileFacts {
  const { language, dts } = languageOf(path);
  const sourceType =
    path.endsWith('.cjs') || path.endsWith('.cts')
      ? 'commonjs'
      : path.endsWith('.mjs') || path.endsWith('.mts') || language.startsWith('ts')
        ? 'module'
        : 'unambiguous';
  // JSX is common in .js files; parsing them as jsx accepts both.
  const { lang, result } = parseTyped(path, text, dts ? 'dts' : language === 'js' ? 'jsx' : language, sourceType);
  try {
    const lines = indexLines(text, result.comments);
    const facts: FileFacts = { language, dts, loc: lines.loc, imports: [], localExports: [], reexports: [] };
    readStaticImports(result.module.staticImports, lines, facts.imports);
    readExports(result.module.staticExports, lines, facts);
    readDynamicImports(text, result.module.dynamicImports, lines, facts.imports);
    if (text.includes('<reference')) readTripleSlash(text, lines, facts.imports);
    // Walking the AST costs more than parsing: only files with a require call or a CommonJS export, or more
    // `import(` than dynamic imports (so `import('./x').T` type expressions), need it.
    const typeImports = lang !== 'jsx' && countImportCalls(text) > result.module.dynamicImports.length;
    if (typeImports || COMMONJS.test(text)) {
      const commonJs = walkers.commonJs.read(result, text, lines);
      facts.imports.push(...commonJs.imports);
      for (const name of commonJs.localExports) if (!facts.localExports.includes(name)) facts.localExports.push(name);
      facts.reexports.push(...commonJs.reexports);
    }
    // Each data detector's cheap text test decides whether this file is walked for table accesses at all.
    const { accesses, models } = walkers.data.find(result, text, lines);
    if (accesses.length > 0) facts.data = accesses;
    if (models.length > 0) facts.models = models;
    // Likewise each entry-point detector's text test decides whether the file is walked for routes, jobs...
    const entries = walkers.entries.find(result, text, lines);
    if (entries) facts.entries = entries;
    const error = result.errors[0];
    if (error)
      facts.error = { message: error.message, line: error.labels[0] ? lines.lineOf(error.labels[0].start) : 1 };
    return facts;
  } finally {
    result.dispose();
  }
}

type Lang = 'dts' | 'ts' | 'tsx' | 'jsx';
const parseAs = (path: string, text: string, lang: Lang, sourceType: string): LazyResult =>
  parseSync(path, text, { lang, sourceType, experimentalLazy: true } as never) as unknown as LazyResult;
const firstError = (result: LazyResult) => result.errors[0]?.labels[0]?.start ?? 0;

/**
 * Parses a file; a `.js`/`.jsx` file that fails as JavaScript is tried again as TypeScript, since type annotations
 * in JavaScript files (Flow's `function f(x: T): U`, `import type`, generics, stripped by a build step) are
 * mostly TypeScript's syntax. A file failing every way keeps the parse that read furthest, for its imports.
 */
function parseTyped(path: string, text: string, lang: Lang, sourceType: string): { lang: Lang; result: LazyResult } {
  let best = { lang, result: parseAs(path, text, lang, sourceType) };
  if (lang !== 'jsx' || best.result.errors.length === 0) return best;
  for (const retry of ['tsx', 'ts'] as const) {
    const result = parseAs(path, text, retry, sourceType);
    if (result.errors.length === 0 || firstError(result) > firstError(best.result)) {
      best.result.dispose();
      best = { lang: retry, result };
      if (result.errors.length === 0) break;
    } else result.dispose();
  }
  return best;
}

function readStaticImports(imports: LazyImport[], lines: LineIndex, out: ImportFact[]): void {
  for (const statement of imports) {
    const specifier = statement.moduleRequest.value;
    // Error recovery can leave an empty specifier behind; it refers to nothing.
    if (specifier === '') continue;
    const names: string[] = [];
    let allTypes = statement.entries.length > 0;
    for (const entry of statement.entries) {
      const name =
        entry.importName === 'namespaceObject' ? '*' : isName(entry.importName) ? entry.importName.value : 'default';
      names.push(name);
      if (!entry.isType) allTypes = false;
    }
    out.push({ specifier, kind: allTypes ? 'type' : 'import', names, line: lines.lineOf(statement.start) });
  }
}

function readExports(exports: LazyExport[], lines: LineIndex, facts: FileFacts): void {
  for (const statement of exports) {
    const bySpecifier = new Map<string, ImportFact>();
    for (const entry of statement.entries) {
      const exportName = isName(entry.exportName)
        ? entry.exportName.value
        : typeof entry.exportName === 'object'
          ? 'default'
          : null;
      if (entry.moduleRequest) {
        const specifier = entry.moduleRequest.value;
        const importName = isName(entry.importName) ? entry.importName.value : '*';
        facts.reexports.push({ specifier, importName, exportName });
        // `import { a } from './a'; export { a }` is an indirect export: its module reference is the import's, already
        // recorded.
        if (entry.moduleRequest.start < entry.start) continue;
        let fact = bySpecifier.get(specifier);
        if (!fact) {
          fact = { specifier, kind: 'type', names: [], line: lines.lineOf(statement.start) };
          bySpecifier.set(specifier, fact);
          facts.imports.push(fact);
        }
        fact.names.push(importName);
        if (!entry.isType) fact.kind = 'reexport';
        continue;
      }
      if (exportName !== null) facts.localExports.push(exportName);
    }
  }
}

function readDynamicImports(
  text: string,
  imports: LazyResult['module']['dynamicImports'],
  lines: LineIndex,
  out: ImportFact[],
): void {
  for (const call of imports) {
    const raw = text.slice(call.moduleRequest.start, call.moduleRequest.end).trim();
    const literal = /^(['"])([^'"\\]*)\1$/.exec(raw) ?? /^(`)([^`$\\]*)`$/.exec(raw);
    const line = lines.lineOf(call.start);
    if (literal) out.push({ specifier: literal[2]!, kind: 'dynamic', names: ['*'], line });
    else out.push({ specifier: raw, kind: 'dynamic', names: ['*'], line, computed: true });
  }
}

// `/// <reference path>` pulls a file into the program and `types` a package's types: both are type-level dependencies.
function readTripleSlash(text: string, lines: LineIndex, out: ImportFact[]): void {
  for (const match of text.matchAll(TRIPLE_SLASH)) {
    const specifier = match[1] === 'path' && !/^\.{0,2}\//.test(match[3]!) ? `./${match[3]}` : match[3]!;
    out.push({ specifier, kind: 'type', names: [], line: lines.lineOf(match.index) });
  }
}
