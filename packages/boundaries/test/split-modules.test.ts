import { describe, expect, it } from 'vitest';
import { dependenciesOf } from '../src/dependencies.ts';
import { FileGraphBuilder, type FileGraph } from '../src/file-graph.ts';
import { groupsOf, mergeTiny, splitLarge } from '../src/refine.ts';
import { FolderTrust } from '../src/signals/folder-trust.ts';
import { isWholeModule, splitModules, type Module } from '../src/split-modules.ts';
import { handGraph } from './hand-graph.ts';

function weighted(edges: Array<[string, string, number]>, lonely: string[] = []): FileGraph {
  const nodes = [...new Set([...lonely, ...edges.flatMap(([a, b]) => [a, b])])];
  const graph = new FileGraphBuilder(nodes);
  for (const [a, b, weight] of edges) graph.add(a, b, weight);
  return graph.build();
}

const sorted = (partition: Map<string, string>) =>
  [...groupsOf(partition).values()].map((files) => [...files].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));

// Modules by hand: `f/a*` is module 1, `f/b*` module 2, `f/c*` module 3 (sub-folders of a trusted `f/`, folder 0);
// a module inside another (`f/a/x` is module 1 then module 10 of folder 1) is part of the outer one when the outer
// counts; `g/d*` is module 4 of another trusted folder `g/` (folder 5). `legacy/*` is in no module.
const modulesOf = (file: string): Module[] => {
  if (file.startsWith('f/a/x'))
    return [
      { folder: 0, module: 1 },
      { folder: 1, module: 10 },
    ];
  if (file.startsWith('f/a')) return [{ folder: 0, module: 1 }];
  if (file.startsWith('f/b')) return [{ folder: 0, module: 2 }];
  if (file.startsWith('f/c')) return [{ folder: 0, module: 3 }];
  if (file.startsWith('g/d')) return [{ folder: 5, module: 4 }];
  return [];
};

// Modules a (3 files) and b (3 files), each a path of ties, joined through a legacy file both import; the legacy
// file is tied 2 to a, 1 to b.
const edges: Array<[string, string, number]> = [
  ['f/a1', 'f/a2', 1],
  ['f/a2', 'f/a3', 1],
  ['f/b1', 'f/b2', 1],
  ['f/b2', 'f/b3', 1],
  ['legacy/l', 'f/a1', 2],
  ['legacy/l', 'f/b1', 1],
];

