import { readFileSync, statSync } from 'node:fs';
import { InputError, parseGraph, validateGraph, type Graph, type SeamsConfig } from '@seams/graph';
import type { AnalyzeOptions } from '@seams/analyze';
import { loadConfig } from './load-config.ts';

/**
 * A saved graph file, or a folder analysed on the spot (with the cache), so every command takes
 * either; validated both ways (each file once, edges between its files), so no stage meets a broken
 * graph deep inside.
 */
export async function loadOrAnalyze(path: string, options: Omit<AnalyzeOptions, 'root'> = {}): Promise<Graph> {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    // Missing: analyze() says so with the right code.
  }
  if (!isFile) {
    const { analyze } = await import('@seams/analyze');
    const graph = await analyze({ ...options, root: path, history: historyOptions(loadConfig(path), options.history) });
    validateGraph(graph, path);
    return graph;
  }
  let json: unknown;
  const text = readFileSync(path, 'utf8');
  try {
    json = JSON.parse(text);
  } catch (error) {
    await refuseForeign(path, { text });
    throw new InputError(
      'SEAMS_INPUT_UNREADABLE',
      `${path} is not a graph JSON file (${(error as Error).message}); pass a folder or the output of 'seams analyze -o'.`,
    );
  }
  if (typeof (json as { version?: unknown } | null)?.version !== 'number') await refuseForeign(path, { json });
  return parseGraph(json, path);
}

// Another tool's graph (madge, dependency-cruiser, an edge list, a {nodes, edges} JSON) is imported once by
// `analyze --from`, which writes the seams graph every other command reads.
async function refuseForeign(path: string, content: { json: unknown } | { text: string }): Promise<void> {
  const { foreignFormatOf } = await import('@seams/analyze');
  const format = foreignFormatOf(content);
  if (!format) return;
  throw new InputError(
    'SEAMS_INPUT_FOREIGN_GRAPH',
    `${path} is ${format === 'edgelist' ? 'an edge list' : `a ${format} graph`}, not a seams graph: import it first with 'seams analyze --from ${path} -o graph.json', then pass graph.json.`,
  );
}

/** The history to read: the command line's choice, else the config's; teams always come from the config. */
export function historyOptions(config: SeamsConfig, asked: AnalyzeOptions['history']): AnalyzeOptions['history'] {
  const chosen = asked ?? config.history ?? false;
  if (chosen === false) return false;
  return { ...(chosen === true ? {} : chosen), ...(config.teams ? { teams: config.teams } : {}) };
}
