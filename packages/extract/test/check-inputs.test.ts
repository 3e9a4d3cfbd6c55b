// checkInputs: what extract refuses to follow from a plan or graph, with hand-written inputs.
import { describe, expect, it } from 'vitest';
import type { Graph, Plan } from '@seams/graph';
import { checkInputs, SERVICE_ID } from '../src/check-inputs.ts';

const graph = {
  root: '/work/app',
  files: [{ path: 'src/pay/a.ts' }, { path: 'src/orders/b.ts' }],
  edges: [{ from: 'src/orders/b.ts', to: 'src/pay/a.ts' }],
} as unknown as Graph;
const planWith = (id: string, files = ['src/pay/a.ts']) =>
  ({ services: [{ id, name: 'Payments & "refunds" <b>', files }], shared: [] }) as unknown as Plan;
const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
};

describe('checkInputs', () => {
  it('takes ids generated code can carry, whatever the name says', () => {
    expect(['payment', 'order-history', '2fa', 'a'].filter((id) => SERVICE_ID.test(id))).toHaveLength(4);
    expect(['', '-x', 'Payment', 'pay_ment', "x'y", '../x', 'a b', 'x`y'].filter((id) => SERVICE_ID.test(id))).toEqual(
      [],
    );
    expect(refusal(() => checkInputs(graph, planWith('order-history'), 'order-history'))).toBeUndefined();
    expect(refusal(() => checkInputs(graph, planWith("pay'ment"), "pay'ment"))).toMatch(
      /^service id "pay'ment" cannot name generated code/,
    );
  });

  it('refuses plan paths that leave the project, in every spelling', () => {
    for (const path of ['../outside.ts', '/etc/passwd', 'src/../../x.ts', 'C:/x.ts', 'src\\..\\..\\x.ts', 'a\0b'])
      expect(refusal(() => checkInputs(graph, planWith('payment', ['src/pay/a.ts', path]), 'payment'))).toBe(
        `the plan gives payment the file ${JSON.stringify(path)}, which is not a path inside the project: fix the plan or make it again with 'seams boundaries'.`,
      );
  });

  it('refuses a graph naming a file outside the project, and a plan made for another project', () => {
    const crafted = { ...graph, edges: [{ from: 'src/orders/b.ts', to: '../victim.ts' }] } as unknown as Graph;
    expect(refusal(() => checkInputs(crafted, planWith('payment'), 'payment'))).toBe(
      `the graph names "../victim.ts", which is not a path inside the project: make the graph again with 'seams analyze'.`,
    );
    expect(refusal(() => checkInputs(graph, planWith('payment', ['lib/pay.ts', 'lib/card.ts']), 'payment'))).toBe(
      "2 of payment's 2 files in the plan are not in /work/app (lib/pay.ts, lib/card.ts): the plan was made for another project or an older tree; make it again with 'seams boundaries'.",
    );
  });
});
