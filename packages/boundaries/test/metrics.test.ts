import { describe, expect, it } from 'vitest';
import { dependenciesOf, type Dependency } from '../src/dependencies.ts';
import { planMetrics, reachOfFiles, serviceMetrics } from '../src/metrics/index.ts';

// Golden values below are worked out by hand in the comments, never copied from the implementation.

const dep = (pair: string, calls = 1, names: string[] = []): Dependency => {
  const [from, to] = pair.split('>') as [string, string];
  return { from, to, calls, names };
};

const assign = (services: Record<string, string[]>) =>
  new Map(Object.entries(services).flatMap(([service, files]) => files.map((file) => [file, service] as const)));

// Two services, nothing crossing. A = {a1, a2, a3}, B = {b1, b2}.
const cleanServices = assign({ A: ['a1', 'a2', 'a3'], B: ['b1', 'b2'] });
const cleanDependencies = [dep('a1>a2', 2), dep('a2>a3'), dep('a1>a3'), dep('b1>b2', 3)];

describe('two clean services', () => {
  it('scores the separation exactly', () => {
    const plan = planMetrics({ dependencies: cleanDependencies, assignment: cleanServices });
    // Q: m = 2+1+1+3 = 7; L_A = 4, L_B = 3; d_A = 2*4 = 8, d_B = 2*3 = 6 (nothing crosses).
    //    Q = 4/7 - (8/14)^2 + 3/7 - (6/14)^2 = 1 - (16+9)/49 = 24/49.
    expect(plan.modularity).toBeCloseTo(24 / 49, 10);
    // SM: scoh_A = 3 pairs/3^2 = 1/3, scoh_B = 1/2^2 = 1/4; mean = 7/24; σ_AB = 0.
    expect(plan.structuralModularity).toBeCloseTo(7 / 24, 10);
    expect(plan.icp).toBe(0);
    // MQ: CF_A = 2*3 / (2*3 + 0) = 1, CF_B = 2*1 / (2*1 + 0) = 1.
    expect(plan.mq).toBe(2);
    // cohesion: A = 3 / (3*2) = 1/2, B = 1 / (2*1) = 1/2.
    expect(plan.cohesion).toBeCloseTo(0.5, 10);
    expect(plan.coupling).toBe(0);
    expect(plan.ifn).toBe(0);
    // NED: sizes 3 and 2, neither within 5..20 -> 1 - 0/5.
    expect(plan.ned).toBe(1);
    expect(plan).toMatchObject({ services: 2, files: 5, serviceCycles: [] });
  });
});

// The classic three-service example. A = {a1, a2, a3}, B = {b1, b2, b3}, C = {c1, c2}.
// Inside:   a1>a2 (3), a2>a3 (2), a3>a1 (1), b1>b2 (2), b2>b3 (2), c1>c2 (4)  -> 6 deps, 14 calls
// Crossing: a2>b1 (1), b3>c1 (2), a1>c2 (1), a3>c1 (1)                       -> 4 deps,  5 calls
const threeServices = assign({ A: ['a1', 'a2', 'a3'], B: ['b1', 'b2', 'b3'], C: ['c1', 'c2'] });
const threeDependencies = [
  dep('a1>a2', 3, ['a2#f']),
  dep('a2>a3', 2, ['a3#g']),
  dep('a3>a1', 1, ['a1#h']),
  dep('b1>b2', 2, ['b2#i']),
  dep('b2>b3', 2, ['b3#j']),
  dep('c1>c2', 4, ['c2#k']),
  dep('a2>b1', 1, ['b1#x']),
  dep('b3>c1', 2, ['c1#y', 'c1#z']),
  dep('a1>c2', 1, ['c2#w']),
  dep('a3>c1', 1, ['c1#y']),
];
const threeLoc = new Map([
  ['a1', 10],
  ['a2', 20],
  ['a3', 30],
  ['b1', 5],
  ['c2', 7],
  ['shared', 1000],
]);

