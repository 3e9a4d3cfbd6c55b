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
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(
      'SEAMS_INPUT_UNREADABLE',
      `${path} is not a graph JSON file (${(error as Error).message}); pass a folder or the output of 'seams analyze -o'.`,
    );
  }
  return parseGraph(json, path);
}

/** The history to read: the command line's choice, else the config's; teams always come from the config. */
export function historyOptions(config: SeamsConfig, asked: AnalyzeOptions['history']): AnalyzeOptions['history'] {
  const chosen = asked ?? config.history ?? false;
  if (chosen === false) return false;
  return { ...(chosen === true ? {} : chosen), ...(config.teams ? { teams: config.teams } : {}) };
}
