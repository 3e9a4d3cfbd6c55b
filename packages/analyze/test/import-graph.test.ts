import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from '@seams/analyze';

const fixture = (...parts: string[]) => join(import.meta.dirname, '../../../fixtures/interop', ...parts);
const edgeLines = (graph: ReturnType<typeof importGraph>) => graph.edges.map((e) => `${e.from} -> ${e.to} ${e.kind}`);

describe('importGraph', () => {
  it('reads madge --json', () => {
    const graph = importGraph(fixture('madge/madge.json'));
    expect(graph.source).toBe('madge');
    // Canonical order (sorted by path), whatever order madge wrote.
    expect(graph.files.map((f) => f.path)).toEqual([
      'src/app.ts',
      'src/infra/db.ts',
      'src/infra/logger.ts',
      'src/orders/order.repository.ts',
      'src/orders/order.service.ts',
    ]);
    expect(edgeLines(graph)).toEqual([
      'src/app.ts -> src/infra/logger.ts import',
      'src/app.ts -> src/orders/order.service.ts import',
      'src/orders/order.repository.ts -> src/infra/db.ts import',
      'src/orders/order.service.ts -> src/infra/logger.ts import',
      'src/orders/order.service.ts -> src/orders/order.repository.ts import',
    ]);
  });

  it("reads dependency-cruiser's json: kinds, externals and unresolved", () => {
    const graph = importGraph(fixture('depcruise/depcruise.json'));
    expect(graph.source).toBe('depcruise');
    expect(graph.files.map((f) => f.path).sort()).toEqual([
      'src/app.ts',
      'src/legacy/tax.js',
      'src/orders/order.model.ts',
      'src/orders/order.service.ts',
      'src/reports/pdf.ts',
    ]);
    expect(edgeLines(graph)).toEqual([
      'src/app.ts -> src/orders/order.service.ts import',
      'src/app.ts -> src/reports/pdf.ts dynamic',
      'src/orders/order.service.ts -> src/legacy/tax.js require',
      'src/orders/order.service.ts -> src/orders/order.model.ts type',
    ]);
    expect(graph.externals.map((e) => [e.package, e.builtin])).toEqual([
      ['express', false],
      ['node:http', true],
    ]);
    expect(graph.unresolved).toEqual([
      { from: 'src/orders/order.service.ts', specifier: './gone', kind: 'import', line: 0, reason: 'not-found' },
    ]);
  });

  it('reads a tab-separated edge list from any language', () => {
    const graph = importGraph(fixture('edge-list/edges.tsv'));
    expect(graph.source).toBe('edgelist');
    expect(graph.files.map((f) => [f.path, f.language])).toEqual([
      ['com/shop/infra/Config.java', 'other'],
      ['com/shop/infra/Http.java', 'other'],
      ['com/shop/orders/OrderRepository.java', 'other'],
      ['com/shop/orders/OrderService.java', 'other'],
      ['com/shop/payments/PaymentClient.java', 'other'],
    ]);
    expect(edgeLines(graph)).toEqual([
      'com/shop/orders/OrderService.java -> com/shop/orders/OrderRepository.java import',
      'com/shop/orders/OrderService.java -> com/shop/payments/PaymentClient.java import',
      'com/shop/payments/PaymentClient.java -> com/shop/infra/Http.java require',
    ]);
  });

  it('rejects JSON it does not know with a stable code', () => {
    expect(() => importGraph(fixture('../../package.json'))).toThrowError(
      expect.objectContaining({ code: 'SEAMS_IMPORT_FORMAT_UNKNOWN' }),
    );
  });

  it('rejects a missing file with a stable code', () => {
    expect(() => importGraph(fixture('missing.json'))).toThrowError(
      expect.objectContaining({ code: 'SEAMS_INPUT_NOT_FOUND' }),
    );
  });
});
