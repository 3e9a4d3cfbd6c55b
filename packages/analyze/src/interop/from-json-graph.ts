import { EDGE_KINDS, FormatError, USE_CASE_KINDS, type EdgeKind, type UseCase } from '@seams/graph';
import { compare, createCollector, type ForeignParts } from './foreign-parts.ts';

type Id = string | number;
type Node = Id | { id?: Id; name?: Id; label?: Id };
interface JsonEdge {
  source?: Id;
  target?: Id;
  from?: Id;
  to?: Id;
  weight?: unknown;
  kind?: unknown;
}
interface JsonUseCase {
  id?: Id;
  kind?: unknown;
  nodes?: Id[];
  files?: Id[];
  weight?: unknown;
}

/**
 * Any language's dependency graph, documented in docs/graph-format.md ("Bring your own graph"):
 * `{ nodes: [id | {id}], edges: [{ source, target, weight?, kind? }], useCases?: [{ id, nodes, weight? }] }`.
 * Ids may be strings or numbers; a node's `name` (or `label`) names its file when given; `from`/`to` stand for
 * `source`/`target`; repeated edges add up.
 */
export function fromJsonGraph(json: unknown, file: string): ForeignParts {
  const graph = json as { nodes: Node[]; edges: JsonEdge[]; useCases?: unknown };
  if (!Array.isArray(graph.nodes) || !Array.isArray(graph.edges))
    throw new FormatError('SEAMS_IMPORT_FORMAT_UNKNOWN', `${file}: a JSON graph needs "nodes" and "edges" arrays`);
  const fail = (message: string): never => {
    throw new FormatError('SEAMS_IMPORT_FORMAT_UNKNOWN', `${file}: ${message}`);
  };
  const collect = createCollector();
  // A node's path is its name (`{ id: 7, name: 'com.shop.OrderService' }`), else its id; edges name it by id.
  const pathOf = new Map<string, string>();
  graph.nodes.forEach((node, i) => {
    const id = isId(node) ? node : (node?.id ?? node?.name ?? node?.label);
    if (!isId(id)) fail(`nodes[${i}] needs an "id" (a string or a number)`);
    const name = isId(node) ? undefined : (node.name ?? node.label);
    const path = String(isId(name) ? name : id);
    pathOf.set(String(id), path);
    collect.file(path);
  });
  const path = (id: Id) => pathOf.get(String(id)) ?? String(id);
  graph.edges.forEach((edge, i) => {
    const from = edge?.source ?? edge?.from;
    const to = edge?.target ?? edge?.to;
    if (!isId(from) || !isId(to)) fail(`edges[${i}] needs "source" and "target" (strings or numbers)`);
    if (edge.weight !== undefined && !isPositive(edge.weight)) fail(`edges[${i}].weight must be a positive number`);
    if (edge.kind !== undefined && !(EDGE_KINDS as readonly unknown[]).includes(edge.kind))
      fail(`edges[${i}].kind must be one of ${EDGE_KINDS.join(', ')}`);
    collect.file(path(from!));
    collect.file(path(to!));
    collect.edge({
      from: path(from!),
      to: path(to!),
      kind: (edge.kind as EdgeKind | undefined) ?? 'import',
      specifier: path(to!),
      line: 0,
      names: [],
      ...(edge.weight !== undefined ? { weight: edge.weight as number } : {}),
    });
  });
  const parts = collect.parts();
  if (graph.useCases !== undefined) parts.useCases = useCasesOf(graph.useCases, path, fail);
  return parts;
}

// A traced use case names the nodes it exercised; sorted like the nodes, so node order cannot matter.
function useCasesOf(json: unknown, path: (id: Id) => string, fail: (message: string) => never): UseCase[] {
  if (!Array.isArray(json)) fail('"useCases" must be an array');
  const useCases = (json as JsonUseCase[]).map((useCase, i): UseCase => {
    if (!isId(useCase?.id)) fail(`useCases[${i}] needs an "id"`);
    const kind = useCase.kind ?? 'trace';
    if (!(USE_CASE_KINDS as readonly unknown[]).includes(kind))
      fail(`useCases[${i}].kind must be one of ${USE_CASE_KINDS.join(', ')}`);
    const nodes = useCase.nodes ?? useCase.files;
    if (!Array.isArray(nodes) || !nodes.every(isId)) fail(`useCases[${i}] needs "nodes": the node ids it exercises`);
    if (useCase.weight !== undefined && !isPositive(useCase.weight))
      fail(`useCases[${i}].weight must be a positive number`);
    return {
      id: String(useCase.id),
      kind: kind as UseCase['kind'],
      files: [...new Set(nodes.map(path))].sort(compare),
      ...(useCase.weight !== undefined ? { weight: useCase.weight as number } : {}),
    };
  });
  return useCases.sort((a, b) => compare(a.id, b.id));
}

const isId = (value: unknown): value is Id =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
const isPositive = (value: unknown) => typeof value === 'number' && value > 0;
