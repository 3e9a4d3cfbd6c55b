import { posix } from 'node:path';
import { UndirectedGraph } from 'graphology';
import { runLouvain } from '@seams/boundaries';
import type { Graph } from '@seams/graph';
import { nameWords } from './truths.ts';

/**
 * What the field starts from: graphology's Louvain on the raw, unweighted import graph. No signals, no shared kernel.
 */
export function plainLouvain(graph: Graph, seed: number): Map<string, string> {
  const g = new UndirectedGraph();
  for (const file of graph.files) g.addNode(file.path);
  for (const edge of graph.edges)
    if (edge.from !== edge.to && !g.hasEdge(edge.from, edge.to)) g.addEdge(edge.from, edge.to, { weight: 1 });
  return new Map([...runLouvain(g, 1, seed)].map(([file, label]) => [file, String(label)]));
}

/**
 * Copying the folder tree: each file's service is its parent folder. Right on package-by-feature code, wrong on layered
 * code.
 */
export function parentFolder(graph: Graph): Map<string, string> {
  return new Map(graph.files.map((file) => [file.path, posix.dirname(file.path)]));
}

/**
 * Grouping by name stem: `order.service.ts` and `models/order.ts` -> `order` (the file name cut at its first dot,
 * singular, technical words dropped; an `index` file takes its folder's name). Right on layered code, wrong on folders
 * of verbs.
 */
export function nameStem(graph: Graph): Map<string, string> {
  return new Map(
    graph.files.map((file) => {
      const base = posix.basename(file.path);
      const words = nameWords(base.startsWith('index.') ? posix.basename(posix.dirname(file.path)) : base);
      return [file.path, words.join('-') || file.path];
    }),
  );
}
