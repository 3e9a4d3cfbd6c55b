import type { Crossing } from '../crossings.ts';
import type { Finding } from '../finding.ts';
import { listing } from '../wording.ts';
import { findingAt, type RuleContext } from './rule-context.ts';

/** A service imports a shared-group file whose `allow` list leaves the service out. */
export function forbiddenShared(crossing: Crossing, context: RuleContext): Finding | undefined {
  const service = crossing.fromOwner.service;
  const allow = crossing.toOwner.service === undefined ? context.sharedAllow.get(crossing.to) : undefined;
  if (!allow || allow.includes(service)) return undefined;
  const { label } = context;
  const addIt = `add ${label(service)} to its allow list in the plan`;
  const allowed = allow.map(label);
  return findingAt('forbidden-shared', crossing, context, {
    message: `${label(service)} imports the shared file ${crossing.to}, which ${allow.length > 0 ? `only ${listing(allowed)} may use` : 'no service may use'}`,
    fix:
      allow.length > 0
        ? `use it through ${listing(allowed, 'or')} instead, or ${addIt}`
        : `remove the import, or ${addIt}`,
  });
}
