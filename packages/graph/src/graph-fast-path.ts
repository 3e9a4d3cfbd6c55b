import {
  isBoolean,
  isCount,
  isPlain,
  isPositive,
  isString,
  isStringArray,
  objectGuard,
  oneOf,
  recordOf,
} from './fast-guards.ts';
import {
  Edge,
  EDGE_KINDS,
  External,
  FileNode,
  Graph,
  ParseErrorEntry,
  UNRESOLVED_REASONS,
  Unresolved,
  Workspace,
} from './schema.ts';

const kind = oneOf(EDGE_KINDS);
const line = isCount;

// The graph's long lists: what the schema takes longest over (about 0.3 s on 50,000 files, a third of reading it).
const LISTS = {
  files: objectGuard(FileNode, {
    path: isString,
    language: oneOf(FileNode.shape.language.options),
    dts: isBoolean,
    loc: isCount,
    exports: isStringArray,
    package: isString,
  }),
  edges: objectGuard(Edge, {
    from: isString,
    to: isString,
    kind,
    specifier: isString,
    line,
    names: isStringArray,
    providers: recordOf(isString),
    providedAs: recordOf(isString),
    weight: isPositive,
  }),
  externals: objectGuard(External, {
    from: isString,
    specifier: isString,
    package: isString,
    builtin: isBoolean,
    kind,
    line,
    names: isStringArray,
  }),
  unresolved: objectGuard(Unresolved, {
    from: isString,
    specifier: isString,
    kind,
    line,
    reason: oneOf(UNRESOLVED_REASONS),
    detail: isString,
  }),
  parseErrors: objectGuard(ParseErrorEntry, { path: isString, message: isString, line }),
  workspaces: objectGuard(Workspace, { name: isString, path: isString }),
} as const;

type ListKey = keyof typeof LISTS;
const listKeys = Object.keys(LISTS) as ListKey[];
const isListKey = (key: string): key is ListKey => Object.hasOwn(LISTS, key);
// The rest of the graph (its header, history, data, use cases) goes through the schema.
const Rest = Graph.omit({
  files: true,
  edges: true,
  externals: true,
  unresolved: true,
  parseErrors: true,
  workspaces: true,
});

/**
 * The graph JSON as the schema would give it back, checked without the schema where the lists are long, or
 * undefined when anything is not plainly valid (the caller then runs the schema, which says what is wrong).
 *
 * For what `JSON.parse` gives (plain objects and arrays, no accessors, symbols or hidden properties): every list
 * element is checked field by field as the schema checks it, and used as it is when the schema would return the same
 * (plain, only its own fields, in the schema's key order); anything else is left to the schema.
 */
export function graphAsParsed(json: unknown): Graph | undefined {
  if (!isPlain(json)) return undefined;
  for (const key of listKeys) {
    const list = json[key];
    if (!Array.isArray(list)) return undefined;
    const guard = LISTS[key];
    for (let i = 0; i < list.length; i++) if (!guard(list[i])) return undefined;
  }
  const rest = Rest.safeParse(json);
  if (!rest.success) return undefined;
  const parsed: Record<string, unknown> = {};
  const restData = rest.data as Record<string, unknown>;
  for (const key of Object.keys(Graph.shape)) {
    if (isListKey(key)) parsed[key] = json[key];
    else if (key in restData) parsed[key] = restData[key];
  }
  return parsed as Graph;
}
