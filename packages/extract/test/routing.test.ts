import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { routingFile } from '../src/generate/routing-file.ts';

// The generated routing switch, written out and imported as the monolith would use it.
const scratch = mkdtempSync(join(tmpdir(), 'seams-routing-'));
writeFileSync(
  join(scratch, 'routing.ts'),
  routingFile({ service: 'payment', name: 'payment', plan: 'seams.plan.json' }, 'routing.ts').content,
);
const routing = (await import(join(scratch, 'routing.ts'))) as typeof import('./routing-types.ts');
const routingJson = join(scratch, 'seams.routing.json');
process.env.SEAMS_ROUTING = routingJson;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  for (const key of Object.keys(process.env))
    if (key.startsWith('SEAMS_ROUTE_') || key.startsWith('SEAMS_PAYMENT')) delete process.env[key];
  rmSync(routingJson, { force: true });
});

const calls: string[] = [];
const local = async () => (calls.push('local'), { id: 'pay_1', status: 'captured' });
const remote = async () => (calls.push('remote'), { id: 'pay_2', status: 'captured' });
const served = async () => {
  calls.length = 0;
  await routing.route('payment', 'capturePayment', local, remote);
  await new Promise((resolve) => setTimeout(resolve, 5));
  return [...calls];
};

function writeRouting(value: unknown, secondsLater = 0) {
  writeFileSync(routingJson, JSON.stringify(value));
  const at = new Date(Date.now() + secondsLater * 1000);
  utimesSync(routingJson, at, at);
}

describe('the generated routing switch', () => {
  it('serves locally by default', async () => {
    expect(await served()).toEqual(['local']);
  });

  it('follows the environment, per service and per operation, read at each call', async () => {
    process.env.SEAMS_ROUTE_PAYMENT = 'remote';
    expect(await served()).toEqual(['remote']);
    process.env.SEAMS_ROUTE_PAYMENT_CAPTUREPAYMENT = 'local';
    expect(await served()).toEqual(['local']);
  });

  it('follows the routing file, and a change to it without a restart', async () => {
    writeRouting({ payment: { default: 'remote' } });
    expect(await served()).toEqual(['remote']);
    writeRouting({ payment: { default: 'remote', operations: { capturePayment: 'local' } } }, 2);
    expect(await served()).toEqual(['local']);
  });

  it('sends a percentage of the calls remote', async () => {
    process.env.SEAMS_ROUTE_PAYMENT = '0%';
    expect(await served()).toEqual(['local']);
    process.env.SEAMS_ROUTE_PAYMENT = '100%';
    expect(await served()).toEqual(['remote']);
  });

  it('shadows: serves the local answer, reports a differing remote one, ignoring listed noise', async () => {
    const reports: unknown[] = [];
    routing.setShadowReporter((report) => reports.push(report));
    process.env.SEAMS_ROUTE_PAYMENT = 'shadow';
    expect(await routing.route('payment', 'getPayment', local, remote, 'read')).toEqual({
      id: 'pay_1',
      status: 'captured',
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(reports).toEqual([
      {
        service: 'payment',
        operation: 'getPayment',
        local: { id: 'pay_1', status: 'captured' },
        remote: { id: 'pay_2', status: 'captured' },
      },
    ]);
    writeRouting({ payment: { shadowIgnore: ['id'], shadowWrites: true } }, 4);
    await served();
    expect(reports).toHaveLength(1);
  });

  it('in shadow replays a write only when the routing file says so, for the service or the operation', async () => {
    process.env.SEAMS_ROUTE_PAYMENT = 'shadow';
    expect(await served()).toEqual(['local']);
    writeRouting({ payment: { shadowWrites: true } }, 6);
    expect(await served()).toEqual(['local', 'remote']);
    writeRouting({ payment: { shadow: { capturePayment: 'replay' } } }, 8);
    expect(await served()).toEqual(['local', 'remote']);
    // A read classified wrongly is kept local the same way.
    writeRouting({ payment: { shadow: { getPayment: 'local' } } }, 10);
    calls.length = 0;
    await routing.route('payment', 'getPayment', local, remote, 'read');
    expect(calls).toEqual(['local']);
  });

  it('refuses a routing value it does not know, naming it', async () => {
    process.env.SEAMS_ROUTE_PAYMENT = 'sideways';
    await expect(served()).rejects.toThrow(
      "seams routing: 'sideways' is not local, remote, shadow or a percentage like 10%",
    );
  });

  it('says where to set the url of a remote service', () => {
    expect(() => routing.endpointOf('payment')).toThrow(
      'seams routing: payment is routed remote but has no url: set SEAMS_PAYMENT_URL or "url" in',
    );
    process.env.SEAMS_PAYMENT_URL = 'http://localhost:4010';
    expect(routing.endpointOf('payment')).toBe('http://localhost:4010');
  });
});
