import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '@seams/graph';
import { formatPlanText } from '../src/format-plan.ts';

const plan = parsePlan(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/report/small-shop/plan.json'), 'utf8')),
);

describe('formatPlanText', () => {
  it('counts a kernel of one file in the singular (codimd: its database client alone)', () => {
    const one = { ...plan, shared: plan.shared.slice(0, 1) };
    expect(formatPlanText(one)).toContain('  shared kernel (1 file, kept out of every service):\n');
    expect(formatPlanText(plan)).toContain('  shared kernel (2 files, kept out of every service):\n');
  });
});
