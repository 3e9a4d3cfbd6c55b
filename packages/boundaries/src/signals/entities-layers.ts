import { posix } from 'node:path';
import type { Dependency } from '../dependencies.ts';
import { entityKey } from '../tokens.ts';
import type { SignalInput } from './signal.ts';

export const ENTRY = /^(index|main|mod)\./;

// A folder is a layer when at least 5 of its files, and 40% of them, are named after other entities than its own;
// those name at least 5 different entities, and 40% as many as the files (many entities, not a few sub-entities
// of one feature); at least half of those files are tied by an import, either way, to a file of their entity
// outside the folder; and fewer than a quarter are tied to the folder's own entity outside it (a route group's
// `create-claim.ts` serves its group's entity too).
const MIN_NAMED = 5;
const MIN_NAMED_SHARE = 0.4;
const MIN_DISTINCT = 5;
const MIN_DISTINCT_SHARE = 0.4;
const MIN_TIED_SHARE = 0.5;
const MAX_HOME_SHARE = 0.25;

interface Found {
  entities: Set<string>;
  layers: Set<string>;
}
const computed = new WeakMap<readonly string[], { input: SignalInput; found: Found }>();

/** The app's entities and its layer folders, computed once per set of files (the entities and paths signals ask). */
export function entitiesAndLayers(input: SignalInput): Found {
  const { graph, files, dependencies } = input;
  const known = computed.get(files);
  if (known && known.input.graph === graph && known.input.dependencies === dependencies) return known.found;
  const entities = findEntities(files, graph.tables?.map((table) => table.name) ?? []);
  const found = { entities, layers: layerFolders(files, entities, dependencies) };
  computed.set(files, { input, found });
  return found;
}

/** Names of files and folders found in two folders or more, and table names: the app's nouns. */
function findEntities(files: readonly string[], tables: readonly string[]): Set<string> {
  const places = new Map<string, Set<string>>();
  const note = (name: string, parent: string) => {
    const key = entityKey(name);
    if (key) (places.get(key) ?? places.set(key, new Set()).get(key)!).add(parent);
  };
  const folders = new Set<string>();
  for (const file of files) {
    if (!ENTRY.test(posix.basename(file))) note(posix.basename(file), posix.dirname(file));
    for (let dir = posix.dirname(file); dir !== '.' && !folders.has(dir); dir = posix.dirname(dir)) {
      folders.add(dir);
      note(posix.basename(dir), posix.dirname(dir));
    }
  }
  const entities = new Set([...places].filter(([, parents]) => parents.size >= 2).map(([key]) => key));
  for (const table of tables) {
    const key = entityKey(table);
    if (key) entities.add(key);
  }
  return entities;
}

/** The innermost folder of a file's path whose name is an entity: its path and its entity. */
function entityFolderOf(
  file: string,
  entities: ReadonlySet<string>,
  skip?: ReadonlySet<string>,
): { folder: string; entity: string } | undefined {
  for (let dir = posix.dirname(file); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) {
    const key = entityKey(posix.basename(dir));
    if (entities.has(key) && !skip?.has(dir)) return { folder: dir, entity: key };
  }
  return undefined;
}

/**
 * Entity folders that are layers, not an entity's home: `presenters/` whose `document.ts`, `user.ts`, `team.ts`
 * each serve another entity, against NodeBB's `user/` whose `topics.js`, `categories.js` are the user's own mixins.
 * Names alone cannot tell them apart; the imports can: a layer's files are tied, each by an import either way, to
 * files of the entity their own name carries (`presenters/document.ts` to `models/Document.ts`, to the documents
 * routes), while a feature folder's files are loaded by their folder and reach the other entity seldom. A folder
 * is a layer when many of its files carry other entities' names, many different ones, and most of those are tied
 * to their entity (thresholds above). Linear in files and dependencies.
 */
