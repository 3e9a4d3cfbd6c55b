import { posix } from 'node:path';
import type { Edge } from '@seams/graph';
import type { Dependency } from './dependencies.ts';
import { FileGraphBuilder } from './file-graph.ts';
import { runLouvain } from './louvain-runs.ts';
import { entityKey } from './tokens.ts';

export interface SharedFile {
  path: string;
  reason: string;
  /** A named group of files that are not a service (composition roots, tests...); absent for the kernel proper. */
  group?: string;
}

export interface SharedKernelOptions {
  seed: number;
  /**
   * A file used from at least this many otherwise separate parts is shared (default 4, or 35% of the parts if more).
   */
  minParts?: number;
  /** ... and by at least this many files (default 4). */
  minUsers?: number;
  /**
   * A file imported by at least this share of the files is shared from half as many parts (default 0.25): an error
   * class or an assertion helper a quarter of the app imports is infrastructure, even where the first pass grouped
   * most of its users into a few large parts.
   */
  minShare?: number;
  /**
   * A hub composing at least this many files of its own folder, which nothing outside it uses, is a facade (default 3).
   */
  minComposed?: number;
  /**
   * Files that make an infrastructure client (a database or cache client), with what they make: shared once
   * used from two parts, however small the app (infrastructure-clients.ts).
   */
  clients?: ReadonlyMap<string, string>;
  /** Files that declare a table's model (an ORM entity, a schema): a domain's face, never a hub of the kernel. */
  models?: ReadonlySet<string>;
  /**
   * Barrels: files that only re-export (an `index.ts`, the `internal.ts` every entity goes through to break import
   * cycles). One wires many parts without starting anything: never a composition root.
   */
  barrels?: ReadonlySet<string>;
}

/**
 * Files that glue otherwise unrelated parts: infrastructure and utilities used everywhere,
 * composition roots that wire everything, and what only those use. Parts come from a first
 * clustering on imports alone; a file's spread is the number of parts other than its own that use it.
 *
 * A domain's face is not infrastructure, however many files use it: a hub that composes a group of
 * files of its own folder that nothing else uses (a facade, an `index.js` loading its mixins with
 * `require('./create')(User)`) stays with its domain, and so do the files it composes; so does a hub named
 * after its own folder (`users/users.service.ts`).
 *
 * So is a file that declares a table's model (`models/Notification.ts`), however many parts use it: the model is
 * the entity's own, and in a layered app its name is all that ties it to the entity's routes and services.
 *
 * A file that makes an infrastructure client (`new PrismaClient()`, a redis client) is shared once files of two parts
 * use it, however few: on a small app the database client is not a hub of many parts, yet it is every domain's.
 */
