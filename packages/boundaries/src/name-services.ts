import { posix } from 'node:path';
import type { Graph } from '@seams/graph';
import { domainWords } from './tokens.ts';

const FOLDER_WEIGHT = 3;

/**
 * A name a person would choose for each group: its most distinctive domain word (frequent inside,
 * rare in the other groups), written the way the code writes it (`orders`, `payments`).
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
    let free: string | undefined;
    for (const word of words) {
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