describe('splitModules', () => {
  it('cuts a service along the two modules it holds whole, its other files following the one they are most tied to', () => {
    const all = new Map(['f/a1', 'f/a2', 'f/a3', 'f/b1', 'f/b2', 'f/b3', 'legacy/l'].map((f) => [f, 's']));
    expect(sorted(splitModules(weighted(edges), all, modulesOf, 3))).toEqual([
      ['f/a1', 'f/a2', 'f/a3', 'legacy/l'],
      ['f/b1', 'f/b2', 'f/b3'],
    ]);
  });

  it('leaves a service holding one module and files of none (a layered domain) alone', () => {
    const one = new Map(['f/a1', 'f/a2', 'f/a3', 'legacy/l'].map((f) => [f, 's']));
    const graph = weighted(edges.filter(([a, b]) => !a.startsWith('f/b') && !b.startsWith('f/b')));
    expect(splitModules(graph, one, modulesOf, 3)).toEqual(one);
  });

  it('leaves modules of two different folders together (one domain across two route groups)', () => {
    const files = ['f/a1', 'f/a2', 'f/a3', 'g/d1', 'g/d2', 'g/d3'];
    const graph = weighted([
      ['f/a1', 'f/a2', 1],
      ['f/a2', 'f/a3', 1],
      ['f/a3', 'g/d1', 1],
      ['g/d1', 'g/d2', 1],
      ['g/d2', 'g/d3', 1],
    ]);
    const one = new Map(files.map((f) => [f, 's']));
    expect(splitModules(graph, one, modulesOf, 3)).toEqual(one);
  });

  it('cuts a module from one nested in a sibling sub-folder of its folder (app/access/ beside app/endpoints/public/)', () => {
    // f/e/ is module 5 of f/ (folder 0), itself trusted (folder 6): f/e/p* is its module 7, f/e/q* its module 8.
    // The service holds all of a (module 1 of f/) and of p, but only p's half of e: e does not count, p does, in
    // folder 6; lifted to f/, beside a, it is a module of its own.
    const nested = (file: string): Module[] =>
      file.startsWith('f/e/')
        ? [
            { folder: 0, module: 5 },
            { folder: 6, module: file.startsWith('f/e/p') ? 7 : 8 },
          ]
        : modulesOf(file);
    const files = ['f/a1', 'f/a2', 'f/a3', 'f/e/p1', 'f/e/p2', 'f/e/p3'];
    const elsewhere = ['f/e/q1', 'f/e/q2', 'f/e/q3'];
    const graph = weighted([
      ['f/a1', 'f/a2', 1],
      ['f/a2', 'f/a3', 1],
      ['f/a3', 'f/e/p1', 1],
      ['f/e/p1', 'f/e/p2', 1],
      ['f/e/p2', 'f/e/p3', 1],
      ['f/e/q1', 'f/e/q2', 1],
      ['f/e/q2', 'f/e/q3', 1],
    ]);
    const partition = new Map([...files.map((f) => [f, 's'] as const), ...elsewhere.map((f) => [f, 't'] as const)]);
    expect(sorted(splitModules(graph, partition, nested, 3))).toEqual([
      ['f/a1', 'f/a2', 'f/a3'],
      ['f/e/p1', 'f/e/p2', 'f/e/p3'],
      ['f/e/q1', 'f/e/q2', 'f/e/q3'],
    ]);
  });

  it('counts a module only with at least min-size files, and most of them, in the service', () => {
    // b has 2 files in the service (under min-size 3) and 1 elsewhere; c has 3 here but 4 elsewhere (not most of it).
    const files = ['f/a1', 'f/a2', 'f/a3', 'f/b1', 'f/b2', 'f/c1', 'f/c2', 'f/c3'];
    const elsewhere = ['f/b3', 'f/c4', 'f/c5', 'f/c6', 'f/c7'];
    const partition = new Map([...files.map((f) => [f, 's'] as const), ...elsewhere.map((f) => [f, 't'] as const)]);
    const graph = weighted(
      [...files.slice(1), ...elsewhere.slice(1)].map((f, i) => [[...files, ...elsewhere][i]!, f, 1]),
      [],
    );
    expect(splitModules(graph, partition, modulesOf, 3)).toEqual(partition);
  });

  it('counts a small module held whole, even of one file, in a service mostly of modules: it takes no other file', () => {
    // b (f/b1, f/b2) and c (f/c1) are all in the service, under min-size 3; with a, 6 of the service's 7 files are in
    // modules, so both are modules of their own beside a. The legacy file is tied only to b, which, a small whole
    // module, draws no other file: it stays with the largest piece, a.
    const files = ['f/a1', 'f/a2', 'f/a3', 'f/b1', 'f/b2', 'f/c1', 'legacy/l'];
    const graph = weighted([
      ['f/a1', 'f/a2', 1],
      ['f/a2', 'f/a3', 1],
      ['f/b1', 'f/b2', 1],
      ['f/a3', 'f/b1', 3],
      ['f/c1', 'f/a1', 2],
      ['f/c1', 'f/b2', 1],
      ['legacy/l', 'f/b2', 1],
    ]);
    expect(sorted(splitModules(graph, new Map(files.map((f) => [f, 's'])), modulesOf, 3))).toEqual([
      ['f/a1', 'f/a2', 'f/a3', 'legacy/l'],
      ['f/b1', 'f/b2'],
      ['f/c1'],
    ]);
    // When no clustered file imports c1 (a file the framework wires), it is no module: it follows a (2 against b's 1).
    const unused = (file: string) => file !== 'f/c1';
    expect(sorted(splitModules(graph, new Map(files.map((f) => [f, 's'])), modulesOf, 3, unused))).toEqual([
      ['f/a1', 'f/a2', 'f/a3', 'f/c1', 'legacy/l'],
      ['f/b1', 'f/b2'],
    ]);
  });

  it('counts no lone file in a service mostly of files of no module (a layered domain and its facade)', () => {
    // a (3 files) and c (f/c1, one file) are whole, but with them only 4 of the service's 8 files are in modules:
    // c1 is the face of the domain spread over legacy/, no module; only a counts, and one module cuts nothing.
    const files = ['f/a1', 'f/a2', 'f/a3', 'f/c1', 'legacy/l', 'legacy/m', 'legacy/n', 'legacy/o'];
    const graph = weighted([
      ['f/a1', 'f/a2', 1],
      ['f/a2', 'f/a3', 1],
      ['f/a3', 'legacy/l', 1],
      ...['legacy/l', 'legacy/m', 'legacy/n', 'legacy/o'].map((f): [string, string, number] => ['f/c1', f, 1]),
    ]);
    const one = new Map(files.map((f) => [f, 's']));
    expect(splitModules(graph, one, modulesOf, 3)).toEqual(one);
  });

  it('counts the files lying directly in a folder as a module of two files at least, never of one', () => {
    // f/own is the only file directly in f/ (module -1 of folder 0: its own files), an entry beside a and b.
    const own = (file: string): Module[] => (file === 'f/own' ? [{ folder: 0, module: -1 }] : modulesOf(file));
    const files = ['f/a1', 'f/a2', 'f/a3', 'f/b1', 'f/b2', 'f/b3', 'f/own'];
    const graph = weighted([...edges.filter(([a]) => a !== 'legacy/l'), ['f/own', 'f/a1', 1], ['f/own', 'f/b1', 2]]);
    expect(sorted(splitModules(graph, new Map(files.map((f) => [f, 's'])), own, 3))).toEqual([
      ['f/a1', 'f/a2', 'f/a3'],
      ['f/b1', 'f/b2', 'f/b3', 'f/own'],
    ]);
  });

  it('keeps a module whole when a module inside it would count too', () => {
    // f/a holds f/a/x1..3 (module 10 inside module 1): module 1 is the unit, beside module 2.
    const files = ['f/a/x1', 'f/a/x2', 'f/a/x3', 'f/a1', 'f/b1', 'f/b2', 'f/b3'];
    const graph = weighted([
      ['f/a/x1', 'f/a/x2', 1],
      ['f/a/x2', 'f/a/x3', 1],
      ['f/a/x3', 'f/a1', 1],
      ['f/a1', 'f/b1', 0.5],
      ['f/b1', 'f/b2', 1],
      ['f/b2', 'f/b3', 1],
    ]);
    expect(sorted(splitModules(graph, new Map(files.map((f) => [f, 's'])), modulesOf, 3))).toEqual([
      ['f/a/x1', 'f/a/x2', 'f/a/x3', 'f/a1'],
      ['f/b1', 'f/b2', 'f/b3'],
    ]);
  });
});

