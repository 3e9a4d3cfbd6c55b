import { serviceLabels, type Plan, type Service } from '@seams/graph';
import type { Crossing } from '../crossings.ts';
import type { IsEntry } from '../entries.ts';
import { fingerprintOf, type Finding, type RuleId } from '../finding.ts';
import { attributionNote } from '../wording.ts';

/** What the per-import rules read from the plan. */
export interface RuleContext {
  services: ReadonlyMap<string, Service>;
  /** Shared file -> the services allowed to import it, when the plan restricts it. */
  sharedAllow: ReadonlyMap<string, readonly string[]>;
  isEntry: IsEntry;
  /** A service id as messages name it: by its name (ids stay stable behind names). */
  label: (id: string) => string;
}

export function ruleContext(plan: Pick<Plan, 'services' | 'shared'>, isEntry: IsEntry): RuleContext {
  return {
    services: new Map(plan.services.map((service) => [service.id, service])),
    sharedAllow: new Map(plan.shared.flatMap(({ path, allow }) => (allow ? [[path, allow] as const] : []))),
    isEntry,
    label: serviceLabels(plan.services),
  };
}

/**
 * A finding located at one import; identified by rule, importing file and imported file (their planned paths when they
 * look moved).
 */
export function findingAt(
  rule: RuleId,
  crossing: Crossing,
  context: Pick<RuleContext, 'label'>,
  text: { message: string; fix: string },
): Finding {
  const { from, line, to, specifier, fromOwner, toOwner } = crossing;
  return {
    rule,
    from,
    line,
    to,
    specifier,
    fromService: fromOwner.service,
    ...(toOwner.service !== undefined ? { toService: toOwner.service } : {}),
    message: text.message + attributionNote(crossing, context.label),
    fix: text.fix,
    // A file that looks moved keeps the identity of its old path, so a baseline still knows its findings.
    fingerprint: fingerprintOf(rule, [fromOwner.movedFrom ?? from, toOwner.movedFrom ?? to]),
  };
}
