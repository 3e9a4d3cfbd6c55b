import type { Edge } from './schema.ts';

/**
 * The files an edge really depends on, each with the imported names it provides: an edge into a
 * barrel is credited to the files that declare the names (`providers`), the rest to its target.
 * Files reached through providers come first, the edge's own target last; a side-effect import
 * credits its target with no names. A name a barrel renamed is credited under the name its file exports
 * (`export { default as Thing } from './thing'` credits `default` to thing.ts).
 */
export function creditedTargets(edge: Pick<Edge, 'to' | 'names' | 'providers' | 'providedAs'>): Map<string, string[]> {
  const viaProviders = new Map<string, string[]>();
  const direct: string[] = [];
  for (const name of edge.names) {
    const provider = edge.providers?.[name];
    if (provider === undefined || provider === edge.to) {
      direct.push(name);
      continue;
    }
    const declared = edge.providedAs?.[name] ?? name;
    const names = viaProviders.get(provider);
    if (!names) viaProviders.set(provider, [declared]);
    else if (!names.includes(declared)) names.push(declared);
  }
  if (direct.length > 0 || viaProviders.size === 0) viaProviders.set(edge.to, direct);
  return viaProviders;
}

/**
 * Whether an edge is said to use `name` of the file {@link creditedTargets} credits it to: a
 * namespace import (`*`) counts only when the edge imports nothing else by name (`import * as x`,
 * a whole `require`), since beside named imports it says nothing they do not. The one definition of
 * the names a file uses of another: the plan's `apiSurface` (boundaries) and the report's public API
 * (`api`, names other services import) both count these.
 */
export function usedName(edge: Pick<Edge, 'names'>): (name: string) => boolean {
  return (name) => name !== '*' || edge.names.length === 1;
}