describe('FolderTrust.modulesOf', () => {
  it('gives the sub-folder of each trusted folder above a file, and the own files of a trusted folder', () => {
    // src/a and src/b each a ring of 4 imports, with 2 imports between them: 8 of 10 inside, trust 0.6 (above the
    // layers' 0.3), so src/ is a folder of modules; src/a/ and src/b/ have no sub-folders, so no deeper module.
    const ring = (folder: string) =>
      [1, 2, 3, 4].map((n) => [`src/${folder}/${n}.ts`, `src/${folder}/${(n % 4) + 1}.ts`] as const);
    const files = ['src/main.ts', ...[1, 2, 3, 4].flatMap((n) => [`src/a/${n}.ts`, `src/b/${n}.ts`])];
    const imports = [...ring('a'), ...ring('b'), ['src/a/1.ts', 'src/b/1.ts'], ['src/b/2.ts', 'src/a/2.ts']] as const;
    const trust = new FolderTrust(files, dependenciesOf(handGraph(files, imports)));
    const [a1, a2, b1] = ['src/a/1.ts', 'src/a/2.ts', 'src/b/1.ts'].map((f) => trust.modulesOf(files.indexOf(f)));
    expect(a1).toHaveLength(1);
    expect(a2).toEqual(a1);
    expect(b1).toHaveLength(1);
    expect(b1![0]!.folder).toBe(a1![0]!.folder);
    expect(b1![0]!.module).not.toBe(a1![0]!.module);
    // src/main.ts lies directly in the trusted src/: its module is src/'s own files, beside src/a/ and src/b/.
    const own = trust.modulesOf(files.indexOf('src/main.ts'));
    expect(own).toHaveLength(1);
    expect(own[0]!.folder).toBe(a1![0]!.folder);
    expect([a1![0]!.module, b1![0]!.module]).not.toContain(own[0]!.module);
    // A file of an untrusted folder (src/a/ has no sub-folders, so no evidence) is in no module of it.
    expect(trust.modulesOf(files.indexOf('src/a/1.ts'))).toEqual(a1);
  });
});

