import { relative, sep } from 'node:path';
import type { Edge, External, Unresolved } from '@seams/graph';
import { autoloadImports } from './autoload-edges.ts';
import type { ResolveMode, ResolveSpecifier } from './create-resolver.ts';
import type { FileFacts } from './facts.ts';
import type { ExportTable } from './trace-barrels.ts';

export interface Linked {
  edges: Edge[];
  externals: External[];
  unresolved: Unresolved[];
  exportTables: Map<string, ExportTable>;
}

const toPosix = sep === '/' ? (p: string) => p : (p: string) => p.split(sep).join('/');

// Resolved paths are absolute and real, like root: inside it, slicing is all `relative` would do.
function relativeTo(root: string, path: string): string {
  return path.startsWith(root + '/') ? path.slice(root.length + 1) : toPosix(relative(root, path));
}

/**
 * Turns the module references of `facts` into edges, externals or unresolved entries; a reference
 * is an edge when its target is among `analysed` (default: the files of `facts`).
 */
export function linkFiles(
  root: string,
  facts: ReadonlyMap<string, FileFacts>,
  resolve: ResolveSpecifier,
  analysed: ReadonlySet<string> | ReadonlyMap<string, unknown> = facts,
): Linked {
  const linked: Linked = { edges: [], externals: [], unresolved: [], exportTables: new Map() };
  for (const [from, file] of facts) {
    // Edges merge per (from, to, kind), so a map per importing file is enough.
    const edgeIndex = new Map<string, Edge>();
    const absolute = `${root}/${from}`;
    // CommonJS files load everything through require, so their package conditions are "require".
    const fileMode: ResolveMode = /\.c[jt]s$/.test(from) ? 'require' : 'import';
    const targets = new Map<string, string | null>();
    const target = (specifier: string): string | null => {
      if (!targets.has(specifier)) {
        const resolution = resolve(absolute, specifier, fileMode);
        targets.set(specifier, resolution.type === 'file' ? relativeOrNull(root, resolution.path, analysed) : null);
      }
      return targets.get(specifier)!;
    };
    // A folder @fastify/autoload loads is as many dynamic imports of its plugin files.
    const autoloads = file.entries?.autoloads;
    const refs = autoloads ? [...file.imports, ...autoloadImports(from, autoloads, analysed.keys())] : file.imports;
    for (const ref of refs) {
      if (ref.computed) {
        linked.unresolved.push({
          from,
          specifier: ref.specifier,
          kind: ref.kind,
          line: ref.line,
          reason: 'computed-specifier',
          detail: 'the module is chosen at run time',
        });
        continue;
      }
      const resolution = resolve(
        absolute,
        ref.specifier,
        ref.kind === 'require' ? 'require' : ref.kind === 'dynamic' ? 'import' : fileMode,
      );
      if (resolution.type === 'external') {
        linked.externals.push({
          from,
          specifier: ref.specifier,
          package: resolution.package,
          builtin: resolution.builtin,
          kind: ref.kind,
          line: ref.line,
          names: ref.names,
        });
      } else if (resolution.type === 'unresolved') {
        linked.unresolved.push({
          from,
          specifier: ref.specifier,
          kind: ref.kind,
          line: ref.line,
          reason: resolution.reason,
          ...(resolution.detail ? { detail: resolution.detail } : {}),
        });
      } else {
        const to = relativeTo(root, resolution.path);
        if (to.startsWith('..')) {
          linked.unresolved.push({
            from,
            specifier: ref.specifier,
            kind: ref.kind,
            line: ref.line,
            reason: 'outside-root',
            detail: resolution.path,
          });
        } else if (!analysed.has(to)) {
          linked.unresolved.push({
            from,
            specifier: ref.specifier,
            kind: ref.kind,
            line: ref.line,
            reason: 'not-analyzed',
            detail: `${to} is not an analysed source file (asset, JSON, ignored or excluded)`,
          });
        } else {
          addEdge(edgeIndex, linked.edges, {
            from,
            to,
            kind: ref.kind,
            specifier: ref.specifier,
            line: ref.line,
            names: ref.names,
          });
        }
      }
    }
    linked.exportTables.set(from, exportTable(file, target));
  }
  return linked;
}

// One edge per (from, to, kind): several statements importing the same file merge their names.
function addEdge(index: Map<string, Edge>, edges: Edge[], edge: Edge): void {
  const key = `${edge.kind}\0${edge.to}`;
  const existing = index.get(key);
  if (!existing) {
    index.set(key, edge);
    edges.push(edge);
    return;
  }
  for (const name of edge.names) if (!existing.names.includes(name)) existing.names.push(name);
  if (edge.line < existing.line) {
    existing.line = edge.line;
    existing.specifier = edge.specifier;
  }
}

function relativeOrNull(root: string, path: string, analysed: { has(path: string): boolean }): string | null {
  const rel = relativeTo(root, path);
  return analysed.has(rel) ? rel : null;
}

function exportTable(file: FileFacts, target: (specifier: string) => string | null): ExportTable {
  const named = new Map<string, { target: string | null; importName: string }>();
  const stars: Array<string | null> = [];
  for (const reexport of file.reexports) {
    if (reexport.exportName === null) stars.push(target(reexport.specifier));
    else named.set(reexport.exportName, { target: target(reexport.specifier), importName: reexport.importName });
  }
  return { local: new Set(file.localExports), named, stars };
}
