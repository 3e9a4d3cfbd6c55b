// The baseline round trip on a copy of fixtures/check/internal-import: record, fix one violation,
// add another, edit above the rest. Expected values are written from the fixture by hand.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyBaseline,
  checkPlan,
  createBaseline,
  formatCheck,
  parseBaseline,
  type Baseline,
  type Finding,
} from '../src/index.ts';
import { FIXTURES, fingerprint, loadFixture } from './check-fixture.ts';

const FROM = 'src/orders/order-service.ts';
const entry = (to: string, message: string) => ({
  rule: 'internal-import',
  from: FROM,
  to,
  fingerprint: fingerprint('internal-import', FROM, to),
  message,
});
const STOCK = entry(
  'src/catalog/stock-levels.ts',
  'orders imports src/catalog/stock-levels.ts, an internal file of catalog',
);
const RECEIPT = entry(
  'src/payments/receipt.ts',
  'orders imports src/payments/receipt.ts, an internal file of payments; payments declares no entries',
);
const REFUNDS = entry(
  'src/payments/refunds.ts',
  'orders imports src/payments/refunds.ts, an internal file of payments, through src/payments/index.ts; payments declares no entries',
);

// The stock-levels import is gone, product-repository.ts (no entry) is new, and a comment pushes the rest down.
const EDITED = `// Cancelling gives the stock back through the catalog's cache now.
import { findProduct } from '../catalog';
import { productCache } from '../catalog/product-repository';
import { refundFor } from '../payments';
import type { Receipt } from '../payments/receipt';

export function cancelOrder(sku: string, paymentId: string): Receipt | undefined {
  if (!findProduct(sku)) return undefined;
  productCache.delete(sku);
  return refundFor(paymentId);
}
`;

describe('baseline round trip', () => {
  const root = mkdtempSync(join(tmpdir(), 'seams-check-baseline-'));
  let findings: Finding[];
  let baseline: Baseline;
  beforeAll(async () => {
    cpSync(join(FIXTURES, 'internal-import'), root, { recursive: true });
    const { graph, plan } = await loadFixture(root);
    findings = checkPlan(graph, plan);
    baseline = createBaseline(findings);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('records each finding without its line, sorted by file', () => {
    expect(baseline).toEqual({ version: 1, findings: [STOCK, RECEIPT, REFUNDS] });
    expect(createBaseline([...findings].reverse())).toEqual(baseline);
  });

  it('reads back what it wrote', () => {
    expect(parseBaseline(JSON.parse(JSON.stringify(baseline)), 'seams.baseline.json')).toEqual(baseline);
  });

  it('knows every finding it recorded', () => {
    expect(applyBaseline(findings, baseline)).toEqual({ fresh: [], known: findings, stale: [] });
  });

  it('fails on the new violation only, and reports the fixed one as stale', async () => {
    writeFileSync(join(root, FROM), EDITED);
    const { graph, plan } = await loadFixture(root);
    const result = applyBaseline(checkPlan(graph, plan), baseline);
    expect(result.fresh).toEqual([
      {
        rule: 'internal-import',
        from: FROM,
        line: 3,
        to: 'src/catalog/product-repository.ts',
        specifier: '../catalog/product-repository',
        fromService: 'orders',
        toService: 'catalog',
        message: 'orders imports src/catalog/product-repository.ts, an internal file of catalog',
        fix: 'import it through an entry of catalog (src/catalog/index.ts), or add it to the public list of catalog in the plan',
        fingerprint: fingerprint('internal-import', FROM, 'src/catalog/product-repository.ts'),
      },
    ]);
    // Both moved down a line and stay known.
    expect(result.known.map((finding) => `${finding.line} ${finding.to}`)).toEqual([
      '4 src/payments/refunds.ts',
      '5 src/payments/receipt.ts',
    ]);
    expect(result.stale).toEqual([STOCK]);
    const { output, exitCode } = await formatCheck('text', result);
    expect(exitCode).toBe(1);
    await expect(output).toMatchFileSnapshot(join(FIXTURES, 'internal-import', 'baseline.txt'));
  });
});

describe('applyBaseline after a check limited to some files', () => {
  const gone = (rule: string, from: string) => ({
    rule,
    from,
    to: 'src/orders/index.ts',
    fingerprint: `${rule}-gone`,
    message: 'fixed since',
  });
  const baseline: Baseline = {
    version: 1,
    findings: [
      gone('internal-import', 'src/billing/index.ts'),
      gone('service-cycle', 'src/billing/index.ts'),
      gone('internal-import', 'src/catalog/index.ts'),
    ],
  };

  it('judges only entries of files in the set, and never a loop', () => {
    expect(applyBaseline([], baseline, { files: new Set(['src/billing/index.ts']) }).stale).toEqual([
      gone('internal-import', 'src/billing/index.ts'),
    ]);
    // Sorted by file, then target, then rule.
    expect(applyBaseline([], baseline).stale).toEqual([
      gone('internal-import', 'src/billing/index.ts'),
      gone('service-cycle', 'src/billing/index.ts'),
      gone('internal-import', 'src/catalog/index.ts'),
    ]);
  });
});

describe('parseBaseline', () => {
  it('names the offending field', () => {
    expect(() =>
      parseBaseline({ version: 1, findings: [{ rule: 'internal-import' }] }, 'seams.baseline.json'),
    ).toThrowError(
      expect.objectContaining({
        code: 'SEAMS_BASELINE_INVALID',
        message: expect.stringMatching(/^seams.baseline.json is not a seams baseline: findings.0.from: /),
      }),
    );
  });

  it('tells the user to re-record a baseline of another version', () => {
    expect(() => parseBaseline({ version: 2, findings: [] }, 'seams.baseline.json')).toThrowError(
      "seams.baseline.json has baseline format version 2; this seams reads version 1. Re-run 'seams check --update-baseline'.",
    );
  });
});
