// The checks every command runs on the graph and plan it reads, with hand-made inputs.
import { describe, expect, it } from 'vitest';
import {
  findMovedFiles,
  matchPlan,
  parseGraph,
  parsePlan,
  pathProblem,
  printable,
  serviceLabels,
  validatePlan,
  type Plan,
} from '@seams/graph';

const file = (path: string) => ({ path, language: 'ts' as const, loc: 1, exports: [] });
const graph = (paths: string[], edges: Array<[string, string]> = []) => ({
  version: 1,
  tool: { name: 'seams', version: '0' },
  source: 'seams',
  root: '/work/shop',
  files: paths.map(file),
  edges: edges.map(([from, to]) => ({ from, to, kind: 'import', specifier: to, line: 1, names: [] })),
  externals: [],
  unresolved: [],
  parseErrors: [],
  workspaces: [],
  timings: {},
});
const metrics = {
  files: 0,
  loc: 0,
  internalDependencies: 0,
  inbound: {},
  outbound: {},
  cohesion: 0,
  coupling: 0,
  interfaceFiles: [],
  apiSurface: [],
};
const service = (id: string, files: string[], extra: object = {}) => ({
  id,
  name: id,
  files,
  confidence: 1,
  metrics,
  ...extra,
});
const plan = (services: object[], shared: object[] = [], root = '/work/shop') => ({
  version: 1,
  tool: { name: 'seams', version: '0' },
  graph: { root, source: 'seams', files: 0 },
  parameters: {
    signals: ['imports'],
    weights: { imports: 1 },
    resolution: 1,
    minServiceSize: 1,
    maxServiceSize: 60,
    seed: 42,
    seeds: 1,
    lowConfidence: 0.6,
  },
  services,
  shared,
  pinned: [],
  confidence: {},
  review: [],
  metrics: {
    services: 0,
    files: 0,
    modularity: 0,
    structuralModularity: 0,
    icp: 0,
    ifn: 0,
    ned: 0,
    mq: 0,
    cohesion: 0,
    coupling: 0,
    serviceCycles: [],
  },
});

describe('parseGraph beyond the schema', () => {
  it('refuses a file listed twice, naming both entries', () => {
    expect(() => parseGraph(graph(['src/app.ts', 'src/b.ts', 'src/app.ts']), 'graph.json')).toThrow(
      expect.objectContaining({
        code: 'SEAMS_GRAPH_INVALID',
        message:
          "graph.json is not a valid seams graph: files[0] and files[2] are both src/app.ts. Re-run 'seams analyze'.",
      }),
    );
  });

  it('refuses paths outside the root and edges to files it does not list', () => {
    expect(() => parseGraph(graph(['../etc/passwd.ts']), 'g.json')).toThrow(
      "g.json is not a valid seams graph: files[0] ../etc/passwd.ts leads outside the root (..). Re-run 'seams analyze'.",
    );
    expect(() => parseGraph(graph(['/abs.ts']), 'g.json')).toThrow(/files\[0\] \/abs\.ts is absolute/);
    expect(() => parseGraph(graph(['a.ts'], [['a.ts', 'b.ts']]), 'g.json')).toThrow(
      "g.json is not a valid seams graph: edges[0].to b.ts is not one of its files. Re-run 'seams analyze'.",
    );
  });

  it('says a plan is a plan, not a graph, and the other way round', () => {
    expect(() => parseGraph(plan([]), 'seams.plan.json')).toThrow(
      expect.objectContaining({
        code: 'SEAMS_GRAPH_INVALID',
        message:
          "seams.plan.json is a seams plan, not a graph: pass a project folder, or a graph written by 'seams analyze -o'.",
      }),
    );
    expect(() => parsePlan(graph([]), 'graph.json')).toThrow(
      "graph.json is a seams graph, not a plan: pass a plan written by 'seams boundaries -o'.",
    );
  });
});

