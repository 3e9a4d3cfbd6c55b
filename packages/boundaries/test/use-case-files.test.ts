import { describe, expect, it } from 'vitest';
import type { Edge } from '@seams/graph';
import { useCaseFiles } from '@seams/boundaries';

const edge = (pair: string, kind: Edge['kind'] = 'import'): Edge => {
  const [from, to] = pair.split('>') as [string, string];
  return { from, to, kind, specifier: to, line: 1, names: [] };
};

describe('useCaseFiles', () => {
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
      { id: 'http GET /users', kind: 'http' as const, entry: 'routes/users.js', line: 2 },
      { id: 'checkout', kind: 'trace' as const, files: ['services/order.js'] },
      { id: 'nowhere', kind: 'other' as const },
    ];
    expect(useCaseFiles({ edges, useCases })).toEqual([
      {
        id: 'http GET /orders',
        files: ['controllers/order.js', 'models/order.js', 'routes/orders.js', 'services/order.js'],
      },
      { id: 'http GET /users', files: ['routes/users.js', 'services/user.js'] },
      { id: 'checkout', files: ['services/order.js'] },
    ]);
  });
});
