import { posix } from 'node:path';
import { entityKey } from '../tokens.ts';
import { ENTRY, entitiesAndLayers, longestEntity } from './entities-layers.ts';
import { addPair, type PairWeights, type Signal, type SignalInput } from './signal.ts';

/**
 * One entity's files belong together across technical folders: `models/order.ts`, `services/order.ts`,
 * `policies/order.ts` and `routes/admin/orders/` are the order's, whichever layer holds them.
 *
 * The entities are the app's own nouns: a name (singular, technical words dropped) is an entity when
 * it names files or folders in at least two different folders, or names a table the data detectors
 * found. A file's entity is its innermost folder naming one, else the longest entity its file name
 * carries (a tie between two is none). A folder named like an entity but holding every entity's files
 * (`presenters/`, `policies/`: a layer, see `layerFolders`) is no entity's folder: its files take the
 * entity their own name carries. Each entity's files are tied to its anchors (the files named
 * exactly after it, and the entry files of folders named after it), so the work is linear in the
 * files, never quadratic in a big entity.
 */
export const entitiesSignal: Signal = {
  name: 'entities',
  description:
    'the same entity across layers: files named after one of the app’s nouns (models/order.ts, services/order.ts, routes/orders/), tied to its anchors',
  share: 0.6,
  isAvailable: (input) => entityGroups(input).size > 0,
  pairs(input) {
    const weights: PairWeights = new Map();
    const count = input.files.length;
    for (const group of entityGroups(input).values()) {
      // A name with many anchors is a pattern every module repeats, not one entity: its first anchors speak for it.
      const anchors = group.anchors.slice(0, MAX_ANCHORS);
      const members = [...group.members, ...group.anchors.slice(MAX_ANCHORS)];
      if (anchors.length === 0) continue;
      const weight = 1 / anchors.length;
      for (let a = 0; a < anchors.length; a++)
        for (let b = a + 1; b < anchors.length; b++) addPair(weights, anchors[a]!, anchors[b]!, count, weight);
      for (const member of members) for (const anchor of anchors) addPair(weights, member, anchor, count, weight);
    }
    return weights;
  },
};

const MAX_ANCHORS = 12;

function entityGroups({
  graph,
  files,
  dependencies,
}: SignalInput): Map<string, { anchors: number[]; members: number[] }> {
  const { entities, layers } = entitiesAndLayers({ graph, files, dependencies });
  const groups = new Map<string, { anchors: number[]; members: number[] }>();
  files.forEach((file, index) => {
    const found = entityOf(file, entities, layers);
    if (!found) return;
    const group = groups.get(found.entity) ?? groups.set(found.entity, { anchors: [], members: [] }).get(found.entity)!;
    (found.anchor ? group.anchors : group.members).push(index);
  });
  return groups;
}

/**
 * The entity a file serves: its innermost entity folder, else the longest entity in its own name. A layer folder
 * (`presenters/`) is no entity's home: its files take the entity their own name carries, else the next folder out.
 */
function entityOf(
  file: string,
  entities: ReadonlySet<string>,
  layers: ReadonlySet<string>,
): { entity: string; anchor: boolean } | undefined {
  const base = posix.basename(file);
  const parent = posix.dirname(file);
  for (let dir = parent; dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) {
    const key = entityKey(posix.basename(dir));
    if (!entities.has(key)) continue;
    if (layers.has(dir)) {
      const named = longestEntity(base, entities, key);
      // A member, never an anchor: the entity's own files (its model, its folder) speak for it, not its presenter.
      if (named) return { entity: named, anchor: false };
      continue;
    }
    // Inside an entity's folder: its entry file and its file named after it speak for it.
    return { entity: key, anchor: dir === parent && (ENTRY.test(base) || longestEntity(base, entities) === key) };
  }
  const own = longestEntity(base, entities);
  if (!own) return undefined;
  return { entity: own, anchor: entityKey(base) === own };
}
