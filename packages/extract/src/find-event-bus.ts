import { creditedTargets, type Graph } from '@seams/graph';
import type { ServiceApi } from './service-api.ts';

/** The monolith's in-process event bus as the service's code uses it, and where it publishes and subscribes. */
export interface EventBusUse {
  /** The imported binding, e.g. `eventBus`. */
  binding: string;
  method: string;
  /** The file the monolith declares it in. */
  file: string;
  publishes: Array<{ file: string; line: number }>;
  /**
   * The event types published, when every publish names its type as a literal (\`{ type: 'payment.captured', ... }\`).
   */
  types?: string[];
  subscribes: Array<{ file: string; line: number }>;
}

const PUBLISH = /\b([A-Za-z_$][\w$]*)\.(publish|emit|dispatch)\(/g;
const SUBSCRIBE = /\b([A-Za-z_$][\w$]*)\.(subscribe|on|addListener)\(/g;

/**
 * Finds calls like `eventBus.publish(...)` on a binding the service imports from outside itself:
 * after extraction those events are published in another process, where the monolith's
 * subscribers never see them, unless the facade relays them back.
 */
export function findEventBus(
  api: ServiceApi,
  graph: Pick<Graph, 'edges'>,
  readFile: (path: string) => string,
): EventBusUse | undefined {
  const members = new Set(api.files);
  const edgesFrom = edgesByImporter(graph, members);
  const candidates = new Map<string, EventBusUse>();
  const typesSeen = new Map<EventBusUse, Array<string | undefined>>();
  for (const file of api.files) {
    const text = readFile(file);
    const imported = (binding: string) => declaringFile(edgesFrom.get(file) ?? [], binding, (to) => !members.has(to));
    for (const match of text.matchAll(PUBLISH)) {
      const [, binding, method] = match as unknown as [string, string, string];
      const declared = imported(binding);
      if (!declared) continue;
      const key = `${declared}#${binding}#${method}`;
      const use =
        candidates.get(key) ??
        candidates.set(key, { binding, method, file: declared, publishes: [], subscribes: [] }).get(key)!;
      use.publishes.push({ file, line: lineOf(text, match.index) });
      typesSeen.set(use, [...(typesSeen.get(use) ?? []), literalType(text, match.index + match[0].length)]);
    }
  }
  const bus = [...candidates.values()].sort((a, b) => b.publishes.length - a.publishes.length)[0];
  if (!bus) return undefined;
  const types = typesSeen.get(bus) ?? [];
  const named = types.filter((type): type is string => type !== undefined);
  if (named.length === types.length) bus.types = [...new Set(named)].sort();
  for (const file of api.files) {
    const text = readFile(file);
    for (const match of text.matchAll(SUBSCRIBE))
      if (match[1] === bus.binding) bus.subscribes.push({ file, line: lineOf(text, match.index) });
  }
  return bus;
}

// The type of an event published as an object literal whose first field is its type, else undefined.
const literalType = (text: string, from: number): string | undefined =>
  /^\s*\{\s*type\s*:\s*(['"])([^'"\n]+)\1/.exec(text.slice(from, from + 200))?.[2];

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** The edges leaving each of `files`, gathered in one pass over the graph. */
export function edgesByImporter(graph: Pick<Graph, 'edges'>, files: ReadonlySet<string>): Map<string, Graph['edges']> {
  const byFile = new Map<string, Graph['edges']>();
  for (const edge of graph.edges)
    if (files.has(edge.from)) (byFile.get(edge.from) ?? byFile.set(edge.from, []).get(edge.from)!).push(edge);
  return byFile;
}

/** The file that declares `name` as one of these edges imports it (barrels credited), if `accept` takes it. */
export function declaringFile(
  edges: Graph['edges'],
  name: string,
  accept: (file: string) => boolean = () => true,
): string | undefined {
  for (const edge of edges) {
    if (!edge.names.includes(name)) continue;
    // A barrel may rename what it forwards: the provider is credited under its own export name.
    const declared = edge.providedAs?.[name] ?? name;
    for (const [to, names] of creditedTargets(edge)) if (names.includes(declared) && accept(to)) return to;
  }
  return undefined;
}