describe('three services with crossing dependencies', () => {
  const input = { dependencies: threeDependencies, assignment: threeServices, loc: threeLoc };

  it('computes every service metric', () => {
    const services = serviceMetrics(input);
    expect([...services.keys()]).toEqual(['A', 'B', 'C']);
    // A: inside 3 of 3*2 possible; crossing out a2>b1, a1>c2, a3>c1 -> coupling 3 / (3+3).
    expect(services.get('A')).toEqual({
      files: 3,
      loc: 60,
      internalDependencies: 3,
      inbound: {},
      outbound: { B: 1, C: 2 },
      cohesion: 0.5,
      coupling: 0.5,
      interfaceFiles: [],
      apiSurface: [],
    });
    // B: inside 2 of 6 -> 1/3; crossing in a2>b1, out b3>c1 -> 2 / (2+2).
    const b = services.get('B')!;
    expect(b).toMatchObject({
      files: 3,
      loc: 5,
      internalDependencies: 2,
      inbound: { A: 1 },
      outbound: { C: 1 },
      coupling: 0.5,
    });
    expect(b.cohesion).toBeCloseTo(1 / 3, 10);
    expect(b).toMatchObject({ interfaceFiles: ['b1'], apiSurface: ['b1#x'] });
    // C: inside 1 of 2*1 -> 1/2; crossing in b3>c1, a1>c2, a3>c1 -> 3 / (1+3).
    expect(services.get('C')).toEqual({
      files: 2,
      loc: 7,
      internalDependencies: 1,
      inbound: { A: 2, B: 1 },
      outbound: {},
      cohesion: 0.5,
      coupling: 0.75,
      interfaceFiles: ['c1', 'c2'],
      apiSurface: ['c1#y', 'c1#z', 'c2#w'],
    });
  });

  it('computes every plan metric', () => {
    const plan = planMetrics(input);
    expect(plan).toMatchObject({ services: 3, files: 8, serviceCycles: [] });
    // Q: m = 19. L_A = 3+2+1 = 6, L_B = 4, L_C = 4.
    //    Weighted degrees: a1 = 3+1+1 = 5, a2 = 3+2+1 = 6, a3 = 2+1+1 = 4 -> d_A = 15;
    //    b1 = 2+1 = 3, b2 = 2+2 = 4, b3 = 2+2 = 4 -> d_B = 11; c1 = 4+2+1 = 7, c2 = 4+1 = 5 -> d_C = 12.
    //    (15+11+12 = 38 = 2m.)  Q = 14/19 - (225+121+144)/38^2 = 1064/1444 - 490/1444 = 287/722.
    expect(plan.modularity).toBeCloseTo(287 / 722, 10);
    // SM (unordered file pairs; none is joined both ways here): scoh = 3/9, 2/9, 1/4 -> mean 29/108.
    //     σ_AB = 1 (a2-b1), σ_AC = 2 (a1-c2, a3-c1), σ_BC = 1 (b3-c1); σ/(N_i N_j) = 1/9, 2/6, 1/6
    //     -> sum 11/18, over 3 pairs = 11/54 = 22/108.  SM = 29/108 - 22/108 = 7/108.
    expect(plan.structuralModularity).toBeCloseTo(7 / 108, 10);
    // ICP: each pair counts 1 + ln(calls). Crossing: 1 + (1 + ln 2) + 1 + 1 = 4 + ln 2.
    //      Inside: (1 + ln 3) + (1 + ln 2) + 1 + (1 + ln 2) + (1 + ln 2) + (1 + ln 4) = 6 + ln 3 + 5 ln 2.
    //      ICP = (4 + ln 2) / (10 + ln 3 + 6 ln 2) ≈ 0.3076.
    expect(plan.icp).toBeCloseTo((4 + Math.LN2) / (10 + Math.log(3) + 6 * Math.LN2), 10);
    // IFN: interface files 0 (A), 1 (B), 2 (C) -> 3/3.
    expect(plan.ifn).toBe(1);
    // NED: no service of 5..20 files -> 1.
    expect(plan.ned).toBe(1);
    // MQ: CF_A = 6 / (6 + 1 + 2) = 2/3 (ε_AB = 1, ε_AC = 2), CF_B = 4 / (4 + 1 + 1) = 2/3,
    //     CF_C = 2 / (2 + 2 + 1) = 2/5 -> 2/3 + 2/3 + 2/5 = 26/15.
    expect(plan.mq).toBeCloseTo(26 / 15, 10);
    // cohesion (1/2 + 1/3 + 1/2) / 3 = 4/9; coupling (1/2 + 1/2 + 3/4) / 3 = 7/12.
    expect(plan.cohesion).toBeCloseTo(4 / 9, 10);
    expect(plan.coupling).toBeCloseTo(7 / 12, 10);
  });

  it('takes NED bounds from the options', () => {
    // Only A and B (3 files each) are within 3..3: 1 - 6/8.
    expect(planMetrics(input, { nedBounds: [3, 3] }).ned).toBeCloseTo(0.25, 10);
  });
});

