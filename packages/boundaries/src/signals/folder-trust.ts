import { posix } from 'node:path';
import type { WeightedDependency } from '../dependencies.ts';

// Fewer imports than this between a folder's sub-folders say nothing about whether they are modules.
const MIN_EVIDENCE = 10;
// Layered apps' roots score up to about this much (node-express-boilerplate's `src/` 0.31, NodeBB's 0.21, medusa's
// 0.10, against 0.62 for amplication's `src/core/` domain folders): trust below it is no evidence of modules. At 0.2
// the 1.6% it took off NodeBB's imports between `socket.io/topics/` and `topics/` tipped its socket.io layer into
// one service on every seed.
const LAYERS = 0.3;

/**
 * How far the imports confirm that sibling folders are modules: for every folder, the normalised modularity
 * (Newman's assortativity) of the imports between files of its sub-folders under the partition by sub-folder,
 * `(inside - expected) / (1 - expected)`: 1 when each sub-folder imports only itself, 0 when imports cross
 * sub-folders as often as chance would have them, negative when they cross more (layers: `services/` imports
 * `models/`). A pair of files in two different sub-folders of one folder is across modules as much as that
 * folder's sub-folders are modules.
 */
export class FolderTrust {
  private static readonly built = new WeakMap<readonly string[], WeakMap<readonly WeightedDependency[], FolderTrust>>();

  /** The trust of these files and dependencies, built once: the signals and refinement all read it. */
  static of(files: readonly string[], dependencies: readonly WeightedDependency[]): FolderTrust {
    let byDependencies = FolderTrust.built.get(files);
    if (!byDependencies) FolderTrust.built.set(files, (byDependencies = new WeakMap()));
    let trust = byDependencies.get(dependencies);
    if (!trust) byDependencies.set(dependencies, (trust = new FolderTrust(files, dependencies)));
    return trust;
  }

  private readonly chains: Int32Array[];
  private readonly trust: Float64Array;

  constructor(files: readonly string[], dependencies: readonly WeightedDependency[]) {
    const ids = new Map<string, number>([['.', 0]]);
    const idOf = (dir: string) => ids.get(dir) ?? ids.set(dir, ids.size).get(dir)!;
    // Each file's folders from the root down: `a/b/c.ts` -> [., a, a/b].
    this.chains = files.map((file) => {
      const dirs: string[] = [];
      for (let dir = posix.dirname(file); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) dirs.push(dir);
      return Int32Array.from(['.', ...dirs.reverse()].map(idOf));
    });
    const index = new Map(files.map((file, i) => [file, i]));
    const inside = new Float64Array(ids.size);
    const total = new Float64Array(ids.size);
    // Per folder, the import ends each sub-folder holds: `ends.get(folder).get(sub-folder)`.
    const ends = new Map<number, Map<number, number>>();
    for (const { from, to } of dependencies) {
      const a = index.get(from);
      const b = index.get(to);
      if (a === undefined || b === undefined || a === b) continue;
      const chainA = this.chains[a]!;
      const chainB = this.chains[b]!;
      const shared = commonDepth(chainA, chainB);
      // Every folder holding both files in sub-folders: the same sub-folder above the innermost, two below it.
      for (let depth = 0; depth < shared; depth++) {
        const childA = chainA[depth + 1];
        const childB = chainB[depth + 1];
        if (childA === undefined || childB === undefined) break;
        const folder = chainA[depth]!;
        total[folder]! += 1;
        if (childA === childB) inside[folder]! += 1;
        const perChild = ends.get(folder) ?? ends.set(folder, new Map()).get(folder)!;
        perChild.set(childA, (perChild.get(childA) ?? 0) + 1);
        perChild.set(childB, (perChild.get(childB) ?? 0) + 1);
      }
    }
    this.trust = new Float64Array(ids.size);
    for (const [folder, perChild] of ends) {
      const m = total[folder]!;
      if (m < MIN_EVIDENCE) continue;
      let expected = 0;
      for (const count of perChild.values()) expected += (count / (2 * m)) ** 2;
      if (expected < 1) this.trust[folder] = (inside[folder]! / m - expected) / (1 - expected);
    }
  }

  /**
   * The modules holding a file, outermost first (folder ids): for every folder above it whose sub-folders the imports
   * show to be modules (trust above the layers'), that folder and its sub-folder holding the file; and when its own
   * folder is such a folder, the files lying directly in it, a module of their own beside its sub-folders (a NestJS
   * module's `ai.module.ts` and `ai.service.ts` beside its sub-modules `ai/runtime/`, `ai/agent/`).
   */
  modulesOf(a: number): Array<{ folder: number; module: number }> {
    const chain = this.chains[a]!;
    const modules: Array<{ folder: number; module: number }> = [];
    for (let depth = 0; depth + 1 < chain.length; depth++)
      if (this.trust[chain[depth]!]! > LAYERS) modules.push({ folder: chain[depth]!, module: chain[depth + 1]! });
    // Its own folder's files beside its sub-folders: the files of `ai/` itself are a module beside `ai/runtime/`.
    const own = chain[chain.length - 1]!;
    if (chain.length > 1 && this.trust[own]! > LAYERS) modules.push({ folder: own, module: ownFiles(own) });
    return modules;
  }

  /**
   * How much the pair's files sit in two different modules, 0 to 1: the trust of the folder whose two
   * different sub-folders hold them; 0 when one of them lies directly in the folder they share, or in the same
   * sub-folder.
   */
  across(a: number, b: number): number {
    const chainA = this.chains[a]!;
    const chainB = this.chains[b]!;
    const shared = commonDepth(chainA, chainB);
    // Same folder, or one of them directly in the folder both share: not across two of its sub-folders.
    if (shared === chainA.length || shared === chainB.length) return 0;
    return Math.max(0, (this.trust[chainA[shared - 1]!]! - LAYERS) / (1 - LAYERS));
  }
}

/** Whether a module of `modulesOf` is the files lying directly in its folder rather than one of its sub-folders. */
export function isOwnFiles({ folder, module }: { folder: number; module: number }): boolean {
  return module === ownFiles(folder);
}

/** The module id of the files lying directly in a folder: apart from every folder id (those are 0 and up). */
function ownFiles(folder: number): number {
  return -1 - folder;
}

function commonDepth(a: Int32Array, b: Int32Array): number {
  let depth = 0;
  while (depth < a.length && depth < b.length && a[depth] === b[depth]) depth++;
  return depth;
}
