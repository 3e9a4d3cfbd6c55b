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
 * import was attributed by folder: the finding then rests on a guess the reader should know about.
 */
export function attributionNote({ from, to, fromOwner, toOwner }: Crossing): string {
  const notes: string[] = [];
  if (fromOwner.attributed) notes.push(`${from} is not in the plan, counted in ${fromOwner.service} by its folder`);
  if (toOwner.attributed)
    notes.push(`${to} is not in the plan, counted in ${toOwner.service ?? 'the shared group'} by its folder`);
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}