describe('isWholeModule', () => {
  // Module 1 (`f/a*`) has 10 clustered files: 9 in cluster s, 1 in t. Module 2 (`f/b*`) has 2, both in cluster u.
  const a = Array.from({ length: 10 }, (_, i) => `f/a${i}`);
  const partition = new Map<string, string>([
    ...a.map((f, i) => [f, i < 9 ? 's' : 't'] as const),
    ['legacy/l', 's'],
    ['legacy/m', 't'],
    ['f/b1', 'u'],
    ['f/b2', 'u'],
  ]);
  const whole = isWholeModule(partition, modulesOf);
  const members = (label: string) => [...partition].filter(([, l]) => l === label).map(([f]) => f);

  it('holds for a cluster that is mostly one module with nine in ten of its files', () => {
    // s: 9 of its 10 files in module 1 (more than half), 9 of module 1's 10 files (0.9).
    expect(whole(members('s'))).toBe(true);
    // u: both files of module 2.
    expect(whole(members('u'))).toBe(true);
  });

  it('fails for a fragment of a module, and for a single file of a larger module', () => {
    // t: 1 of its 2 files in module 1, but 1 of module 1's 10.
    expect(whole(members('t'))).toBe(false);
    expect(whole(['f/b1'])).toBe(false);
  });

  it('holds for a one-file module of its own folder, even beside another file, but not for the lone file of a folder', () => {
    // f/c1 is all of module 3 (a sub-folder); f/own the only file directly in f/ (its own files, module -1).
    const own = (file: string): Module[] => (file === 'f/own' ? [{ folder: 0, module: -1 }] : modulesOf(file));
    const single = isWholeModule(new Map([...partition, ['f/c1', 'v'], ['f/own', 'w']]), own);
    expect(single(['f/c1'])).toBe(true);
    // Half of the cluster is the whole module: a one-file domain folder with the loose file tied to it.
    expect(single(['f/c1', 'legacy/n'])).toBe(true);
    expect(single(['f/own'])).toBe(false);
    // A one-file module nothing imports is no service of its own; a two-file one is, used or not.
    const unused = isWholeModule(new Map([...partition, ['f/c1', 'v']]), modulesOf, () => false);
    expect(unused(['f/c1'])).toBe(false);
    expect(unused(members('u'))).toBe(true);
  });

  it('keeps a whole two-file module from merging for being small, and a whole module from being cut for being large', () => {
    // u (f/b1, f/b2) is tied to s more than to anything, but is all of module 2: it stays, under min-size 3.
    const graph = weighted([
      ...a.slice(1).map((f, i) => [a[i]!, f, 1] as [string, string, number]),
      ['f/a0', 'legacy/l', 1],
      ['f/b1', 'f/b2', 1],
      ['f/b1', 'f/a0', 5],
      ['legacy/m', 'f/a9', 1],
    ]);
    expect(mergeTiny(graph, partition, 3, whole).get('f/b1')).toBe('u');
    expect(mergeTiny(graph, partition, 3).get('f/b1')).toBe('s');
    // s (10 files) over max-size 4: left whole with keep, cut without.
    expect(new Set(members('s').map((f) => splitLarge(graph, partition, 4, 1, 42, whole).get(f))).size).toBe(1);
    expect(new Set(members('s').map((f) => splitLarge(graph, partition, 4, 1, 42).get(f))).size).toBeGreaterThan(1);
  });
});
