/**
 * Pairs files a plan lists that are gone with files it does not list that carry the same name: a
 * renamed folder (`git mv src/routes src/modules`) or a moved file. The more path the two share at
 * the end (`user/index.ts` over `index.ts`), the likelier the pair. Levels are taken from the
 * longest shared end down; at each, a pair is taken only when neither file has another candidate
 * there, and a file with several is left alone from then on, so no guess is arbitrary.
 */
export function findMovedFiles(gone: readonly string[], unlisted: readonly string[]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const file of unlisted) {
    const name = baseName(file);
    let files = byName.get(name);
    if (!files) byName.set(name, (files = []));
    files.push(file);
  }
  const levels = new Map<number, Array<[string, string]>>();
  for (const old of gone) {
    for (const fresh of byName.get(baseName(old)) ?? []) {
      const shared = sharedEnd(old, fresh);
      let pairs = levels.get(shared);
      if (!pairs) levels.set(shared, (pairs = []));
      pairs.push([old, fresh]);
    }
  }
  const moved = new Map<string, string>();
  const settled = new Set<string>();
  for (const level of [...levels.keys()].sort((a, b) => b - a)) {
    const pairs = levels.get(level)!.filter(([old, fresh]) => !settled.has(old) && !settled.has(fresh));
    const count = new Map<string, number>();
    for (const [old, fresh] of pairs) for (const file of [old, fresh]) count.set(file, (count.get(file) ?? 0) + 1);
    for (const [old, fresh] of pairs) if (count.get(old) === 1 && count.get(fresh) === 1) moved.set(old, fresh);
    for (const file of count.keys()) settled.add(file);
  }
  return moved;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

// Path segments the two have in common at their ends: 1 for the file name alone.
function sharedEnd(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let shared = 0;
  while (shared < x.length && shared < y.length && x[x.length - 1 - shared] === y[y.length - 1 - shared]) shared++;
  return shared;
}
