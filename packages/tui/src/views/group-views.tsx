import type { Plan } from '@seams/graph';
import { fit, fitPath, fixed } from '../format.ts';
import { nameOf } from '../state/lookups.ts';
import { List } from './list.tsx';

interface Props {
  plan: Plan;
  cursor: number;
  width: number;
  height: number;
}

/** The shared kernel: files kept apart because every service uses them, with the reason. */
export function SharedView({ plan, cursor, width, height }: Props) {
  const pathWidth = Math.max(10, Math.floor((width - 2) * 0.5));
  return (
    <List
      head={`${fit('FILE', pathWidth)}WHY SHARED`}
      rows={plan.shared.map((entry) => `${fitPath(entry.path, pathWidth)}${entry.reason}`)}
      cursor={cursor}
      width={width}
      height={height}
      empty="no shared group"
    />
  );
}

/** Files the seeded runs disagreed on, lowest confidence first: a person decides (a accepts the suggestion). */
export function ReviewView({ plan, cursor, width, height }: Props) {
  const pathWidth = Math.max(10, width - 2 - 44);
  return (
    <List
      head={`${fit('FILE', pathWidth)}${fit('IN', 18)}${fit('CONF', 6, 'right')}  ${fit('SUGGESTED', 18)}`}
      rows={plan.review.map(
        (entry) =>
          `${fitPath(entry.path, pathWidth)}${fit(nameOf(plan, entry.service), 18)}${fit(fixed(entry.confidence), 6, 'right')}  ${fit(entry.alternative ? nameOf(plan, entry.alternative) : '-', 18)}`,
      )}
      cursor={cursor}
      width={width}
      height={height}
      empty={`nothing to review: every file is above ${fixed(plan.parameters.lowConfidence)} confidence or pinned`}
    />
  );
}
