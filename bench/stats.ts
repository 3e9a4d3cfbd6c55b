// Several alternating runs per tool: the median and the spread of each, and tool/seams ratios taken
// round by round (runs of the same round ran back to back, so they saw about the same machine load).
import type { Measurement } from './measure.ts';

export type Spread = { median: number; min: number; max: number };

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

/** `a[i] / b[i]` for the rounds both have, as a spread; undefined when they share none. */
export function pairedRatio(a: readonly number[], b: readonly number[]): Spread | undefined {
  const n = Math.min(a.length, b.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) if (b[i]! > 0) ratios.push(a[i]! / b[i]!);
  return ratios.length > 0 ? spread(ratios) : undefined;
}

/** Round r runs the tools starting at the r-th: no tool always goes first (colder) or last (after the heaviest). */
export function roundOrder<T>(tools: readonly T[], round: number): T[] {
  const start = round % Math.max(1, tools.length);
  return [...tools.slice(start), ...tools.slice(0, start)];
}

/** One row from a tool's runs: the first failure or timeout if any (it is not repeated), else the medians. */
export function summarise(runs: readonly Measurement[]): Measurement & { runs: number[]; spread?: Spread } {
  const bad = runs.find((m) => m.status !== 'ok');
  if (bad) return { ...bad, runs: runs.map((m) => m.wallS) };
  const walls = runs.map((m) => m.wallS);
  const wall = spread(walls);
  const peaks = runs.flatMap((m) => (m.peakMB === null ? [] : [m.peakMB]));
  return {
    status: 'ok',
    wallS: wall.median,
    peakMB: peaks.length > 0 ? spread(peaks).median : null,
    exitCode: 0,
    runs: walls,
    spread: wall,
  };
}