describe('a single service', () => {
  it('has no coupling term', () => {
    const plan = planMetrics({ dependencies: [dep('x>y', 2), dep('y>z')], assignment: assign({ S: ['x', 'y', 'z'] }) });
    // Q: m = 3, L = 3, d = 6 -> 3/3 - (6/6)^2 = 0.
    expect(plan.modularity).toBeCloseTo(0, 10);
    // SM = scoh only = 2/3^2 = 2/9.
    expect(plan.structuralModularity).toBeCloseTo(2 / 9, 10);
    // MQ: CF = 2*2 / (2*2 + 0) = 1.
    expect(plan.mq).toBe(1);
    // cohesion 2 / (3*2) = 1/3.
    expect(plan.cohesion).toBeCloseTo(1 / 3, 10);
    expect(plan).toMatchObject({ services: 1, files: 3, icp: 0, ifn: 0, ned: 1, coupling: 0, serviceCycles: [] });
  });

  it('gives a one-file service cohesion 0 and no MQ share', () => {
    const plan = planMetrics({ dependencies: [], assignment: assign({ S: ['x'] }) });
    expect(plan).toMatchObject({ services: 1, files: 1, cohesion: 0, mq: 0, structuralModularity: 0, modularity: 0 });
  });
});

describe('files outside services', () => {
  it('ignores shared and unassigned files and self-dependencies', () => {
    const noisy = [
      ...cleanDependencies,
      dep('a1>util', 5, ['util#fmt']),
      dep('b1>util', 5, ['util#fmt']),
      dep('util>a2', 2, ['a2#f']),
      dep('b2>util'),
      dep('util>a1'), // with b2>util: B reaches A only through the shared file, which is no service cycle
      dep('a1>a1', 9),
      dep('scripts/seed>b1', 4, ['b1#x']),
    ];
    const input = { dependencies: noisy, assignment: cleanServices };
    expect(planMetrics(input)).toEqual(planMetrics({ dependencies: cleanDependencies, assignment: cleanServices }));
    expect(serviceMetrics(input)).toEqual(
      serviceMetrics({ dependencies: cleanDependencies, assignment: cleanServices }),
    );
  });

  it('merges a file pair listed twice', () => {
    const split = [dep('a1>a2'), dep('a1>a2'), ...cleanDependencies.slice(1)];
    expect(planMetrics({ dependencies: split, assignment: cleanServices })).toEqual(
      planMetrics({ dependencies: cleanDependencies, assignment: cleanServices }),
    );
  });

  it('gives an empty plan zeros', () => {
    expect(planMetrics({ dependencies: [], assignment: new Map() })).toEqual({
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
    });
  });
});

describe('NED', () => {
  const files = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const assignment = assign({ small: files('s', 3), medium: files('m', 7), large: files('l', 25) });

  it('counts the files of services outside 5..20', () => {
    // 35 files, only the 7 of `medium` within 5..20: 1 - 7/35 = 4/5.
    expect(planMetrics({ dependencies: [], assignment }).ned).toBeCloseTo(0.8, 10);
  });

  it('uses inclusive custom bounds', () => {
    // 3..7 holds small and medium: 1 - 10/35 = 5/7. 3..25 holds all: 0.
    expect(planMetrics({ dependencies: [], assignment }, { nedBounds: [3, 7] }).ned).toBeCloseTo(5 / 7, 10);
    expect(planMetrics({ dependencies: [], assignment }, { nedBounds: [3, 25] }).ned).toBe(0);
  });
});

