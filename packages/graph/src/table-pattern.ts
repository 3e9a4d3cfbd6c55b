import type { TableUse } from './table-ownership.ts';

/**
 * How to untie a table more than its owner touches, from the patterns of the field (Newman,
 * "Monolith to Microservices", ch. 4): other services writing it must go through its owner
 * (wrapping service); one other service only reading it can read a view the owner publishes
 * (database view), several need the rows pushed to them (change data capture).
 */
export interface TablePattern {
  kind: 'wrapping-service' | 'database-view' | 'change-data-capture' | 'choose-owner';
  /** What to do, in a sentence; the parties are the table's writers and readers. */
  why: string;
}

/** How reports name each pattern. */
export const PATTERN_NAMES: Record<TablePattern['kind'], string> = {
  'wrapping-service': 'wrapping service',
  'database-view': 'database view',
  'change-data-capture': 'change data capture',
  'choose-owner': 'choose an owner',
};

const WHY: Record<TablePattern['kind'], string> = {
  'wrapping-service':
    "other services write it: their writes become calls to the owner's API, so only the owner changes its rows",
  'database-view':
    'one other service only reads it: the owner publishes a read-only view of it until that service calls an API',
  'change-data-capture':
    'several other services read it: the owner streams its changes (outbox or CDC) and each keeps the copy it needs',
  'choose-owner':
    'no service owns it (the shared kernel writes it most, or nobody does), yet several touch it: give it to one service first',
};

export function suggestPattern(table: Pick<TableUse, 'owner' | 'writers' | 'readers'>): TablePattern | undefined {
  const others = (parties: TableUse['writers']) =>
    parties.filter((p) => p.service === undefined || p.service !== table.owner).map((p) => p.service ?? '');
  const writers = others(table.writers);
  const readers = others(table.readers).filter((reader) => !writers.includes(reader));
  const kind: TablePattern['kind'] | undefined =
    table.owner === undefined
      ? writers.length + readers.length > 1
        ? 'choose-owner'
        : undefined
      : writers.length > 0
        ? 'wrapping-service'
        : readers.length === 1
          ? 'database-view'
          : readers.length > 1
            ? 'change-data-capture'
            : undefined;
  return kind && { kind, why: WHY[kind] };
}
