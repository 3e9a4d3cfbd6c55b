import { posix } from 'node:path';
import type { Graph } from '@seams/graph';
import { domainWords, kebabName } from './tokens.ts';

const FOLDER_WEIGHT = 3;
/** How much of a group one folder must hold, as coverage x purity, to name it: a team names a service so. */
const FOLDER_SHARE = 0.4;
// Folder names that say where code sits, not what it does: a service is never named after one of them. Other
// technical names (`config`, `models`, `middleware`) are how a team names the service that owns such a folder.
const CONTAINERS = new Set(
  [
    'src source lib libs app apps public dist build js ts util utils helper helpers common shared core internal base',
    'misc modules features domains packages components',
  ]
    .join(' ')
    .split(' '),
);

/**
 * A name a person would choose for each group: the folder holding most of it and little else (`tax-rates`,
 * `config`), else its most distinctive domain word (frequent inside, rare in the other groups), written the way
 * the code writes it (`orders`, `payments`).
 */
export function nameServices(
  groups: ReadonlyMap<string, readonly string[]>,
  graph: Pick<Graph, 'files'>,
): Map<string, string> {
  const exportsOf = new Map(graph.files.map((f) => [f.path, f.exports]));
  const counts = new Map<string, Map<string, number>>();
  const surfaces = new Map<string, Map<string, number>>();
  const groupsWith = new Map<string, number>();
  for (const [label, files] of groups) {
    const words = new Map<string, number>();
    for (const file of files) {
      // Folder names are where teams write their domains down: they count most, for the word and its spelling.
      const sources: Array<[string[], number]> = [
        [posix.dirname(file).split('/'), FOLDER_WEIGHT],
        [[posix.basename(file)], 1],
        [(exportsOf.get(file) ?? []).filter((n) => n !== 'default' && n !== '*'), 1],
      ];
      for (const [names, weight] of sources) {
        for (const { stem, surface } of domainWords(names)) {
          words.set(stem, (words.get(stem) ?? 0) + weight);
          const forms = surfaces.get(stem) ?? surfaces.set(stem, new Map()).get(stem)!;
          forms.set(surface, (forms.get(surface) ?? 0) + weight);
        }
      }
    }
    counts.set(label, words);
    for (const stem of words.keys()) groupsWith.set(stem, (groupsWith.get(stem) ?? 0) + 1);
  }
  const folders = dominantFolders(groups);
  const names = new Map<string, string>();
  const taken = new Set<string>();
  // A stem's spelling, once counted: groups with no free word spell every one of theirs.
  const spelled = new Map<string, string>();
  const ranked = [...groups.keys()].sort((a, b) => groups.get(b)!.length - groups.get(a)!.length || a.localeCompare(b));
  for (const label of ranked) {
    const words = [...counts.get(label)!].map(([stem, count]) => ({
      stem,
      score: count * Math.log(1 + groups.size / groupsWith.get(stem)!),
    }));
    words.sort((a, b) => b.score - a.score || a.stem.localeCompare(b.stem));
    // Spelled only until one is free: spelling every word of a big group sorted each word's forms.
    const folder = folders.get(label);
    let free = folder !== undefined && !taken.has(folder) ? folder : undefined;
    for (const word of free === undefined ? words : []) {
      const surface =
        spelled.get(word.stem) ?? spelled.set(word.stem, surfaceOf(surfaces.get(word.stem)!)).get(word.stem)!;
      if (!taken.has(surface)) {
        free = surface;
        break;
      }
    }
    const choice = free ?? `service-${taken.size + 1}`;
    let name = choice;
    for (let n = 2; taken.has(name); n++) name = `${choice}-${n}`;
    taken.add(name);
    names.set(label, name);
  }
  return names;
}

// The commonest spelling; on a tie the plural, since folders and services are usually named in the plural.
function surfaceOf(forms: Map<string, number>): string {
  return [...forms].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * Each group's dominant folder, named as written in kebab case: the folder with the best coverage (share of the
 * group's files under it) times purity (share of the folder's grouped files in this group), when that reaches
 * FOLDER_SHARE. Purity keeps out the layer folders of a layered app (`src/services` spans every group) and the
 * roots (`src`); on a tie the deeper folder wins: a folder whose files all sit in one child (`extracted/history/`)
 * is a wrapper, its child names the content.
 */
function dominantFolders(groups: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const perFolder = new Map<string, Map<string, number>>();
  for (const [label, files] of groups) {
    for (const file of files) {
      const parts = file.split('/').slice(0, -1);
      for (let depth = 1; depth <= parts.length; depth++) {
        const folder = parts.slice(0, depth).join('/');
        const byGroup = perFolder.get(folder) ?? perFolder.set(folder, new Map()).get(folder)!;
        byGroup.set(label, (byGroup.get(label) ?? 0) + 1);
      }
    }
  }
  const best = new Map<string, { score: number; depth: number; name: string }>();
  for (const [folder, byGroup] of perFolder) {
    const name = kebabName(posix.basename(folder));
    if (name === '' || CONTAINERS.has(name)) continue;
    let total = 0;
    for (const count of byGroup.values()) total += count;
    const depth = folder.split('/').length;
    for (const [label, count] of byGroup) {
      const score = (count / groups.get(label)!.length) * (count / total);
      const current = best.get(label);
      if (
        score >= FOLDER_SHARE &&
        (!current || score > current.score || (score === current.score && depth > current.depth))
      )
        best.set(label, { score, depth, name });
    }
  }
  return new Map([...best].map(([label, { name }]) => [label, name]));
}
