import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '@seams/analyze';
import { parsePlan, type Graph, type Plan } from '@seams/graph';

export const FIXTURES = join(import.meta.dirname, '../../../fixtures/check');

/** A fixture's graph, analysed afresh, and its hand-written plan. */
export async function loadFixture(root: string): Promise<{ graph: Graph; plan: Plan }> {
  const graph = await analyze({ root, cache: false });
  const plan = parsePlan(JSON.parse(readFileSync(join(root, 'seams.plan.json'), 'utf8')), 'seams.plan.json');
  return { graph, plan };
}

/**
 * The fingerprint format, written out: baselines store it, so changing it invalidates every
 * baseline in use and must be a decision, not a side effect.
 */
export function fingerprint(rule: string, ...parts: string[]): string {
  return createHash('sha256')
    .update([rule, ...parts].join('\0'))
    .digest('hex')
    .slice(0, 20);
}
