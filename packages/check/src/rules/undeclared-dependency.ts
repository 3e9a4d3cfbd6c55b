import type { Crossing } from '../crossings.ts';
import type { Finding } from '../finding.ts';
import { listing } from '../wording.ts';
import { findingAt, type RuleContext } from './rule-context.ts';

/** A service with a `dependsOn` list imports from a service the list leaves out. */
export function undeclaredDependency(crossing: Crossing, context: RuleContext): Finding | undefined {
  const target = crossing.toOwner.service;
  const service = crossing.fromOwner.service;
  const allowed = context.services.get(service)?.dependsOn;
  if (target === undefined || !allowed || allowed.includes(target)) return undefined;
  const { label } = context;
  const may = allowed.length > 0 ? `allows only ${listing(allowed.map(label))}` : 'is empty';
  return findingAt('undeclared-dependency', crossing, context, {
    message: `${label(service)} imports ${crossing.to} of ${label(target)}, but its dependsOn list ${may}`,
    fix: `remove the import, or add ${label(target)} to the dependsOn list of ${label(service)} in the plan if the dependency is intended`,
  });
}
