import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph } from '@seams/graph';

/**
 * The files only a browser bundle loads, read from the analysed project's bundler config and package.json: what
 * boundaries sets apart as `browser`. A graph whose root is not at hand (moved, another machine) gives none.
 */
export async function browserCode(graph: Pick<Graph, 'root' | 'files' | 'edges'>): Promise<Set<string>> {
  const { browserFiles } = await import('@seams/extract');
  return browserFiles(graph, (path) => readFileSync(join(graph.root, path), 'utf8')).only;
}