export function findSharedKernel(
  files: readonly string[],
  dependencies: readonly Dependency[],
  options: SharedKernelOptions,
): SharedFile[] {
  const minParts = options.minParts ?? 4;
  const minUsers = options.minUsers ?? 4;
  const minComposed = options.minComposed ?? 3;
  const minShare = options.minShare ?? 0.25;
  const known = new Set(files);
  const deps = dependencies.filter((d) => known.has(d.from) && known.has(d.to) && d.from !== d.to);
  const parts = firstParts(files, deps, options.seed);
  const partCount = new Set(parts.values()).size;
  const importers = new Map<string, Set<string>>();
  const imported = new Map<string, Set<string>>();
  for (const { from, to } of deps) {
    (importers.get(to) ?? importers.set(to, new Set()).get(to)!).add(from);
    (imported.get(from) ?? imported.set(from, new Set()).get(from)!).add(to);
  }
  const spread = (file: string, others: Set<string> | undefined) =>
    new Set([...(others ?? [])].map((o) => parts.get(o)).filter((p) => p !== parts.get(file))).size;
  // Domain models are used by a neighbour or two; infrastructure by a good share of all parts.
  const needed = Math.max(minParts, Math.ceil(partCount * 0.35));
  // Parts count files unevenly: a few large parts can hold most users of a helper a quarter of the app imports.
  const widely = Math.max(minParts, Math.ceil(needed / 2));
  const manyUsers = Math.max(minUsers, Math.ceil(files.length * minShare));

  // Files per folder, those below it included.
  const folderSizes = new Map<string, number>();
  for (const file of files)
    for (let folder = posix.dirname(file); folder !== '.' && folder !== '/'; folder = posix.dirname(folder))
      folderSizes.set(folder, (folderSizes.get(folder) ?? 0) + 1);
  const shared = new Map<string, string>();
  for (const file of files) {
    const users = importers.get(file)?.size ?? 0;
    const usedBy = spread(file, importers.get(file));
    const client = options.clients?.get(file);
    // A client (the database's, the cache's) is infrastructure by what it makes: used from two parts is enough.
    const userParts = client ? new Set([...(importers.get(file) ?? [])].map((user) => parts.get(user))).size : 0;
    const hub = (users >= minUsers && usedBy >= needed - 1) || (users >= manyUsers && usedBy >= widely - 1);
    if (hub || userParts >= 2) {
      // Its name says nothing of a client: `prisma/prisma.service.ts` is named after infrastructure, not a domain.
      if (
        !client &&
        (options.models?.has(file) ||
          composed(file, imported, importers) >= minComposed ||
          carriesFolderName(file, folderSizes))
      )
        continue;
      shared.set(
        file,
        client
          ? `${client} used by ${users} files in ${userParts} parts`
          : `used by ${users} files in ${usedBy + 1} parts`,
      );
      continue;
    }
    const uses = spread(file, imported.get(file));
    if (
      users <= 1 &&
      uses >= needed &&
      (imported.get(file)?.size ?? 0) >= minUsers &&
      !mixin(file, importers) &&
      !options.barrels?.has(file)
    )
      shared.set(file, `composition root: wires ${uses} parts`);
  }
  // What only the kernel uses is part of it (a logger's formatter, a db client's pool), if it lives beside
  // a kernel file: the cascade must not run from a kernel file into a domain's folder, nor into a table's model.
  // What a composition root imports joins only if it builds on the kernel (a health route over the database client
  // and the router): a leaf the root alone imports (a plugin's request schema beside its hooks) is a feature's.
  const proper = (file: string) => shared.has(file) && !shared.get(file)!.startsWith('composition root');
  for (let grew = true; grew;) {
    grew = false;
    const kernelFolders = new Set([...shared.keys()].map((file) => posix.dirname(file)));
    for (const file of files) {
      if (shared.has(file) || options.models?.has(file) || !kernelFolders.has(posix.dirname(file))) continue;
      const users = [...(importers.get(file) ?? [])];
      const uses = [...(imported.get(file) ?? [])];
      // A barrel or a feature only the composition root imports still depends on its domain: not kernel.
      if (
        users.length > 0 &&
        users.every((user) => shared.has(user)) &&
        uses.every((dep) => shared.has(dep)) &&
        (users.every(proper) || uses.some(proper))
      ) {
        shared.set(file, 'used only by the shared kernel');
        grew = true;
      }
    }
  }
  return [...shared]
    .map(([path, reason]) =>
      reason.startsWith('composition root') ? { path, reason, group: 'composition roots' } : { path, reason },
    )
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * `users/users.service.ts`, `team/guards/team-member.guard.ts`: a file named after a folder holding it (its own or
 * one above, with other files below it), is that domain's face.
 */
function carriesFolderName(file: string, folderSizes: ReadonlyMap<string, number>): boolean {
  const own = ` ${entityKey(posix.basename(file))} `;
  for (let folder = posix.dirname(file); folder !== '.' && folder !== '/'; folder = posix.dirname(folder)) {
    if ((folderSizes.get(folder) ?? 0) < 2) continue;
    const domain = entityKey(posix.basename(folder));
    if (domain !== '' && own.includes(` ${domain} `)) return true;
  }
  return false;
}

/** How many files of the hub's folder (and below) it imports that no file outside that folder imports. */
function composed(
  hub: string,
  imported: ReadonlyMap<string, Set<string>>,
  importers: ReadonlyMap<string, Set<string>>,
): number {
  const folder = posix.dirname(hub);
  if (folder === '.') return 0;
  const inside = (file: string) => file.startsWith(`${folder}/`);
  let count = 0;
  for (const dep of imported.get(hub) ?? []) {
    if (inside(dep) && [...(importers.get(dep) ?? [])].every(inside)) count++;
  }
  return count;
}

/** Files whose every import is a re-export (`export * from './user.entity'`): barrels, not code of their own. */
export function barrelsOf(edges: ReadonlyArray<Pick<Edge, 'from' | 'kind'>>): Set<string> {
  const others = new Set(edges.filter((edge) => edge.kind !== 'reexport').map((edge) => edge.from));
  return new Set(edges.filter((edge) => edge.kind === 'reexport' && !others.has(edge.from)).map((edge) => edge.from));
}

function firstParts(files: readonly string[], deps: readonly Dependency[], seed: number): Map<string, number> {
  const graph = new FileGraphBuilder(files);
  for (const { from, to, calls } of deps) graph.add(from, to, calls);
  return runLouvain(graph.build(), 1, seed);
}

// A file whose one importer is itself imported by several files: a part its domain's facade loads
// (`require('./queue')(Posts)` in `posts/index.js`), however many parts it wires, not a root that starts the app.
function mixin(file: string, importers: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const [user] = importers.get(file) ?? [];
  return user !== undefined && (importers.get(user)?.size ?? 0) > 1;
}
