import { PATTERN_NAMES, type AccessSite, type TableOwnership, type TableParty, type TableUse } from '@seams/graph';

const sites = (parties: readonly TableParty[]) =>
  parties
    .flatMap((p) => p.sites)
    .map((s: AccessSite) => `${s.file}:${s.line}${s.function ? ` (\`${s.function}\`)` : ''}`)
    .join(', ');

/** EXTRACTION.md's "Data" section: the tables the service takes along, and what to untie for each one shared. */
export function dataSection(
  service: string,
  data: TableOwnership | undefined,
  label: (id: string) => string = (id) => id,
): string {
  if (!data) return '';
  // Ids select; people read names.
  const name = (id: string | undefined) => (id === undefined ? 'the shared kernel' : label(id));
  const owned = data.tables.filter((t) => t.owner === service);
  const touches = (parties: readonly TableParty[]) => parties.some((p) => p.service === service);
  const foreign = data.tables.filter((t) => t.owner !== service && (touches(t.writers) || touches(t.readers)));
  const lines = [
    '## Data',
    '',
    owned.length === 0
      ? `${name(service)} writes no table: it takes no data along.`
      : `Tables ${name(service)} takes with it, as their ${owned.some((t) => t.writers.length > 1) ? 'main ' : ''}writer: ${owned.map((t) => `\`${t.name}\`${t.declaredIn ? ` (${t.declaredIn.file}:${t.declaredIn.line})` : ''}`).join(', ')}.`,
  ];
  const untie = [
    ...owned.filter((t) => t.pattern).map((t) => ownedRow(service, t, name)),
    ...foreign.map((t) => foreignRow(service, t, name)),
  ];
  if (untie.length > 0)
    lines.push(
      '',
      'To untie before its data can move:',
      '',
      '| table | owner | what crosses | untie by |',
      '| --- | --- | --- | --- |',
      ...untie,
    );
  const transactions = data.transactions.filter(
    (t) => t.service === service || t.writes.some((w) => w.owner === service),
  );
  if (transactions.length > 0) {
    lines.push(
      '',
      'Transactions that span it and another owner (one local transaction today; a saga, or one owner doing all the writes, after the split):',
      '',
    );
    for (const t of transactions)
      lines.push(
        `- \`${t.function}\` (${t.file}) writes ${t.writes.map((w) => `\`${w.table}\` (${name(w.owner)})`).join(', ')}`,
      );
  }
  const keys = data.foreignKeys.filter((k) => k.owner === service || k.referencedOwner === service);
  if (keys.length > 0) {
    lines.push('', 'Foreign keys across its boundary (each becomes an id checked through an API):', '');
    for (const k of keys)
      lines.push(`- \`${k.table}\` (${name(k.owner)}) references \`${k.references}\` (${name(k.referencedOwner)})`);
  }
  return `${lines.join('\n')}\n\n`;
}

type Name = (id: string | undefined) => string;

function ownedRow(service: string, t: TableUse, name: Name): string {
  const writers = t.writers.filter((p) => p.service !== service);
  const readers = t.readers.filter((p) => p.service !== service);
  const crossing = [
    writers.length > 0 ? `written by ${writers.map((p) => name(p.service)).join(', ')} at ${sites(writers)}` : '',
    readers.length > 0 ? `read by ${readers.map((p) => name(p.service)).join(', ')} at ${sites(readers)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `| \`${t.name}\` | ${name(service)} | ${crossing} | ${PATTERN_NAMES[t.pattern!.kind]}: ${t.pattern!.why} |`;
}

function foreignRow(service: string, t: TableUse, name: Name): string {
  const own = (parties: readonly TableParty[]) => parties.filter((p) => p.service === service);
  const writes = own(t.writers);
  const crossing =
    writes.length > 0
      ? `${name(service)} writes it at ${sites(writes)}`
      : `${name(service)} reads it at ${sites(own(t.readers))}`;
  const untie =
    writes.length > 0
      ? `wrapping service: those writes become calls to ${name(t.owner)}'s API`
      : new Set(t.readers.flatMap((p) => (p.service !== t.owner ? [p.service] : []))).size > 1
        ? `change data capture: ${name(t.owner)} streams its changes and ${name(service)} keeps the copy it needs`
        : `database view: ${name(t.owner)} publishes a read-only view until ${name(service)} calls its API`;
  return `| \`${t.name}\` | ${t.owner === undefined ? 'none' : name(t.owner)} | ${crossing} | ${t.owner ? untie : PATTERN_NAMES['choose-owner']} |`;
}
