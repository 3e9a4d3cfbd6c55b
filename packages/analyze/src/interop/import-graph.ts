import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FormatError, GRAPH_VERSION, InputError, SEAMS_VERSION, type Graph } from '@seams/graph';
import { fromDepcruise } from './from-depcruise.ts';
import { fromEdgeList } from './from-edge-list.ts';
import { fromJsonGraph } from './from-json-graph.ts';
import { fromMadge } from './from-madge.ts';
import type { ForeignParts } from './foreign-parts.ts';

export type ForeignFormat = 'madge' | 'depcruise' | 'edgelist' | 'json-graph';

/**
 * Reads madge's or dependency-cruiser's JSON, a generic JSON graph, or a `from<TAB>to` edge list, into a seams graph.
 */
export function importGraph(file: string, format?: ForeignFormat): Graph {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(
      'SEAMS_INPUT_NOT_FOUND',
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code}): pass a madge --json, depcruise --output-type json or from<TAB>to file.`,
    );
  }
  const detected = format ?? detectFormat(text, file);
  const parts = detected === 'edgelist' ? fromEdgeList(text, file) : parseJson(text, file, detected);
  return {
    version: GRAPH_VERSION,
    tool: { name: 'seams', version: SEAMS_VERSION },
    source: detected,
    root: resolve(dirname(file)),
    files: parts.files,
    edges: parts.edges,
    externals: parts.externals,
    unresolved: parts.unresolved,
    parseErrors: [],
    workspaces: [],
    timings: {},
    ...(parts.useCases && parts.useCases.length > 0 ? { useCases: parts.useCases } : {}),
  };
}

function detectFormat(text: string, file: string): ForeignFormat {
  const start = text.trimStart()[0];
  if (start !== '{') return 'edgelist';
  const format = jsonFormatOf(safeJson(text, file));
  if (format) return format;
  throw new FormatError(
    'SEAMS_IMPORT_FORMAT_UNKNOWN',
    `${file} is JSON but neither madge --json output, dependency-cruiser's json nor a {nodes, edges} graph; pass --from-format.`,
  );
}

function jsonFormatOf(json: unknown): Exclude<ForeignFormat, 'edgelist'> | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  if (Array.isArray((json as { modules?: unknown }).modules)) return 'depcruise';
  if (Array.isArray((json as { nodes?: unknown }).nodes) && Array.isArray((json as { edges?: unknown }).edges))
    return 'json-graph';
  if (Object.values(json).every((v) => Array.isArray(v))) return 'madge';
  return undefined;
}

/**
 * The foreign format a file already read as JSON (or as text, when it is not JSON) is in, if it is one
 * `importGraph` reads: so a command handed such a file can say that `analyze --from` comes first.
 */
export function foreignFormatOf(content: { json: unknown } | { text: string }): ForeignFormat | undefined {
  if ('json' in content) return jsonFormatOf(content.json);
  const lines = content.text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  return lines.length > 0 && lines.every((line) => line.includes('\t')) ? 'edgelist' : undefined;
}

function parseJson(text: string, file: string, format: Exclude<ForeignFormat, 'edgelist'>): ForeignParts {
  const json = safeJson(text, file);
  if (format === 'madge') return fromMadge(json, file);
  return format === 'depcruise' ? fromDepcruise(json, file) : fromJsonGraph(json, file);
}

function safeJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FormatError('SEAMS_IMPORT_FORMAT_UNKNOWN', `${file} is not valid JSON: ${(error as Error).message}`);
  }
}
