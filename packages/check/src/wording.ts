import type { Crossing } from './crossings.ts';

/** "1 file", "3 files". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "a", "a and b", "a, b and c" (or "a or b" with another conjunction). */
export function listing(items: readonly string[], conjunction = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/**
 * " (src/orders/refunds.ts is not in the plan, counted in orders by its folder)" when an end of the
 * import was attributed by folder or looks moved: the finding then rests on a guess the reader
 * should know about. `label` names a service id as messages show it.
 */
export function attributionNote({ from, to, fromOwner, toOwner }: Crossing, label: (id: string) => string): string {
  const notes: string[] = [];
  for (const [file, owner] of [
    [from, fromOwner],
    [to, toOwner],
  ] as const) {
    if (!owner.attributed) continue;
    const where = owner.service === undefined ? 'the shared group' : label(owner.service);
    const how = owner.movedFrom ? `as ${owner.movedFrom}, which looks moved there` : 'by its folder';
    notes.push(`${file} is not in the plan, counted in ${where} ${how}`);
  }
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}
