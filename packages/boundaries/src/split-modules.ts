import type { FileGraph } from './file-graph.ts';
import { groupsOf, type Partition } from './refine.ts';
import { isOwnFiles } from './signals/folder-trust.ts';

/** A module: the sub-folder `module` of a folder `folder` whose sub-folders the imports show to be modules. */
export interface Module {
  folder: number;
  module: number;
}

/**
 * A service holding two sibling modules or more is cut along them. A module is the files of one sub-folder of a
 * folder whose sub-folders the imports show to be modules, or the files lying directly in that folder (`modulesOf`,
 * from folder trust, outermost first); it counts when at least `minSize` of its files, and most of them, are in the
 * service (a module inside one that counts is part of it), or when all of it is in the service: two files at least,
 * or a sub-folder of one file when, with it, most of the service's files are in modules (as `isWholeModule` keeps
 * them). The counted siblings of the folder holding the most of them, with the modules of folders nested in its other
 * sub-folders, each become a service; the service's other files follow the one they are most tied to (files tied to
 * none stay with the largest), but never a small module held whole.
 *
 * Louvain merges small sibling modules that a few ties join (a table both use, a word both carry, a legacy file both
 * import): a small module's own ties weigh little against the resolution's expectation, however coherent it is. Two
 * sibling modules are two services, and so is a small module held whole beside a sibling (`ai/vertex/` beside
 * `ai/runtime/`, CommonJS `history/index.js` beside `note/`), and a module beside one nested a level down
 * (`app/access/` beside `app/endpoints/public/`). A cluster that is one module, that holds one with files of no module
 * (a layered app's `services/order.ts` beside `routes/orders/`), or modules of folders side by side
 * (`routes/admin/orders/` and `routes/store/orders/`, which the entities signal ties as one domain) is left alone.
 */
export function splitModules(
  graph: FileGraph,
  partition: Partition,
  modulesOf: (file: string) => readonly Module[],
  minSize: number,
  used: (file: string) => boolean = () => true,
): Partition {
  const moduleSize = new Map<number, number>();
  for (const file of partition.keys())
    for (const { module } of modulesOf(file)) moduleSize.set(module, (moduleSize.get(module) ?? 0) + 1);
  const result = new Map(partition);
  for (const [label, files] of groupsOf(partition)) {
    const inService = new Map<number, number>();
    for (const file of files)
      for (const { module } of modulesOf(file)) inService.set(module, (inService.get(module) ?? 0) + 1);
    const unitsBy = (fewest: number) => {
      const counts = (unit: Module, file: string) => {
        const { module } = unit;
        const held = inService.get(module)!;
        const size = moduleSize.get(module)!;
        return (
          (held >= minSize && 2 * held > size) ||
          (held === size && held >= smallest(unit, fewest) && (held >= MIN_WHOLE || used(file)))
        );
      };
      // Each file's unit is the outermost of its modules that counts; units grouped by the folder holding them.
      const siblings = new Map<number, Map<number, string[]>>();
      for (const file of files) {
        const unit = modulesOf(file).find((candidate) => counts(candidate, file));
        if (!unit) continue;
        const units = siblings.get(unit.folder) ?? siblings.set(unit.folder, new Map()).get(unit.folder)!;
        (units.get(unit.module) ?? units.set(unit.module, []).get(unit.module)!).push(file);
      }
      // A folder's units, with those of folders nested in its other sub-folders: `app/access/` and
      // `app/endpoints/public/` are two modules, the second within `app/`'s sub-folder `endpoints/`.
      const lifted = [...siblings].map(([folder, units]) => {
        const all = new Map(units);
        for (const [other, inner] of siblings)
          if (other !== folder)
            for (const [module, members] of inner)
              if (modulesOf(members[0]!).some((m) => m.folder === folder)) all.set(module, members);
        return all;
      });
      return lifted.sort((a, b) => b.size - a.size)[0];
    };
    // Modules of one file count only in a service that is mostly sibling modules: beside a domain's files spread over
    // layers (`models/cart.ts`, `routes/cart.routes.ts`), its lone `cart/index.ts` is the domain's face, not a module.
    let widest = unitsBy(1);
    if (widest && 2 * [...widest.values()].reduce((sum, members) => sum + members.length, 0) <= files.length)
      widest = unitsBy(MIN_WHOLE);
    if (!widest || widest.size < 2) continue;
    const pieceOf = new Map<string, string>();
    // A piece that is a small module held whole takes none of the service's other files: they would make it a
    // fragment of another domain (a one-file `logger/` module drawing an auth controller), and refinement keeps it
    // as it is.
    const closed = new Set<string>();
    [...widest]
      .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
      .forEach(([module, members], i) => {
        const piece = i === 0 ? label : `${label}~${module}`;
        for (const file of members) pieceOf.set(file, piece);
        if (i > 0 && members.length < minSize && members.length === moduleSize.get(module)) closed.add(piece);
      });
    attachRest(graph, files, pieceOf, label, closed);
    for (const [file, piece] of pieceOf) result.set(file, piece);
  }
  return result;
}

