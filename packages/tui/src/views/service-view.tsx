import { Box, Text } from 'ink';
import type { PlanContext } from '@seams/boundaries';
import type { Plan } from '@seams/graph';
import { fit, fitPath, fixed, plural } from '../format.ts';
import { entryFiles, entryPattern } from '../state/entries.ts';
import { nameOf, serviceById } from '../state/lookups.ts';
import type { ServicePart } from '../state/ui-state.ts';
import { apiRows, fileRows, linkRows, serviceParts, tableRows } from '../state/view-rows.ts';
import { useTheme, tone } from '../theme.ts';
import { List } from './list.tsx';

interface Props {
  plan: Plan;
  context: PlanContext;
  id: string;
  part: ServicePart;
  cursor: number;
  width: number;
  height: number;
}

const PART_TITLES: Record<ServicePart, string> = {
  files: 'Files',
  api: 'API',
  links: 'Dependencies',
  tables: 'Tables',
};

// "entries" as `check` counts them: the service's own files its public list names.
const entriesLabel = (count: number) => (count === 0 ? 'no entries' : count === 1 ? '1 entry' : `${count} entries`);

/** One service: its figures, then its files, its API or its dependencies on other services. */
export function ServiceView({ plan, context, id, part, cursor, width, height }: Props) {
  const theme = useTheme();
  const service = serviceById(plan, id);
  if (!service) return <Text>{fit(`no service '${id}'`, width)}</Text>;
  const m = service.metrics;
  const facts = `${plural(m.files, 'file')} · ${m.loc} loc · cohesion ${fixed(m.cohesion)} · coupling ${fixed(m.coupling)} · confidence ${fixed(service.confidence)}`;
  const parts = serviceParts(context)
    .map((p) => (p === part ? `[${PART_TITLES[p]}]` : ` ${PART_TITLES[p]} `))
    .join(' ');
  const listHeight = height - 3;
  return (
    <Box flexDirection="column" height={height}>
      <Text>{fit(facts, width)}</Text>
      <Text {...tone(theme, 'muted')}>
        {fit(
          `in from ${Object.keys(m.inbound).length} · out to ${Object.keys(m.outbound).length} services · ${m.apiSurface.length} API names · ${entriesLabel(entryFiles(service).length)}`,
          width,
        )}
      </Text>
      <Text {...tone(theme, 'accent')}>{fit(`${parts}   (Tab)`, width)}</Text>
      {part === 'files' && <FileList plan={plan} id={id} cursor={cursor} width={width} height={listHeight} />}
      {part === 'api' && (
        <List
          head={`${fit('FILE#NAME USED BY OTHER SERVICES', width - 8)}ENTRY`}
          rows={apiRows(plan, id).map(
            (row) =>
              `${fitPath(row, width - 8)}${entryPattern(service, row.slice(0, row.lastIndexOf('#'))) ? 'entry' : ''}`,
          )}
          cursor={cursor}
          width={width}
          height={listHeight}
          empty="nothing: no other service uses its exports"
        />
      )}
      {part === 'links' && (
        <List
          head="DIRECTION  SERVICE                        DEPENDENCIES"
          rows={linkRows(plan, id).map(
            (row) =>
              `${fit(row.direction === 'in' ? '← from' : '→ to', 11)}${fit(nameOf(plan, row.service), 30)}${fit(String(row.count), 13, 'right')}`,
          )}
          cursor={cursor}
          width={width}
          height={listHeight}
          empty="none: no dependency crosses its boundary"
        />
      )}
      {part === 'tables' && (
        <List
          head="ROLE    TABLE                          OWNER                 ACCESSES"
          rows={tableRows(plan, context, id).map(
            (row) =>
              `${fit(row.role, 8)}${fit(row.table, 31)}${fit(row.owner ? nameOf(plan, row.owner) : 'no service', 22)}${fit(String(row.sites), 8, 'right')}`,
          )}
          cursor={cursor}
          width={width}
          height={listHeight}
          empty="none: it reads and writes no table"
        />
      )}
    </Box>
  );
}

function FileList({
  plan,
  id,
  cursor,
  width,
  height,
}: {
  plan: Plan;
  id: string;
  cursor: number;
  width: number;
  height: number;
}) {
  const rows = fileRows(plan, id);
  const pathWidth = Math.max(10, width - 2 - 19);
  const low = plan.parameters.lowConfidence;
  const marks = new Map(rows.flatMap((row, i) => (row.confidence < low && !row.pinned ? [[i, 'warn'] as const] : [])));
  return (
    <List
      head={`${fit('FILE', pathWidth)}${fit('ENTRY', 6)}${fit('PIN', 6)}${fit('CONF', 7, 'right')}`}
      rows={rows.map(
        (row) =>
          `${fitPath(row.path, pathWidth)}${fit(row.entry ? 'entry' : '', 6)}${fit(row.pinned ? 'pin' : '', 6)}${fit(fixed(row.confidence), 7, 'right')}`,
      )}
      cursor={cursor}
      width={width}
      height={height}
      empty="no files"
      marks={marks}
    />
  );
}
