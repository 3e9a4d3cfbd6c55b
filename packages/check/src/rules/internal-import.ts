import type { Crossing } from '../crossings.ts';
import type { Finding } from '../finding.ts';
import { findingAt, type RuleContext } from './rule-context.ts';

// Enough entries to show the way in without turning the fix line into a listing.
const SHOWN_ENTRIES = 3;

/** A file of one service imports a file of another that is not one of its entries. */
export function internalImport(crossing: Crossing, context: RuleContext): Finding | undefined {
  const target = crossing.toOwner.service;
  if (target === undefined || context.isEntry(crossing.to, target)) return undefined;
  const entries = context.services.get(target)?.public ?? [];
  const name = context.label(target);
  const via = crossing.via ? `, through ${crossing.via}` : '';
  const declared = entries.length === 0 ? `; ${name} declares no entries` : '';
  const shown = entries.slice(0, SHOWN_ENTRIES).join(', ') + (entries.length > SHOWN_ENTRIES ? ', ...' : '');
  return findingAt('internal-import', crossing, context, {
    message: `${context.label(crossing.fromOwner.service)} imports ${crossing.to}, an internal file of ${name}${via}${declared}`,
    fix:
      entries.length > 0
        ? `import it through an entry of ${name} (${shown}), or add it to the public list of ${name} in the plan`
        : `list the files other services may use in the public list of ${name} in the plan, then import through them`,
  });
}