// The service's files outside its modules join the piece they are most tied to, nearest first (a file tied only
// through another such file follows it); those tied to no piece stay with the largest (`fallback`).
function attachRest(
  graph: FileGraph,
  files: readonly string[],
  pieceOf: Map<string, string>,
  fallback: string,
  closed: ReadonlySet<string>,
): void {
  let rest = files.filter((file) => !pieceOf.has(file));
  while (rest.length > 0) {
    const placed: Array<[string, string]> = [];
    for (const file of rest) {
      const ties = new Map<string, number>();
      graph.forEachNeighbor(file, (other, weight) => {
        const piece = pieceOf.get(other);
        if (piece !== undefined && !closed.has(piece)) ties.set(piece, (ties.get(piece) ?? 0) + weight);
      });
      let best: [string, number] | undefined;
      for (const tie of ties) if (!best || tie[1] > best[1] || (tie[1] === best[1] && tie[0] < best[0])) best = tie;
      if (best) placed.push([file, best[0]]);
    }
    if (placed.length === 0) break;
    for (const [file, piece] of placed) pieceOf.set(file, piece);
    rest = rest.filter((file) => !pieceOf.has(file));
  }
  for (const file of rest) pieceOf.set(file, fallback);
}

/**
 * Whether a cluster is mostly one module held (nearly) whole: more than half its files lie in one module, and nine
 * in ten of that module's files are in it. Such a cluster is one coherent folder of its own, and it is not cut for
 * being large nor merged for being small (two files at least).
 */
export function isWholeModule(
  partition: Partition,
  modulesOf: (file: string) => readonly Module[],
  used: (file: string) => boolean = () => true,
): (files: readonly string[]) => boolean {
  const moduleSize = new Map<number, number>();
  for (const file of partition.keys())
    for (const { module } of modulesOf(file)) moduleSize.set(module, (moduleSize.get(module) ?? 0) + 1);
  return (files) => {
    const held = new Map<number, [Module, number, string]>();
    for (const file of files)
      for (const unit of modulesOf(file)) held.set(unit.module, [unit, (held.get(unit.module)?.[1] ?? 0) + 1, file]);
    for (const [unit, count, file] of held.values())
      if (
        2 * count >= files.length &&
        count >= WHOLE * moduleSize.get(unit.module)! &&
        count >= smallest(unit, 1) &&
        (count >= MIN_WHOLE || used(file))
      )
        return true;
    return false;
  };
}

// The fewest files a whole module has to be a service of its own, however small, where lone files do not count.
const MIN_WHOLE = 2;

// The fewest files a module held whole must have to count (`fewest` for a sub-folder of its own, as a one-file domain
// folder `history/index.js` beside its siblings is): the files lying directly in a folder, beside its sub-folders, are
// its entry or barrel (`features/index.ts`) when there is one of them, no module. A module of one file counts only when
// a clustered file imports it (`used`): a domain serves the app, where a lone file nothing imports is wired by the
// framework or started on its own (a DI module, an exception filter, a worker entry) and belongs with what it wires.
const smallest = (unit: Module, fewest: number) => (isOwnFiles(unit) ? MIN_WHOLE : fewest);

// The share of a module's files a cluster must hold to be that module: a few files the kernel or a neighbour took
// (amplication's 71-file `resource/` keeps 65 of its 68 clustered files in one cluster) do not make it a fragment.
const WHOLE = 0.9;
