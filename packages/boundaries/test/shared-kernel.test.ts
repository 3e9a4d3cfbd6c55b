import { describe, expect, it } from 'vitest';
import { dependenciesOf } from '../src/dependencies.ts';
import { findSharedKernel } from '../src/shared-kernel.ts';
import { handGraph } from './hand-graph.ts';

// Five small domains (a file and its helper each), a logger they all use, and a `user` domain built the CommonJS
// way: an index that loads its mixins (`require('./create')(User)`), which every domain uses too.
const domains = ['orders', 'carts', 'payments', 'shipping', 'catalog'];
const files = [
  ...domains.flatMap((d) => [`src/${d}/${d}.ts`, `src/${d}/${d}-helper.ts`]),
  'src/lib/log.ts',
  'src/lib/log-format.ts',
  'src/user/index.ts',
  'src/user/create.ts',
  'src/user/data.ts',
  'src/user/delete.ts',
];
const imports: Array<[string, string]> = [
  ...domains.flatMap((d): Array<[string, string]> => [
    [`src/${d}/${d}.ts`, `src/${d}/${d}-helper.ts`],
    [`src/${d}/${d}.ts`, 'src/lib/log.ts'],
    [`src/${d}/${d}.ts`, 'src/user/index.ts'],
  ]),
  ['src/lib/log.ts', 'src/lib/log-format.ts'],
  ['src/user/index.ts', 'src/user/create.ts'],
  ['src/user/index.ts', 'src/user/data.ts'],
  ['src/user/index.ts', 'src/user/delete.ts'],
];

describe('findSharedKernel', () => {
  it('takes the hub every domain uses and what only it uses, and leaves a facade and its mixins to their domain', () => {
    const kernel = findSharedKernel(files, dependenciesOf(handGraph(files, imports)), { seed: 1 });
    // log.ts: 5 users, each in a part of its own; log-format.ts: used only by log.ts, beside it.
    // user/index.ts has as many users, but composes 3 files of its folder that nothing else uses: a face.
    expect(kernel.map((k) => k.path)).toEqual(['src/lib/log-format.ts', 'src/lib/log.ts']);
    expect(kernel[0]!.reason).toBe('used only by the shared kernel');
  });

  it('does not cascade from a kernel file into a domain folder', () => {
    // The logger also writes to an audit sink that lives in the orders' folder: used only by the kernel, but orders'.
    const withSink = [...files, 'src/orders/audit-sink.ts'];
    const graph = handGraph(withSink, [...imports, ['src/lib/log.ts', 'src/orders/audit-sink.ts']]);
    const kernel = findSharedKernel(withSink, dependenciesOf(graph), { seed: 1 });
    expect(kernel.map((k) => k.path)).toEqual(['src/lib/log-format.ts', 'src/lib/log.ts']);
  });

  it('leaves a hub named after a domain folder above it to that domain', () => {
    // A guard of the team domain kept in team/guards/, used by every domain like the logger: same spread,
    // but it carries `team`, the name of the folder holding it two levels up, with other files below it.
    const withGuard = [...files, 'src/team/team.ts', 'src/team/guards/team-member.guard.ts'];
    const graph = handGraph(withGuard, [
      ...imports,
      ['src/team/team.ts', 'src/lib/log.ts'],
      ...domains.map((d): [string, string] => [`src/${d}/${d}.ts`, 'src/team/guards/team-member.guard.ts']),
    ]);
    const kernel = findSharedKernel(withGuard, dependenciesOf(graph), { seed: 1 });
    expect(kernel.map((k) => k.path)).toEqual(['src/lib/log-format.ts', 'src/lib/log.ts']);
  });
});
