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

  it('prints a short loop whole, and a loop of dozens of services as its size and first eight (logto: 39)', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const services = ids.map((id) => ({ ...plan.services[0]!, id, name: id }));
    const looped = (cycle: string[]) => ({ ...plan, services, metrics: { ...plan.metrics, serviceCycles: [cycle] } });
    expect(formatPlanText(looped(['s0', 's1', 's2']))).toContain('  cycles between services: s0 <-> s1 <-> s2\n');
    expect(formatPlanText(looped(ids))).toContain(
      "  cycles between services: 12 services (s0, s1, s2, s3, s4, s5, s6, s7, ...; all in the plan's metrics)\n",
    );
  });
});
