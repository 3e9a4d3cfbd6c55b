import type { Plan } from '@seams/graph';

/** Who a file belongs to, as far as the check is concerned. */
export interface Owner {
  /** Service id; absent for the shared group. */
  service?: string;
  /** True when the plan does not list the file and its folder decided, or it looks moved. */
  attributed: boolean;
  /** The path the plan lists, when the file looks moved from there. */
  movedFrom?: string;
}

/** The owner of a file, or undefined when neither the plan nor the file's folder says. */
export type OwnerOf = (file: string) => Owner | undefined;

// Counts key of the shared group, apart from every possible service id.
const SHARED = Symbol('shared');

/**
 * Owners from the plan; for files that look moved from a listed path (`moved`: old -> new), the
 * owner of the old path; for other files it does not list (added since it was written), the owner
 * of the nearest folder holding listed files, when one owner has more than half of them. A strict
 * majority, not the most files: in a folder shared by several services (`src/`, or `services/` in
 * layered code) the largest one is a guess, and a wrong owner makes false findings. The root folder
 * never decides, since it holds everything. Files that are `gone` count in no folder, moved files
 * in their new one, so a file added beside them after a folder was renamed finds its owner too.
 */
export function ownership(
  plan: Pick<Plan, 'services' | 'shared'>,
  moved: ReadonlyMap<string, string> = new Map(),
  gone: ReadonlySet<string> = new Set(),
): OwnerOf {
  const listed = new Map<string, Owner>();
  // One owner per service, shared by its listed files: nothing changes an owner once made.
  for (const service of plan.services) {
    const owner: Owner = { service: service.id, attributed: false };
    for (const file of service.files) if (!listed.has(file)) listed.set(file, owner);
  }
  const shared: Owner = { attributed: false };
  for (const { path } of plan.shared) if (!listed.has(path)) listed.set(path, shared);
  for (const [old, fresh] of moved) {
    const owner = listed.get(old);
    if (owner && !listed.has(fresh)) listed.set(fresh, { ...owner, attributed: true, movedFrom: old });
  }

  // Counted on first need: when the plan lists every file (the usual case), no folder ever decides.
  let counts: Map<string, Map<string | symbol, number>> | undefined;
  const countFolders = () => {
    counts = new Map();
    for (const [file, owner] of listed) {
      // A gone file says nothing about its folder any more; a moved one speaks for its new folder.
      if (gone.has(file)) continue;
      const key = owner.service ?? SHARED;
      for (let folder = parentOf(file); folder !== ''; folder = parentOf(folder)) {
        let perOwner = counts.get(folder);
        if (!perOwner) counts.set(folder, (perOwner = new Map<string | symbol, number>()));
        perOwner.set(key, (perOwner.get(key) ?? 0) + 1);
      }
    }
    return counts;
  };

  const byFolder = new Map<string, Owner | undefined>();
  const ownerOfFolder = (folder: string): Owner | undefined => {
    if (byFolder.has(folder)) return byFolder.get(folder);
    let owner: Owner | undefined;
    const perOwner = (counts ?? countFolders()).get(folder);
    if (perOwner) owner = majorityOf(perOwner);
    else if (folder !== '') owner = ownerOfFolder(parentOf(folder));
    byFolder.set(folder, owner);
    return owner;
  };
  return (file) => listed.get(file) ?? ownerOfFolder(parentOf(file));
}

function majorityOf(perOwner: ReadonlyMap<string | symbol, number>): Owner | undefined {
  let total = 0;
  for (const count of perOwner.values()) total += count;
  for (const [key, count] of perOwner) {
    if (count * 2 > total) return typeof key === 'symbol' ? { attributed: true } : { service: key, attributed: true };
  }
  return undefined;
}

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