describe('pathProblem', () => {
  it('takes plain relative paths, and names what is wrong with every other spelling', () => {
    expect(['src/a.ts', 'a..b/c.ts', '.config/x.ts', 'src/..hidden.ts'].map(pathProblem)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(
      Object.fromEntries(
        ['', '/etc/passwd', 'C:/x.ts', '\\\\host\\x.ts', '../x.ts', 'src/../../x.ts', 'src\\..\\x.ts', 'a\0b'].map(
          (path) => [path, pathProblem(path)],
        ),
      ),
    ).toEqual({
      '': 'is empty',
      '/etc/passwd': 'is absolute; paths are relative to the root',
      'C:/x.ts': 'is absolute; paths are relative to the root',
      '\\\\host\\x.ts': 'is absolute; paths are relative to the root',
      '../x.ts': 'leads outside the root (..)',
      'src/../../x.ts': 'leads outside the root (..)',
      'src\\..\\x.ts': 'leads outside the root (..)',
      'a\0b': 'holds a NUL character',
    });
  });
});

describe('validatePlan', () => {
  it('accepts a partition', () => {
    const ok = plan(
      [service('orders', ['src/orders/a.ts']), service('billing', ['src/billing/b.ts'])],
      [{ path: 'src/shared/db.ts', reason: 'used by 2 services' }],
    );
    expect(validatePlan(ok as Plan)).toEqual({ errors: [], warnings: [] });
  });

  it('lists every overlap, duplicate id and path outside the root, by service name', () => {
    const bad = plan(
      [
        service('infra', ['src/a.ts', 'src/a.ts', '../secrets.ts'], { name: 'platform' }),
        service('orders', ['src/a.ts', 'src/db.ts']),
        service('orders', ['/etc/hosts']),
      ],
      [{ path: 'src/db.ts', reason: 'kernel' }],
    );
    expect(validatePlan(bad as Plan).errors).toEqual([
      "two services have the id 'orders'; ids must be unique",
      'src/a.ts is listed twice in platform',
      '../secrets.ts in platform leads outside the root (..)',
      'src/a.ts is in platform and in orders',
      '/etc/hosts in orders is absolute; paths are relative to the root',
      'src/db.ts is in orders and in the shared group',
    ]);
  });

  it('warns about dependsOn and allow entries that name no service', () => {
    const stale = plan(
      [service('orders', ['src/o.ts'], { dependsOn: ['billing'] })],
      [{ path: 'src/db.ts', reason: 'kernel', allow: ['orders', 'payments'] }],
    );
    expect(validatePlan(stale as Plan).warnings).toEqual([
      "the dependsOn list of orders names 'billing', which is no service of the plan",
      "the allow list of the shared file src/db.ts names 'payments', which is no service of the plan",
    ]);
  });

  it('makes parsePlan fail on the first error, counting the others', () => {
    const bad = plan([service('a', ['x.ts']), service('b', ['x.ts', 'y.ts']), service('c', ['y.ts'])]);
    expect(() => parsePlan(bad, 'seams.plan.json')).toThrow(
      expect.objectContaining({
        code: 'SEAMS_PLAN_INVALID',
        message:
          "seams.plan.json is not a usable plan: x.ts is in a and in b (and 1 more problem); correct it, or write a new one with 'seams boundaries'.",
      }),
    );
  });
});

describe('matchPlan', () => {
  const ours = plan([
    service('orders', ['src/routes/orders/index.ts', 'src/routes/orders/order.ts', 'src/orders-old.ts']),
    service('billing', ['src/billing/index.ts']),
  ]);

  it('lists plan files gone, and where same-named files appeared', () => {
    const moved = graph(['src/modules/orders/index.ts', 'src/modules/orders/order.ts', 'src/billing/index.ts']);
    const match = matchPlan(ours as Plan, moved, { followsMoves: true });
    expect(match.missing).toEqual(['src/orders-old.ts', 'src/routes/orders/index.ts', 'src/routes/orders/order.ts']);
    expect([...match.moved]).toEqual([
      ['src/routes/orders/index.ts', 'src/modules/orders/index.ts'],
      ['src/routes/orders/order.ts', 'src/modules/orders/order.ts'],
    ]);
    // A command that reads the plan's paths as they are finds 3 of its 4 files gone: an error that
    // says they look moved.
    expect(() => matchPlan(ours as Plan, moved, { origin: 'p.json' })).toThrow(
      "p.json does not match /work/shop: 3 of the 4 files it lists are not there, though 2 look moved (src/routes/orders/index.ts → src/modules/orders/index.ts, ...; 'seams check' lists them); pass this project's plan, or write one with 'seams boundaries'.",
    );
  });

  it('refuses a plan most of whose files are neither there nor moved, naming the root it was made for', () => {
    const other = graph(['app/main.ts', 'app/users.ts']);
    expect(() =>
      matchPlan({ ...ours, graph: { ...ours.graph, root: '/elsewhere' } } as Plan, other, { origin: 'p.json' }),
    ).toThrow(
      expect.objectContaining({
        code: 'SEAMS_PLAN_MISMATCH',
        message:
          "p.json does not match /work/shop: 4 of the 4 files it lists are not there (it was made for /elsewhere); pass this project's plan, or write one with 'seams boundaries'.",
      }),
    );
  });

  it('judges only the files in scope (--include)', () => {
    const sources = graph(['src/billing/index.ts']);
    const inScope = (path: string) => path.startsWith('src/billing/');
    expect(matchPlan(ours as Plan, sources, { inScope }).missing).toEqual([]);
    expect(() => matchPlan(ours as Plan, sources, { inScope: () => false })).toThrow(
      /none of the 4 files it lists are among the files analysed/,
    );
  });
});

describe('findMovedFiles', () => {
  it('prefers the candidate sharing the longest end, and leaves ties alone', () => {
    const moved = findMovedFiles(
      ['src/routes/user/index.ts', 'src/routes/tag/index.ts', 'src/a/helpers.ts', 'src/b/helpers.ts'],
      ['src/modules/user/index.ts', 'src/modules/tag/index.ts', 'src/c/helpers.ts'],
    );
    // user/index.ts and tag/index.ts each share two segments with one candidate; both helpers.ts
    // share only the name with the one candidate, so neither is taken.
    expect([...moved]).toEqual([
      ['src/routes/user/index.ts', 'src/modules/user/index.ts'],
      ['src/routes/tag/index.ts', 'src/modules/tag/index.ts'],
    ]);
  });
});

describe('serviceLabels', () => {
  it('names services by name, adding the id only where names collide or are empty', () => {
    const label = serviceLabels([
      { id: 'http', name: 'app-shell' },
      { id: 'a', name: 'core' },
      { id: 'b', name: 'core' },
      { id: 'c', name: '' },
    ]);
    expect(['http', 'a', 'b', 'c', 'gone'].map(label)).toEqual(['app-shell', 'core (a)', 'core (b)', 'c', 'gone']);
  });
});

describe('printable', () => {
  it('escapes control characters, so a file name cannot start a line or speak to the terminal', () => {
    expect(printable('z\n::warning file=README.md::x\r\t\x1b[2J\u202e.ts')).toBe(
      'z\\n::warning file=README.md::x\\r\\t\\x1b[2J\\u202e.ts',
    );
    expect(printable('src/ordinary-name.ts')).toBe('src/ordinary-name.ts');
  });
});
