import { compareCodeUnits } from './code-unit-order.ts';
import type { ExtractionStep, ServiceCard } from './report-model.ts';
import { listing, plural } from './wording.ts';

/**
 * The ranking and effort formula, as the Markdown legend prints it:
 *
 *   entanglement = inbound + api + outbound + tables + 10 × (services in its cycle − 1)
 *   effort score = entanglement + ⌈loc / 250⌉
 *   S ≤ 4 < M ≤ 12 < L ≤ 30 < XL
 *
 * inbound and outbound count file dependencies crossing the boundary (each becomes a remote call
 * or a moved file), api the names other services import (each becomes part of a contract). The
 * inbound side is counted twice on purpose, through inbound and api: its callers live in code the
 * extracting team does not own. tables counts the table reads and writes crossing its boundary,
 * either way (another service touching its tables, it touching another's): each becomes an API call,
 * a view or a stream, as a crossing dependency does. A cycle cannot be cut by extracting one side, so it costs as much
 * as ten crossing dependencies per other member. Size adds a point per 250 lines: moving code is
 * cheap next to cutting seams, but not free to test and deploy.
 */
export const EFFORT_FORMULA = [
  'entanglement = inbound + api + outbound + tables + 10 × (services in its cycle − 1)',
  'effort score = entanglement + ⌈loc / 250⌉',
  'S ≤ 4 < M ≤ 12 < L ≤ 30 < XL',
] as const;

const CYCLE_COST = 10;
const LOC_PER_POINT = 250;
const EFFORT_LIMITS: Array<[ExtractionStep['effort'], number]> = [
  ['S', 4],
  ['M', 12],
  ['L', 30],
];

/** Strangler-fig order: least entangled service first; ties by effort score, then name, then id. */
export function extractionOrder(cards: readonly ServiceCard[]): ExtractionStep[] {
  const names = new Map(cards.map((card) => [card.id, card.name]));
  // Each cycle's members counted once: every card of a cycle through thousands of services scanned all of them.
  const members = new Map<readonly string[], Map<string, number>>();
  const othersIn = (cycle: readonly string[], id: string) => {
    let counts = members.get(cycle);
    if (!counts) {
      members.set(cycle, (counts = new Map<string, number>()));
      for (const member of cycle) counts.set(member, (counts.get(member) ?? 0) + 1);
    }
    return cycle.length - (counts.get(id) ?? 0);
  };
  const scored = cards.map((card) => {
    const inbound = sum(card.inbound);
    const outbound = sum(card.outbound);
    const cycleSize = Math.max(1, ...card.cycles.map((cycle) => cycle.length));
    const entanglement =
      inbound + card.publicApi.length + outbound + (card.data?.crossing ?? 0) + CYCLE_COST * (cycleSize - 1);
    const effortScore = entanglement + Math.ceil(card.loc / LOC_PER_POINT);
    return { card, entanglement, effortScore };
  });
  scored.sort(
    (a, b) =>
      a.entanglement - b.entanglement ||
      a.effortScore - b.effortScore ||
      compareCodeUnits(a.card.name, b.card.name) ||
      compareCodeUnits(a.card.id, b.card.id),
  );
  return scored.map(({ card, entanglement, effortScore }, index) => ({
    order: index + 1,
    service: card.id,
    reason: reasonFor(card, (id) => names.get(id) ?? id, othersIn),
    effort: EFFORT_LIMITS.find(([, limit]) => effortScore <= limit)?.[0] ?? 'XL',
    effortScore,
    entanglement,
  }));
}

function reasonFor(
  card: ServiceCard,
  nameOf: (id: string) => string,
  othersIn: (cycle: readonly string[], id: string) => number,
): string {
  const parts: string[] = [];
  const callers = card.inbound.map((link) => nameOf(link.service));
  parts.push(
    callers.length === 0
      ? 'no other service depends on it'
      : `called by ${serviceList(callers)} through ${plural(card.publicApi.length, 'name')}`,
  );
  const callees = card.outbound.map((link) => nameOf(link.service));
  parts.push(
    callees.length === 0
      ? 'calls no other service'
      : `calls ${serviceList(callees)} (${plural(sum(card.outbound), 'file dependency', 'file dependencies')})`,
  );
  if (card.sharedKernelUsed.length > 0) parts.push(`uses ${plural(card.sharedKernelUsed.length, 'shared file')}`);
  if (card.data?.crossing)
    parts.push(
      `${plural(card.data.crossing, 'table access', 'table accesses')} ${card.data.crossing === 1 ? 'crosses' : 'cross'} its boundary`,
    );
  for (const cycle of card.cycles) {
    // Named only when few: every card of a cycle through thousands of services sorted all their names.
    const count = othersIn(cycle, card.id);
    const others =
      count > SERVICES_NAMED
        ? `${count} services`
        : serviceList(
            cycle
              .filter((id) => id !== card.id)
              .map(nameOf)
              .sort(compareCodeUnits),
          );
    parts.push(`in a cycle with ${others}: break the cycle first`);
  }
  return parts.join('; ');
}

// Names up to three read better than a count; beyond that a count is all anyone reads.
function serviceList(names: readonly string[]): string {
  return names.length > SERVICES_NAMED ? `${names.length} services` : listing(names);
}

const SERVICES_NAMED = 3;

function sum(links: ReadonlyArray<{ weight: number }>): number {
  return links.reduce((total, link) => total + link.weight, 0);
}
