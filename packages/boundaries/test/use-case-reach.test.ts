import { describe, expect, it } from 'vitest';
import type { Edge } from '@seams/graph';
import { useCaseReach, type UseCaseReach } from '@seams/boundaries';

const edge = (pair: string, kind: Edge['kind'] = 'import'): Edge => {
  const [from, to] = pair.split('>') as [string, string];
  return { from, to, kind, specifier: to, line: 1, names: [] };
};

// The use case ids reaching each file, read back from the bit sets.
function idsByFile(reach: UseCaseReach): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [file, bits] of reach.reach) {
    const ids = reach.groups.flatMap((group, g) => ((bits[g >> 5]! >>> (g & 31)) & 1 ? group : []));
    if (ids.length > 0) out[file] = [...ids].sort();
  }
  return out;
}

describe('useCaseReach', () => {
  it("takes a trace's files, else what the entry reaches through value imports", () => {
    const edges = [
      edge('routes/orders.js>controllers/order.js'),
      edge('controllers/order.js>services/order.js', 'require'),
      edge('services/order.js>models/order.js'),
      edge('services/order.js>types/order.ts', 'type'),
      edge('routes/users.js>services/user.js'),
    ];
    const useCases = [
      { id: 'http GET /orders', kind: 'http' as const, entry: 'routes/orders.js', line: 3 },
      { id: 'http POST /orders', kind: 'http' as const, entry: 'routes/orders.js', line: 4 },
      { id: 'http GET /users', kind: 'http' as const, entry: 'routes/users.js', line: 2 },
      { id: 'checkout', kind: 'trace' as const, files: ['services/order.js'] },
      { id: 'nowhere', kind: 'other' as const },
    ];
    const reach = useCaseReach({ edges, useCases })!;
    // One group per entry file (its two routes together), then one per trace.
    expect(reach.groups).toEqual([['http GET /orders', 'http POST /orders'], ['http GET /users'], ['checkout']]);
    const orders = ['http GET /orders', 'http POST /orders'];
    expect(idsByFile(reach)).toEqual({
      'routes/orders.js': orders,
      'controllers/order.js': orders,
      // The trace's own file, but not what that file imports: a trace names what ran.
      'services/order.js': ['checkout', ...orders],
      'models/order.js': orders,
      'routes/users.js': ['http GET /users'],
      'services/user.js': ['http GET /users'],
    });
  });

  it('goes round import loops and past 32 groups', () => {
    // 40 entries each importing a loop a -> b -> c -> a; entry 39 also reaches d through c.
    const entries = Array.from({ length: 40 }, (_, i) => `e${i}`);
    const edges = [...entries.map((e) => edge(`${e}>a`)), edge('a>b'), edge('b>c'), edge('c>a'), edge('e39>d')];
    const useCases = entries.map((e) => ({ id: e, kind: 'cli' as const, entry: e }));
    const byFile = idsByFile(useCaseReach({ edges, useCases })!);
    expect(byFile['a']).toEqual([...entries].sort());
    expect(byFile['c']).toEqual([...entries].sort());
    expect(byFile['d']).toEqual(['e39']);
    expect(byFile['e0']).toEqual(['e0']);
  });

  it("gives a trace's bit to the file it names only, not to the rest of that file's import loop", () => {
    const edges = [edge('e>a'), edge('a>b'), edge('b>a')];
    const useCases = [
      { id: 'route', kind: 'http' as const, entry: 'e' },
      { id: 'trace', kind: 'trace' as const, files: ['a'] },
    ];
    expect(idsByFile(useCaseReach({ edges, useCases })!)).toEqual({
      e: ['route'],
      a: ['route', 'trace'],
      b: ['route'],
    });
  });

  it('is undefined without use cases', () => {
    expect(useCaseReach({ edges: [], useCases: [] })).toBeUndefined();
    expect(useCaseReach({ edges: [], useCases: [{ id: 'x', kind: 'other' }] })).toBeUndefined();
  });
});
