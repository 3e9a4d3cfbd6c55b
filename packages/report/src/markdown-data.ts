import {
  isTableOwner,
  PATTERN_NAMES,
  type AccessSite,
  type TableOwnership,
  type TableParty,
  type TableUse,
} from '@seams/graph';
import { code, table, text } from './markdown-text.ts';
import type { ServiceData } from './report-model.ts';
import { plural } from './wording.ts';

type NameOf = (id: string) => string;

/** The "Data" line of a service card. */
export function dataLine(data: ServiceData, nameOf: NameOf): string {
  const foreign = (tables: ServiceData['reads']) =>
    tables.map(({ table: name, owner }) => `${code(name)} (${owner ? text(nameOf(owner)) : 'no owner'})`).join(', ');
  const parts = [
    data.owns.length > 0 ? `owns ${data.owns.map(code).join(', ')}` : 'owns no table',
    ...(data.alsoWrites.length > 0 ? [`also writes ${foreign(data.alsoWrites)}`] : []),
    ...(data.reads.length > 0 ? [`reads ${foreign(data.reads)}`] : []),
  ];
  return `- **Data**: ${parts.join('; ')}`;
}

/** The "Data ownership" section (the HTML report has its own, render-data.ts). */
export function dataMarkdown(data: TableOwnership, nameOf: NameOf): string {
  return [
    '## Data ownership',
    intro(data),
    overview(data, nameOf),
    sharedWrites(data, nameOf),
    transactions(data, nameOf),
    foreignKeys(data, nameOf),
  ].join('\n\n');
}

const party = (p: TableParty, nameOf: NameOf) => (p.service ? text(nameOf(p.service)) : 'shared kernel');
const site = (s: AccessSite) => `${code(`${s.file}:${s.line}`)}${s.function ? ` in ${code(s.function)}` : ''}`;

function intro({ tables }: TableOwnership): string {
  const declared = tables.filter((t) => t.declaredIn).length;
  const shared = tables.filter((t) => t.writers.length > 1).length;
  return [
    `From the data detectors: ${plural(tables.length, 'table')} (${declared} declared in a model or schema).`,
    "A table's owner is the service that writes it, the one with the most write sites when several do; it leaves with that service.",
    `${plural(shared, 'table is', 'tables are')} written from more than one service (or a service and the shared kernel): the shared-database problem to untie before they can split.`,
  ].join(' ');
}

function overview({ tables }: TableOwnership, nameOf: NameOf): string {
  const others = (parties: TableParty[], t: TableUse) =>
    parties.filter((p) => !isTableOwner(p, t)).map((p) => party(p, nameOf));
  const rows = tables.map((t) => [
    code(t.name),
    t.owner ? text(nameOf(t.owner)) : t.writers.some((p) => !p.service) ? 'shared kernel' : 'none',
    others(t.writers, t).join(', ') || '-',
    others(t.readers, t).join(', ') || '-',
    t.pattern ? PATTERN_NAMES[t.pattern.kind] : '-',
  ]);
  return table(['table', 'owner', 'also written by', 'also read by', 'untie by'], 'lllll', rows);
}

function sharedWrites({ tables }: TableOwnership, nameOf: NameOf): string {
  const shared = tables.filter((t) => t.writers.length > 1);
  const heading = '**Tables written by several services**';
  if (shared.length === 0) return `${heading}: none; every table has one writer.`;
  const entries = shared.map((t: TableUse) => {
    const writers = t.writers.map(
      (w) => `  - ${party(w, nameOf)}${isTableOwner(w, t) ? ' (owner)' : ''}: ${w.sites.map(site).join(', ')}`,
    );
    return [
      `- ${code(t.name)}${t.pattern ? `: ${PATTERN_NAMES[t.pattern.kind]}; ${text(t.pattern.why)}` : ''}`,
      ...writers,
    ].join('\n');
  });
  return `${heading}, with every place that writes them:\n\n${entries.join('\n')}`;
}

function transactions({ transactions: found }: TableOwnership, nameOf: NameOf): string {
  const heading =
    '**Cross-service transactions**: functions writing tables of more than one owner, a local transaction today and a distributed one (a saga) after a split';
  if (found.length === 0) return `${heading}: none.`;
  const rows = found.map((t) => [
    `${code(t.function)} in ${code(t.file)}`,
    t.service ? text(nameOf(t.service)) : 'shared kernel',
    t.writes
      .map((w) => `${code(w.table)} (${w.owner ? text(nameOf(w.owner)) : 'no owner'}, line ${w.lines.join(', ')})`)
      .join(', '),
  ]);
  return `${heading}:\n\n${table(['function', 'in service', 'writes'], 'lll', rows)}`;
}

function foreignKeys({ foreignKeys: keys }: TableOwnership, nameOf: NameOf): string {
  const heading =
    '**Foreign keys between services**: each becomes an id the service keeps and checks through an API, not a constraint';
  if (keys.length === 0) return `${heading}: none.`;
  const owner = (id: string | undefined) => (id ? text(nameOf(id)) : 'no owner');
  const rows = keys.map((k) => [code(k.table), owner(k.owner), code(k.references), owner(k.referencedOwner)]);
  return `${heading}:\n\n${table(['table', 'owner', 'references', 'owner'], 'llll', rows)}`;
}
