// Do the tools see the same graph? Speed means nothing if seams finds fewer edges, so
// for each input we compare local file->file edges (externals, node builtins and
// anything in node_modules left out) and label the differences with a likely cause.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Edge facts that help explain a difference; any of them may be unknown. */
export type EdgeInfo = { specifier?: string; kinds: Set<string> };
export type EdgeSet = {
  tool: string;
  /** "from\0to" -> what the tool said about it. */
  edges: Map<string, EdgeInfo>;
  /** Files the tool put in its graph; an edge missing because its file is missing is a different story. */
  files: Set<string>;
};

const key = (from: string, to: string): string => `${from}\0${to}`;
const norm = (p: string): string => p.replace(/\\/g, '/').replace(/^\.\//, '');
const isExternalPath = (p: string): boolean => /(^|\/)node_modules\//.test(p);

function add(set: EdgeSet, from: string, to: string, specifier: string | undefined, kinds: string[]): void {
  const k = key(norm(from), norm(to));
  const info = set.edges.get(k) ?? { kinds: new Set<string>() };
  if (specifier && !info.specifier) info.specifier = specifier;
  for (const kind of kinds) info.kinds.add(kind);
  set.edges.set(k, info);
}

type DepcruiseDep = {
  resolved: string;
  module: string;
  coreModule?: boolean;
  couldNotResolve?: boolean;
  dependencyTypes?: string[];
  dynamic?: boolean;
};
type DepcruiseResult = {
  modules: Array<{ source: string; coreModule?: boolean; couldNotResolve?: boolean; dependencies: DepcruiseDep[] }>;
};

export function depcruiseEdges(file: string): EdgeSet {
  const set: EdgeSet = { tool: 'depcruise', edges: new Map(), files: new Set() };
  const result = JSON.parse(readFileSync(file, 'utf8')) as DepcruiseResult;
  for (const m of result.modules) {
    if (m.coreModule || m.couldNotResolve || isExternalPath(m.source)) continue;
    set.files.add(norm(m.source));
    for (const d of m.dependencies) {
      if (d.coreModule || d.couldNotResolve || isExternalPath(d.resolved)) continue;
      if (
        d.dependencyTypes?.some((t) => t.startsWith('npm') || t === 'core' || t === 'unknown' || t === 'undetermined')
      )
        continue;
      add(set, m.source, d.resolved, d.module, d.dependencyTypes ?? []);
    }
  }
  return set;
}

export function madgeEdges(file: string, dir: string): EdgeSet {
  const set: EdgeSet = { tool: 'madge', edges: new Map(), files: new Set() };
  const result = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
  for (const [from, deps] of Object.entries(result)) {
    if (isExternalPath(from)) continue;
    set.files.add(norm(from));
    // madge lists what it could not resolve as bare names too; only real local files count.
    for (const to of deps) if (!isExternalPath(to) && existsSync(join(dir, to))) add(set, from, to, undefined, []);
  }
  return set;
}

type SeamsGraph = {
  files: Array<{ path: string }>;
  edges: Array<{ from: string; to: string; kind: string; specifier: string }>;
};

export function seamsEdges(file: string): EdgeSet {
  const set: EdgeSet = { tool: 'seams', edges: new Map(), files: new Set() };
  const graph = JSON.parse(readFileSync(file, 'utf8')) as SeamsGraph;
  for (const f of graph.files) set.files.add(norm(f.path));
  for (const e of graph.edges) if (!isExternalPath(e.to)) add(set, e.from, e.to, e.specifier, [e.kind]);
  return set;
}

export type Example = { from: string; to: string; specifier?: string; cause: string };
export type Difference = { count: number; causes: Record<string, number>; examples: Example[] };
export type Agreement = {
  baseline: string;
  /** The tool checked against the baseline: seams, or madge when seams has no graph. */
  subject: string;
  baselineEdges: number;
  subjectEdges: number;
  both: number;
  onlyBaseline: Difference;
  onlySubject: Difference;
  /** Share of the baseline's edges that the subject also reports. */
  recall: number;
};

const EXAMPLES_PER_CLASS = 5;

export function compare(baseline: EdgeSet, subject: EdgeSet, dir: string, hints: EdgeSet[] = []): Agreement {
  let both = 0;
  for (const k of baseline.edges.keys()) if (subject.edges.has(k)) both++;
  // Either side may lack the specifier or kind (madge gives neither): borrow them from
  // the other side or from any other tool's graph (`hints`) that has the same edge.
  const sources = [baseline, subject, ...hints];
  const lookup = (k: string): EdgeInfo => {
    const infos = sources.map((s) => s.edges.get(k)).filter((x) => x !== undefined);
    return { specifier: infos.find((i) => i.specifier)?.specifier, kinds: new Set(infos.flatMap((i) => [...i.kinds])) };
  };
  const diff = (from: EdgeSet, other: EdgeSet): Difference => {
    const d: Difference = { count: 0, causes: {}, examples: [] };
    const perCause: Record<string, number> = {};
    for (const k of from.edges.keys()) {
      if (other.edges.has(k)) continue;
      d.count++;
      const [src, dst] = k.split('\0') as [string, string];
      const info = lookup(k);
      let specifier = info.specifier;
      if (specifier === undefined) {
        const guess = guessImport(dir, src, dst);
        specifier = guess.specifier;
        if (guess.kind && info.kinds.size === 0) info.kinds.add(guess.kind);
      }
      const cause = classify(src, dst, specifier, info.kinds, other);
      d.causes[cause] = (d.causes[cause] ?? 0) + 1;
      perCause[cause] = (perCause[cause] ?? 0) + 1;
      // Up to five examples of each cause, so rare causes are shown too.
      if (perCause[cause] <= EXAMPLES_PER_CLASS)
        d.examples.push({ from: src, to: dst, ...(specifier ? { specifier } : {}), cause });
    }
    return d;
  };
  return {
    baseline: baseline.tool,
    subject: subject.tool,
    baselineEdges: baseline.edges.size,
    subjectEdges: subject.edges.size,
    both,
    onlyBaseline: diff(baseline, subject),
    onlySubject: diff(subject, baseline),
    recall: baseline.edges.size === 0 ? 1 : both / baseline.edges.size,
  };
}

/** A label for why one tool has an edge the other lacks; several facts joined by '+'. */
export function classify(
  from: string,
  to: string,
  specifier: string | undefined,
  kinds: Set<string>,
  other: EdgeSet,
): string {
  if (!other.files.has(from)) return `importer not in ${other.tool}'s files`;
  // What kind of import it is usually explains more than how its specifier looks: list that first.
  const labels: string[] = [];
  for (const k of kinds) {
    if (k === 'type-only' || k === 'type') labels.push('type-only');
    // depcruise's name for `import('./x').T` in a type position (a TSImportType node).
    else if (k === 'type-import') labels.push("import('x').T type expression");
    else if (k === 'dynamic-import' || k === 'dynamic') labels.push('dynamic import');
    else if (k === 'require' || k === 'import-equals') labels.push('require');
    else if (k === 'export' || k === 'reexport') labels.push('re-export');
    else if (k.startsWith('triple-slash')) labels.push('triple-slash directive');
    else if (k.startsWith('jsdoc')) labels.push('jsdoc import');
    else if (k.startsWith('amd')) labels.push('amd');
  }
  if (!other.files.has(to)) labels.push(`target not in ${other.tool}'s files`);
  if (/\.d\.[cm]?ts$/.test(to)) labels.push('.d.ts target');
  if (/\.json$/.test(to)) labels.push('json file');
  const s = specifier ?? '';
  if (specifier === undefined) labels.push('specifier unknown');
  else if (/\.[cm]?jsx?$/.test(s) && /\.[cm]?tsx?$/.test(to)) labels.push('.js->.ts import');
  if (s && !s.startsWith('.') && !s.startsWith('/'))
    labels.push('bare specifier (tsconfig alias / workspace package / self-reference)');
  if (s && /\/index\.[cm]?[jt]sx?$/.test(to) && !/(^|\/)index(\.[cm]?[jt]sx?)?$/.test(s))
    labels.push('directory index');
  return labels.length > 0 ? [...new Set(labels)].join(' + ') : 'plain relative import';
}

const fileCache = new Map<string, string>();

// An import-like statement up to its quoted specifier, plus what follows a closing paren
// (`import('./x').T` in a type position is a TSImportType, not a dynamic import).
const IMPORT_RE =
  /(import\s+type\b[^'"`;]*?\bfrom|export\s+type\b[^'"`;]*?\bfrom|export\b[^'"`;]*?\bfrom|import\b[^'"`;()]*?\bfrom|import\s*\(|require\s*\(|import)\s*['"]([^'"]+)['"](\s*\)\s*\.\s*[A-Za-z_$])?/g;

/**
 * madge gives no specifiers or kinds, and when no other tool has the edge either, find
 * the statement in the importer that names the target and read both off the text.
 */
function guessImport(dir: string, from: string, to: string): { specifier?: string; kind?: string } {
  let text = fileCache.get(from);
  if (text === undefined) {
    try {
      text = readFileSync(join(dir, from), 'utf8');
    } catch {
      text = '';
    }
    if (fileCache.size > 2000) fileCache.clear();
    fileCache.set(from, text);
  }
  const base = to
    .split('/')
    .pop()!
    .replace(/\.d\.[cm]?ts$|\.[^.]+$/, '');
  const parent = to.split('/').slice(-2, -1)[0] ?? '';
  for (const m of text.matchAll(IMPORT_RE)) {
    const last = m[2]!
      .split('/')
      .pop()!
      .replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
    if (last !== base && !(base === 'index' && last === parent)) continue;
    const head = m[1]!;
    const kind = /^(import|export)\s+type\b/.test(head)
      ? 'type'
      : head.startsWith('export')
        ? 'reexport'
        : head.startsWith('require')
          ? 'require'
          : head.startsWith('import') && head.includes('(')
            ? m[3]
              ? 'type-import'
              : 'dynamic'
            : undefined;
    return { specifier: m[2], ...(kind ? { kind } : {}) };
  }
  return {};
}