describe('service cycles', () => {
  const services = { A: ['a1', 'a2'], B: ['b1', 'b2'], C: ['c1'] };
  const loop = [dep('a1>a2'), dep('b1>b2'), dep('a1>b1'), dep('b2>a2'), dep('c1>a1')];

  it('finds A -> B -> A and leaves C, which only depends on A, out', () => {
    expect(planMetrics({ dependencies: loop, assignment: assign(services) }).serviceCycles).toEqual([['A', 'B']]);
  });

  it('lists the largest group first', () => {
    const assignment = assign({ ...services, D: ['d1'], E: ['e1'], F: ['f1'] });
    const dependencies = [...loop, dep('f1>e1'), dep('e1>d1'), dep('d1>f1'), dep('c1>d1')];
    expect(planMetrics({ dependencies, assignment }).serviceCycles).toEqual([
      ['D', 'E', 'F'],
      ['A', 'B'],
    ]);
  });

  it('handles a ring of 20,000 one-file services without overflowing the stack', () => {
    const count = 20_000;
    const assignment = new Map(Array.from({ length: count }, (_, i) => [`f${i}`, `s${i}`] as const));
    const dependencies = Array.from({ length: count }, (_, i) => dep(`f${i}>f${(i + 1) % count}`));
    const cycles = planMetrics({ dependencies, assignment }).serviceCycles;
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(count);
  });
});

describe('interface files and API surface', () => {
  // orders/index.ts is a barrel over orders/api.ts; names point at the declaring file.
  const assignment = assign({
    orders: ['orders/api.ts', 'orders/index.ts', 'orders/internal.ts'],
    billing: ['billing/main.ts'],
    shipping: ['shipping/ship.ts'],
  });
  const dependencies = [
    dep('billing/main.ts>orders/index.ts', 3, ['orders/api.ts#create', 'orders/api.ts#Order', 'shared/util.ts#fmt']),
    dep('shipping/ship.ts>orders/api.ts', 2, ['orders/api.ts#create', 'orders/api.ts#default']),
    dep('orders/internal.ts>orders/api.ts', 1, ['orders/api.ts#helper']),
    dep('orders/index.ts>orders/api.ts', 2, ['orders/api.ts#create', 'orders/api.ts#Order']),
    dep('billing/main.ts>shipping/ship.ts', 1, ['shipping/ship.ts#ship']),
    // A name forwarded by billing/main.ts but declared in orders counts for orders' API, not billing's.
    dep('shipping/ship.ts>billing/main.ts', 1, ['billing/main.ts#charge', 'orders/api.ts#cancel']),
  ];

  it('lists imported files and the names used from other services, sorted and unique', () => {
    const services = serviceMetrics({ dependencies, assignment });
    expect(services.get('orders')).toMatchObject({
      interfaceFiles: ['orders/api.ts', 'orders/index.ts'],
      // Code-unit order: uppercase before lowercase. `helper` is only used inside orders.
      apiSurface: ['orders/api.ts#Order', 'orders/api.ts#cancel', 'orders/api.ts#create', 'orders/api.ts#default'],
    });
    expect(services.get('billing')).toMatchObject({
      interfaceFiles: ['billing/main.ts'],
      apiSurface: ['billing/main.ts#charge'],
    });
    expect(services.get('shipping')).toMatchObject({
      interfaceFiles: ['shipping/ship.ts'],
      apiSurface: ['shipping/ship.ts#ship'],
    });
    // IFN: (2 + 1 + 1) / 3.
    expect(planMetrics({ dependencies, assignment }).ifn).toBeCloseTo(4 / 3, 10);
  });

  it("counts a namespace import as one name when it is the edge's only one, as the report's api does", () => {
    // a.ts (A): `import * as ns from './b'`, `import c, * as all from './c'`, `import type { Y } from './c'`.
    // By hand: b.ts is used whole (b.ts#*); of c.ts, `*` beside `default` says nothing more: c.ts#Y, c.ts#default.
    const edge = { from: 'a.ts', kind: 'import' as const, specifier: 'x', line: 1 };
    const edges = [
      { ...edge, to: 'b.ts', names: ['*'] },
      { ...edge, to: 'c.ts', names: ['default', '*'] },
      { ...edge, kind: 'type' as const, to: 'c.ts', names: ['Y'], line: 2 },
    ];
    const services = serviceMetrics({
      dependencies: dependenciesOf({ edges }),
      assignment: assign({ A: ['a.ts'], B: ['b.ts'], C: ['c.ts'] }),
    });
    expect(services.get('B')!.apiSurface).toEqual(['b.ts#*']);
    expect(services.get('C')!.apiSurface).toEqual(['c.ts#Y', 'c.ts#default']);
  });

  it('takes a bare name as declared by the imported file', () => {
    const bare = [dep('billing/main.ts>orders/api.ts', 1, ['create'])];
    expect(serviceMetrics({ dependencies: bare, assignment }).get('orders')!.apiSurface).toEqual([
      'orders/api.ts#create',
    ]);
  });
});

