/** How reports name and explain the plan metrics (docs/metrics.md has the definitions). */
export const METRIC_LABELS: Record<
  string,
  { short: string; name: string; meaning: string; range: string; better: 'higher' | 'lower' }
> = {
  modularity: {
    short: 'Q',
    name: 'modularity',
    meaning: 'how much more the dependencies stay inside services than chance would give',
    range: '-0.5..1',
    better: 'higher',
  },
  structuralModularity: {
    short: 'SM',
    name: 'structural modularity',
    meaning: 'cohesion inside services minus coupling between them',
    range: '-1..1',
    better: 'higher',
  },
  icp: {
    short: 'ICP',
    name: 'inter-partition calls',
    meaning: 'share of calls that cross a service boundary',
    range: '0..1',
    better: 'lower',
  },
  ifn: {
    short: 'IFN',
    name: 'interface number',
    meaning: 'files per service that other services use, on average',
    range: '0 or more',
    better: 'lower',
  },
  ned: {
    short: 'NED',
    name: 'non-extreme distribution',
    meaning: 'share of files in very small or very large services, outside 5..20 files by default',
    range: '0..1',
    better: 'lower',
  },
  mq: {
    short: 'MQ',
    name: 'modularization quality',
    meaning: 'inside / (inside + crossing) dependencies per service, summed',
    range: '0..number of services',
    better: 'higher',
  },
};

/** "better", "worse" or "same" for a change of `delta` in `metric`, at the 2 decimals reports show. */
export function verdict(metric: string, delta: number): string {
  if (Math.abs(delta) < 0.005) return 'same';
  const better = METRIC_LABELS[metric]?.better === 'lower' ? delta < 0 : delta > 0;
  return better ? 'better' : 'worse';
}
