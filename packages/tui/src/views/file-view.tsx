import { Box, Text } from 'ink';
import type { Plan } from '@seams/graph';
import type { PlanContext } from '@seams/boundaries';
import { fit, fitPath, fixed } from '../format.ts';
import { entryPattern } from '../state/entries.ts';
import { nameOf, ownerOf, serviceById } from '../state/lookups.ts';
import { fileLinkRows } from '../state/view-rows.ts';
import { tone, useTheme } from '../theme.ts';
import { List } from './list.tsx';

interface Props {
  plan: Plan;
  context: PlanContext;
  path: string;
  cursor: number;
  width: number;
  height: number;
}

/** A file: where it sits, how sure the clustering is, and what it imports and what imports it, by service. */
export function FileView({ plan, context, path, cursor, width, height }: Props) {
  const theme = useTheme();
  const owner = ownerOf(plan).get(path);
  const service = owner === undefined ? undefined : serviceById(plan, owner);
  const rows = fileLinkRows(plan, context, path);
  const review = plan.review.find((entry) => entry.path === path);
  const facts = [
    `in ${nameOf(plan, owner)}`,
    ...(service ? [entryPattern(service, path) ? 'entry' : 'not an entry'] : []),
    `confidence ${fixed(plan.confidence[path] ?? 1)}`,
    plan.pinned.includes(path) ? 'pinned' : 'not pinned',
    ...(review?.alternative ? [`runs also put it in ${nameOf(plan, review.alternative)}`] : []),
  ].join(' · ');
  const pathWidth = Math.max(10, Math.floor((width - 14) * 0.6));
  const serviceWidth = Math.max(8, width - 2 - 13 - pathWidth);
  const marks = new Map(rows.flatMap((row, i) => (row.service !== owner ? [[i, 'warn'] as const] : [])));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{fitPath(path, width)}</Text>
      <Text {...tone(theme, 'muted')}>{fit(facts, width)}</Text>
      <List
        head={`${fit('', 13)}${fit('FILE', pathWidth)}${fit('SERVICE', serviceWidth)}`}
        rows={rows.map(
          (row) =>
            `${fit(row.direction, 13)}${fitPath(row.path, pathWidth)}${fit(`${nameOf(plan, row.service)}${row.names.length ? `  ${row.names.join(', ')}` : ''}`, serviceWidth)}`,
        )}
        cursor={cursor}
        width={width}
        height={height - 2}
        empty="no imports and no importers"
        marks={marks}
      />
    </Box>
  );
}