// Mono2Micro's own example shape (Kalia et al., FSE 2021, metrics_util.py): classes calling each other both
// ways, runtime call volumes, business contexts per class. P = {p1, p2}, Q = {q1, q2, q3}.
describe('the Mono2Micro definitions', () => {
  const assignment = assign({ P: ['p1', 'p2'], Q: ['q1', 'q2', 'q3'] });
  const dependencies = [dep('p1>p2', 10), dep('p2>p1', 1), dep('q1>q2', 3), dep('q2>q3'), dep('p2>q1', 20)];

  it('counts a pair joined both ways once in SM, and damps call volumes in ICP', () => {
    const plan = planMetrics({ dependencies, assignment });
    // SM: μ_P = 1 (p1-p2, both ways), μ_Q = 2 -> (1/4 + 2/9)/2 = 17/72; σ_PQ = 1 -> 1/(2*3) = 1/6 over 1 pair.
    //     SM = 17/72 - 12/72 = 5/72.
    expect(plan.structuralModularity).toBeCloseTo(5 / 72, 10);
    // ICP: volumes 1 + ln v: p1>p2 1 + ln 10, p2>p1 1, q1>q2 1 + ln 3, q2>q3 1, p2>q1 1 + ln 20 (crossing).
    //      ICP = (1 + ln 20) / (5 + ln 10 + ln 3 + ln 20) = (1 + ln 20) / (5 + ln 600) ≈ 0.3425.
    //      Plain volumes would give 20 / 35 ≈ 0.571: one hot call pair decides everything.
    expect(plan.icp).toBeCloseTo((1 + Math.log(20)) / (5 + Math.log(600)), 10);
    // NED as the authors': no service of 5..20 classes -> 1.
    expect(plan.ned).toBe(1);
    expect(plan.bcp).toBeUndefined();
  });

  it('scores BCP as the mean of ln(business contexts) per service', () => {
    const useCases = reachOfFiles([
      { id: 'book flight', files: ['p1', 'p2', 'q1'] },
      { id: 'cancel booking', files: ['p2'] },
      { id: 'login', files: ['q2', 'q3', 'elsewhere'] },
    ]);
    // P serves {book flight, cancel booking} -> ln 2; Q serves {book flight, login} -> ln 2. Mean ln 2.
    expect(planMetrics({ dependencies, assignment, useCases }).bcp).toBeCloseTo(Math.LN2, 10);
    // One context per service is pure: 0. A service no use case reaches counts ln 1 = 0 too.
    const pure = reachOfFiles([{ id: 'book flight', files: ['p1', 'p2'] }]);
    expect(planMetrics({ dependencies, assignment, useCases: pure }).bcp).toBe(0);
  });

  it('counts a use case id once in BCP when several groups carry it', () => {
    // Two traces of 'book flight' reach P; with 'cancel booking' that is 2 contexts, not 3. Q: 1 context.
    const useCases = reachOfFiles([
      { id: 'book flight', files: ['p1'] },
      { id: 'book flight', files: ['p2'] },
      { id: 'cancel booking', files: ['p2', 'q1'] },
    ]);
    expect(planMetrics({ dependencies, assignment, useCases }).bcp).toBeCloseTo(Math.LN2 / 2, 10);
  });
});
