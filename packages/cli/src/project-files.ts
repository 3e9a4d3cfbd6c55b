import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BoundaryOptions } from '@seams/boundaries';
import type { Graph } from '@seams/graph';

/**
 * What boundaries learns from the analysed project beyond its graph: the files only a browser bundle loads (from the
 * bundler's config and package.json) and package.json itself (the files its scripts run). A graph whose root is not
 * at hand (moved, another machine) gives neither.
 */
export async function projectFiles(
  graph: Pick<Graph, 'root' | 'files' | 'edges'>,
): Promise<Pick<BoundaryOptions, 'browser' | 'manifest'>> {
  const read = (path: string) => readFileSync(join(graph.root, path), 'utf8');
  const { browserFiles } = await import('@seams/extract/browser-files');
  let manifest: BoundaryOptions['manifest'];
  try {
    const parsed: unknown = JSON.parse(read('package.json'));
    if (parsed && typeof parsed === 'object') manifest = parsed;
  } catch {
    // No package.json, or not JSON: no scripts to read.
  }
  return { browser: browserFiles(graph, read).only, manifest };
}
