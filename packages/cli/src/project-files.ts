import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entrySourcesOf } from '@seams/analyze';
import type { BoundaryOptions } from '@seams/boundaries';
import type { Graph } from '@seams/graph';

/**
 * What boundaries learns from the analysed project beyond its graph: the files only a browser bundle loads (from the
 * bundler's config and package.json), package.json itself (the files its scripts run) and the package's own entry
 * files (its `main` and `exports`, mapped from build output back to source). A graph whose root is not
 * at hand (moved, another machine) gives neither.
 */
export async function projectFiles(
  graph: Pick<Graph, 'root' | 'files' | 'edges'>,
): Promise<Pick<BoundaryOptions, 'browser' | 'manifest' | 'entries'>> {
  const read = (path: string) => readFileSync(join(graph.root, path), 'utf8');
  const { browserFiles } = await import('@seams/extract/browser-files');
  let manifest: BoundaryOptions['manifest'];
  try {
    const parsed: unknown = JSON.parse(read('package.json'));
    if (parsed && typeof parsed === 'object') manifest = parsed;
  } catch {
    // No package.json, or not JSON: no scripts to read.
  }
  const files = new Set(graph.files.map((file) => file.path));
  const entries = manifest ? new Set(entrySourcesOf(manifest, files)) : undefined;
  return { browser: browserFiles(graph, read).only, manifest, entries };
}
