import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Plan } from '@seams/graph';
import { planAsParsed } from '../src/plan-fast-path.ts';

const fixtures = ['data', 'ownership', 'small-shop'].map(
  (name) =>
    JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/report', name, 'plan.json'), 'utf8')) as Plan,
);

// A fixture plan with every optional field of the long parts present somewhere.
const rich = structuredClone(fixtures[1]!);
Object.assign(rich.services[0]!, { public: ['src/catalog/**'], dependsOn: ['order'], tables: ['products'] });
rich.shared.push({ path: 'src/x.ts', reason: 'test helper', group: 'tests', allow: ['catalog'] });
rich.review.push({ path: 'src/a.ts', service: 'catalog', confidence: 0.4, alternative: 'order' });
rich.review.push({ path: 'src/b.ts', service: 'catalog', confidence: 0.5 });

// The cases below reach into arbitrary JSON to break it: typing each step would say nothing more.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe('planAsParsed', () => {
  it('gives what the schema gives, key order included, on valid plans', () => {
    for (const json of [rich, ...fixtures]) {
      const fast = planAsParsed(structuredClone(json));
      expect(fast).toBeDefined();
      expect(JSON.stringify(fast)).toBe(JSON.stringify(Plan.parse(json)));
    }
  });

  // What it passes, the schema passes and gives back the same; what it cannot vouch for is left to the schema.
  it('never passes what the schema would reject or change', () => {
    const cases: Array<[string, (plan: Loose) => void]> = [
      ['a service id that is a number', (p) => (p.services[0].id = 1)],
      ['a service without files', (p) => delete p.services[0].files],
      ['a file that is null', (p) => (p.services[0].files[0] = null)],
      ['a confidence as a string', (p) => (p.services[0].confidence = '1')],
      ['a fractional file count', (p) => (p.services[0].metrics.files = 1.5)],
      ['an inbound count that is a string', (p) => (p.services[0].metrics.inbound.order = '3')],
      ['a __proto__ inbound count', (p) => (p.services[0].metrics.inbound = JSON.parse('{"__proto__": 1}'))],
      ['metrics with another field', (p) => (p.services[0].metrics.extra = 1)],
      ['a service with another field', (p) => (p.services[0].extra = 1)],
      ['a service with fields in another order', (p) => (p.services[0] = { name: 'n', ...p.services[0] })],
      ['public as a string', (p) => (p.services[0].public = 'src/**')],
      ['a shared file without a reason', (p) => delete p.shared[0].reason],
      ['a shared group that is a number', (p) => (p.shared.at(-1).group = 2)],
      ['a file confidence that is null', (p) => (p.confidence['src/catalog/product.ts'] = null)],
      ['confidences as a list', (p) => (p.confidence = [])],
      ['a review entry without a service', (p) => delete p.review[0].service],
      ['services that are not a list', (p) => (p.services = {})],
      ['no plan metrics', (p) => delete p.metrics],
      ['a parameter of the wrong type', (p) => (p.parameters.seed = 'x')],
      ['another top-level field', (p) => (p.extra = true)],
    ];
    for (const [name, change] of cases) {
      const json: Loose = structuredClone(rich);
      change(json);
      const fast = planAsParsed(structuredClone(json));
      const slow = Plan.safeParse(json);
      if (fast === undefined) continue;
      expect(slow.success, name).toBe(true);
      expect(JSON.stringify(fast), name).toBe(JSON.stringify(slow.data));
    }
  });
});
