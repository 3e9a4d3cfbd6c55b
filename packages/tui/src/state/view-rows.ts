import type { Plan } from '@seams/graph';
import type { PlanContext } from '@seams/boundaries';
import { entryPattern } from './entries.ts';
import { linksOf, ownerOf, serviceById, tablesOf } from './lookups.ts';
import type { ServicePart, View } from './ui-state.ts';

export interface FileRow {
  path: string;
  confidence: number;
  pinned: boolean;
  /** Named by the service's public list: other services may import it. */
  entry: boolean;
}

export interface LinkRow {
  direction: 'in' | 'out';
  service: string;
  count: number;
}

export interface FileLinkRow {
  direction: 'imports' | 'imported by';
  path: string;
  /** Service id of the other file, or SHARED, or undefined when it is in no service. */
  service: string | undefined;
  names: string[];
}

export interface TableRow {
  /** `owns`: it writes the table most; `writes`/`reads`: another service's (or no service's) table. */
  role: 'owns' | 'writes' | 'reads';
  table: string;
  /** The owner's service id; undefined when no service owns it. */
  owner: string | undefined;
  /** Accesses of this service to the table (owns), or of the others (writes, reads: its own). */
  sites: number;
}

const PARTS: readonly ServicePart[] = ['files', 'api', 'links'];

/** The parts of a service page, Tab's order; tables only when the graph has table accesses. */
export const serviceParts = (context: PlanContext): readonly ServicePart[] =>
  context.graph.data?.length ? [...PARTS, 'tables'] : PARTS;

export function fileRows(plan: Plan, id: string): FileRow[] {
  const pinned = new Set(plan.pinned);
  const service = serviceById(plan, id);
  return (service?.files ?? []).map((path) => ({
    path,
    confidence: plan.confidence[path] ?? 1,
    pinned: pinned.has(path),
    entry: entryPattern(service!, path) !== undefined,
  }));
}

export const apiRows = (plan: Plan, id: string): string[] => serviceById(plan, id)?.metrics.apiSurface ?? [];

/** Services this one depends on and that depend on it, most dependencies first. */
export function linkRows(plan: Plan, id: string): LinkRow[] {
  const metrics = serviceById(plan, id)?.metrics;
  if (!metrics) return [];
  const rows = (direction: LinkRow['direction'], counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([service, count]) => ({ direction, service, count }))
      .sort((a, b) => b.count - a.count || a.service.localeCompare(b.service));
  return [...rows('in', metrics.inbound), ...rows('out', metrics.outbound)];
}

/** The tables a service owns, then those of others it writes, then those it reads. */
export function tableRows(plan: Plan, context: PlanContext, id: string): TableRow[] {
  const rows: TableRow[] = [];
  const sitesOf = (parties: ReadonlyArray<{ service?: string; sites: unknown[] }>) =>
    parties.filter((p) => p.service === id).reduce((n, p) => n + p.sites.length, 0);
  for (const table of tablesOf(plan, context).tables) {
    const [writes, reads] = [sitesOf(table.writers), sitesOf(table.readers)];
    if (table.owner === id) rows.push({ role: 'owns', table: table.name, owner: id, sites: writes + reads });
    else if (writes > 0) rows.push({ role: 'writes', table: table.name, owner: table.owner, sites: writes + reads });
    else if (reads > 0) rows.push({ role: 'reads', table: table.name, owner: table.owner, sites: reads });
  }
  const order = { owns: 0, writes: 1, reads: 2 };
  return rows.sort((a, b) => order[a.role] - order[b.role]);
}

/** A file's imports then its importers, each with the service it sits in. */
export function fileLinkRows(plan: Plan, context: PlanContext, path: string): FileLinkRow[] {
  const owner = ownerOf(plan);
  const { imports, importers } = linksOf(context);
  const strip = (names: string[]) => names.map((n) => n.slice(n.indexOf('#') + 1));
  const sorted = (rows: FileLinkRow[]) => rows.sort((a, b) => a.path.localeCompare(b.path));
  return [
    ...sorted(
      (imports.get(path) ?? []).map((d) => ({
        direction: 'imports',
        path: d.to,
        service: owner.get(d.to),
        names: strip(d.names),
      })),
    ),
    ...sorted(
      (importers.get(path) ?? []).map((d) => ({
        direction: 'imported by',
        path: d.from,
        service: owner.get(d.from),
        names: strip(d.names),
      })),
    ),
  ];
}

/** How many rows the view lists, for moving its cursor. */
export function rowCount(plan: Plan, context: PlanContext, view: View): number {
  switch (view.kind) {
    case 'services':
      return plan.services.length;
    case 'shared':
      return plan.shared.length;
    case 'review':
      return plan.review.length;
    case 'service':
      return {
        files: () => fileRows(plan, view.id),
        api: () => apiRows(plan, view.id),
        links: () => linkRows(plan, view.id),
        tables: () => tableRows(plan, context, view.id),
      }[view.part]().length;
    case 'file':
      return fileLinkRows(plan, context, view.path).length;
  }
}
