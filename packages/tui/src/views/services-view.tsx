import type { Plan } from '@seams/graph';
import { fit, fixed } from '../format.ts';
import { List } from './list.tsx';

interface Props {
  plan: Plan;
  cursor: number;
  width: number;
  height: number;
}

const NUMBERS = [
  ['FILES', 6],
  ['LOC', 7],
  ['COHESION', 9],
  ['COUPLING', 9],
  ['CONF', 6],
  ['API', 5],
] as const;

/** Every candidate service with its size and the metrics that say how separable it is. */
export function ServicesView({ plan, cursor, width, height }: Props) {
  const nameWidth = Math.max(8, width - 2 - NUMBERS.reduce((sum, [, w]) => sum + w, 0));
  const inCycle = new Set(plan.metrics.serviceCycles.flat());
  const head = fit('SERVICE', nameWidth) + NUMBERS.map(([title, w]) => fit(title, w, 'right')).join('');
  const rows = plan.services.map((s) => {
    const values = [
      s.files.length,
      s.metrics.loc,
      fixed(s.metrics.cohesion),
      fixed(s.metrics.coupling),
      fixed(s.confidence),
      s.metrics.apiSurface.length,
    ];
    const name = inCycle.has(s.id) ? `${s.name} ↻` : s.name;
    return fit(name, nameWidth) + values.map((value, i) => fit(String(value), NUMBERS[i]![1], 'right')).join('');
  });
  const marks = new Map(
    plan.services.flatMap((s, i) => (s.confidence < plan.parameters.lowConfidence ? [[i, 'warn'] as const] : [])),
  );
  return (
    <List
      head={head}
      rows={rows}
      cursor={cursor}
      width={width}
      height={height}
      empty="no services: every file is in the shared group"
      marks={marks}
    />
  );
}
