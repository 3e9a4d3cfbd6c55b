import { describe, expect, it } from 'vitest';
import { dependenciesOf } from '../src/dependencies.ts';
import { FolderTrust } from '../src/signals/folder-trust.ts';
import { importsSignal } from '../src/signals/imports-signal.ts';
import { useCasesSignal } from '../src/signals/use-cases-signal.ts';
import { handGraph } from './hand-graph.ts';

const ring = (folder: string) =>
  [1, 2, 3, 4].map((n) => [`src/${folder}/${folder}${n}.ts`, `src/${folder}/${folder}${(n % 4) + 1}.ts`] as const);
const modules = [...ring('a'), ...ring('b'), ['src/a/a1.ts', 'src/b/b1.ts'], ['src/b/b2.ts', 'src/a/a2.ts']] as const;
const moduleFiles = ['src/main.ts', ...[1, 2, 3, 4].flatMap((n) => [`src/a/a${n}.ts`, `src/b/b${n}.ts`])];

function trustOf(files: readonly string[], imports: ReadonlyArray<readonly [string, string]>) {
  const trust = new FolderTrust(files, dependenciesOf(handGraph(files, imports)));
  return (a: string, b: string) => Math.round(trust.across(files.indexOf(a), files.indexOf(b)) * 1000) / 1000;
}

describe('FolderTrust', () => {
  it('trusts sibling folders whose files mostly import their own folder', () => {
    // Under src/: 10 imports between files of a/ and b/ (main.ts lies directly in src/ and does not count), 8 of
    // them inside one folder. Each folder holds 10 of the 20 import ends: chance would keep (1/2)^2 + (1/2)^2 =
    // 0.5 inside. Trust (0.8 - 0.5) / (1 - 0.5) = 0.6, read above the layers' 0.3: (0.6 - 0.3) / 0.7 = 3/7.
    const across = trustOf(moduleFiles, [...modules, ['src/main.ts', 'src/a/a1.ts']]);
    expect(across('src/a/a1.ts', 'src/b/b1.ts')).toBe(0.429);
    expect(across('src/b/b3.ts', 'src/a/a4.ts')).toBe(0.429);
    // Same folder, or one file directly in the folder both share: not across modules.
    expect(across('src/a/a1.ts', 'src/a/a2.ts')).toBe(0);
    expect(across('src/main.ts', 'src/a/a1.ts')).toBe(0);
  });

  it('gives layers no trust: services importing models cross folders more than chance', () => {
    // 9 imports services -> models and 1 models -> models: 1 of 10 inside; ends 9 in services/, 11 in models/,
    // chance 0.45^2 + 0.55^2 = 0.505: trust (0.1 - 0.505) / 0.495 < 0, no discount.
    const files = ['s1', 's2', 's3']
      .map((s) => `src/services/${s}.ts`)
      .concat(['m1', 'm2', 'm3'].map((m) => `src/models/${m}.ts`));
    const imports = files
      .slice(0, 3)
      .flatMap((service) => files.slice(3).map((model) => [service, model] as const))
      .concat([['src/models/m1.ts', 'src/models/m2.ts']]);
    expect(trustOf(files, imports)('src/services/s1.ts', 'src/models/m1.ts')).toBe(0);
  });

  it('says nothing from fewer than 10 imports', () => {
    expect(trustOf(moduleFiles, modules.slice(0, 9))('src/a/a1.ts', 'src/b/b1.ts')).toBe(0);
  });
});

describe('importsSignal', () => {
  it('damps an import between two trusted modules by their trust', () => {
    const graph = handGraph(moduleFiles, [...modules, ['src/main.ts', 'src/a/a1.ts']]);
    const files = graph.files.map((f) => f.path);
    const pairs = importsSignal.pairs({ graph, files, dependencies: dependenciesOf(graph) });
    const weight = (a: string, b: string) => {
      const [i, j] = [files.indexOf(a), files.indexOf(b)].sort((x, y) => x - y);
      return Math.round(pairs.get(i! * files.length + j!)! * 1000) / 1000;
    };
    // Each import weighs 1 / log2(1 + importers of its target); b1 and a2 have two importers: 1 / log2(3) = 0.631.
    // a1 -> b1 crosses the trusted modules a/ and b/: 1 - 3/7 of it, 0.361.
    expect(weight('src/a/a1.ts', 'src/a/a2.ts')).toBe(0.631);
    expect(weight('src/a/a1.ts', 'src/b/b1.ts')).toBe(0.361);
    expect(weight('src/b/b2.ts', 'src/a/a2.ts')).toBe(0.361);
  });
});

describe('useCasesSignal', () => {
  it('damps what an entry reaches in another trusted module by their trust', () => {
    const graph = handGraph(moduleFiles, [...modules, ['src/main.ts', 'src/a/a1.ts']]);
    graph.useCases = [{ id: 'http GET /a', kind: 'http', entry: 'src/a/a1.ts' }];
    const files = graph.files.map((f) => f.path);
    const pairs = useCasesSignal.pairs({ graph, files, dependencies: dependenciesOf(graph) });
    const tied: Record<string, number> = {};
    for (const [key, weight] of pairs)
      tied[files[Math.floor(key / files.length)]! + ' | ' + files[key % files.length]!] =
        Math.round(weight * 1000) / 1000;
    // From a1, four steps of imports reach the rest of a/ and, through a1 -> b1, all of b/: one use case, weight 1
    // each, and 1 - 3/7 = 0.571 for the files of b/.
    expect(tied).toEqual({
      'src/a/a1.ts | src/a/a2.ts': 1,
      'src/a/a1.ts | src/a/a3.ts': 1,
      'src/a/a1.ts | src/a/a4.ts': 1,
      'src/a/a1.ts | src/b/b1.ts': 0.571,
      'src/a/a1.ts | src/b/b2.ts': 0.571,
      'src/a/a1.ts | src/b/b3.ts': 0.571,
      'src/a/a1.ts | src/b/b4.ts': 0.571,
    });
  });
});
