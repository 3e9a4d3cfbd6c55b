import type { ContractModel } from './contract/contract-model.ts';
import { remoteOperations } from './generate/contract-files.ts';
import { servesRoutes, type ServiceRoute } from './routes/service-routes.ts';
import type { ServiceApi } from './service-api.ts';

/** What one extraction found that could be served by the service. */
export interface Surface {
  model: ContractModel;
  /** The HTTP routes the service's files serve (route-level strangling). */
  routes?: readonly ServiceRoute[];
}

/**
 * Whether a service has anything that can go remote: an operation the facade routes (a function, or a
 * method of an injected class), or an HTTP route the routing layer stands in for. Each new kind of
 * surface adds its test here: with none, extract explains instead of writing files.
 */
export function hasExtractableSurface(surface: Surface): boolean {
  return remoteOperations(surface.model).length > 0 || servesRoutes(surface.routes ?? []);
}

/** Lines of the explanation: at most this many entries, then how many more. */
const MAX_LINES = 15;

/**
 * Why nothing of the service can go remote, one line per entry the rest of the monolith uses, each at
 * the monolith's own file and line: what blocks an operation, or what kind of entry it is.
 */
export function nothingToExtract(surface: Surface, api: Pick<ServiceApi, 'entries'>): string[] {
  const { model } = surface;
  const lines: Array<{ at: string; name: string; why: string }> = [];
  for (const operation of model.operations) {
    const blocker = model.blockers.find((b) => b.operation === operation.name);
    const why = blocker?.message ?? 'it cannot go remote yet';
    lines.push({
      at: `${blocker?.file ?? operation.file}:${blocker?.line ?? operation.line}`,
      name: operation.name,
      why,
    });
  }
  for (const other of model.others) {
    const name = other.entry.slice(other.entry.lastIndexOf('#') + 1);
    if (lines.some((l) => l.name === name || l.name.startsWith(`${name}.`))) continue;
    // A class the monolith constructs has its reasons where the monolith uses it: each, at its own line.
    const uses = other.kind === 'class' ? model.blockers.filter((b) => b.operation === name) : [];
    for (const use of uses) lines.push({ at: `${use.file}:${use.line}`, name, why: use.message });
    if (uses.length > 0) continue;
    const blocker = model.blockers.find((b) => !b.operation && b.file === other.file && b.line === other.line);
    lines.push({ at: `${other.file}:${other.line}`, name, why: blocker?.message ?? KIND[other.kind] });
  }
  if (lines.length === 0 && api.entries.length === 0)
    return ['  nothing outside the service uses it: there is no boundary to move yet'];
  const width = Math.max(...lines.map((l) => l.at.length));
  const shown = lines.slice(0, MAX_LINES).map((l) => `  ${l.at.padEnd(width)}  ${l.name}: ${l.why}`);
  if (lines.length > MAX_LINES) shown.push(`  ... and ${lines.length - MAX_LINES} more`);
  return shown;
}

const KIND: Record<'type' | 'class' | 'value', string> = {
  type: 'a type: it crosses with the operations that use it, and none can go remote',
  class: 'a class of data, wiring or errors: nothing to call',
  value: 'a value read in place: nothing to call; export an async function that returns it',
};