export function layerFolders(
  files: readonly string[],
  entities: ReadonlySet<string>,
  dependencies: readonly Dependency[],
): Set<string> {
  const home = new Map<string, { folder: string; entity: string } | undefined>();
  for (const file of files) home.set(file, entityFolderOf(file, entities));
  const stats = new Map<string, FolderStat>();
  // Per file named after another entity than its folder's: that entity.
  const own = new Map<string, string>();
  for (const file of files) {
    const found = home.get(file);
    if (!found || ENTRY.test(posix.basename(file))) continue;
    let stat = stats.get(found.folder);
    if (!stat) stats.set(found.folder, (stat = { files: 0, named: [], distinct: new Set(), home: 0 }));
    stat.files++;
    const entity = otherEntity(posix.basename(file), found.entity, entities);
    if (entity) {
      stat.named.push(file);
      stat.distinct.add(entity);
      own.set(file, entity);
    }
  }
  // Per named file: the files outside its folder that it imports or is imported by and that carry its entity.
  const ties = new Map<string, string[]>();
  const leansHome = new Set<string>();
  const tie = (file: string, other: string) => {
    const entity = own.get(file);
    const folder = home.get(file);
    if (entity === undefined || !folder || !home.has(other) || home.get(other)?.folder === folder.folder) return;
    if (home.get(other)?.entity === entity || carries(posix.basename(other), entity))
      (ties.get(file) ?? ties.set(file, []).get(file)!).push(other);
    if (home.get(other)?.entity === folder.entity || carries(posix.basename(other), folder.entity)) leansHome.add(file);
  };
  for (const { from, to } of dependencies) {
    tie(from, to);
    tie(to, from);
  }
  for (const file of leansHome) stats.get(home.get(file)!.folder)!.home++;
  const layers = new Set<string>();
  // Outer folders first: a folder inside an entity's own folder is a layer only if its files reach their entities
  // outside that entity's folder (`auth/guards/github.guard.ts` tied to `auth/strategies/github.strategy.ts` is the
  // auth's own layering).
  const folders = [...stats.keys()].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
  for (const folder of folders) {
    const stat = stats.get(folder)!;
    const named = stat.named.length;
    if (
      named < MIN_NAMED ||
      named < MIN_NAMED_SHARE * stat.files ||
      stat.distinct.size < MIN_DISTINCT ||
      stat.distinct.size < MIN_DISTINCT_SHARE * named ||
      stat.home >= MAX_HOME_SHARE * named
    )
      continue;
    const within = entityFolderOf(folder, entities, layers)?.folder;
    const outside = (other: string) => within === undefined || !other.startsWith(`${within}/`);
    const tied = stat.named.filter((file) => ties.get(file)?.some(outside)).length;
    if (tied >= MIN_TIED_SHARE * named) layers.add(folder);
  }
  return layers;
}

interface FolderStat {
  /** Its files (entry files aside). */
  files: number;
  /** Its files named after another entity than its own. */
  named: string[];
  distinct: Set<string>;
  /** Named files tied to its own entity outside it: they serve it (a route group's `create-claim.ts`). */
  home: number;
}

/**
 * The entity a file name carries besides its folder's: none when its longest entity is the folder's (whatever else
 * it says), or a kind of the folder's (`blockVersion.ts` in `block/`).
 */
function otherEntity(name: string, folderEntity: string, entities: ReadonlySet<string>): string | undefined {
  if (longestEntity(name, entities) === folderEntity) return undefined;
  const entity = longestEntity(name, entities, folderEntity);
  return entity && !carries(entity, folderEntity) ? entity : undefined;
}

/** Whether a file name carries an entity as whole words (`DocumentArchivedProcessor.ts` carries `document`). */
function carries(name: string, entity: string): boolean {
  return ` ${entityKey(name)} `.includes(` ${entity} `);
}

/** The longest entity a name carries, `except` one (its folder's); two of the same length are none. */
export function longestEntity(name: string, entities: ReadonlySet<string>, except?: string): string | undefined {
  const words = entityKey(name).split(' ').filter(Boolean);
  for (let length = words.length; length > 0; length--) {
    const found = new Set<string>();
    for (let start = 0; start + length <= words.length; start++) {
      const key = words.slice(start, start + length).join(' ');
      if (key !== except && entities.has(key)) found.add(key);
    }
    if (found.size === 1) return [...found][0];
    if (found.size > 1) return undefined;
  }
  return undefined;
}

function depth(folder: string): number {
  return folder.split('/').length;
}
