import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from './run-in.ts';

// The proof of seams extract: the payment service of the example monolith, extracted in a copy;
// the generated code compiles, and the monolith's own tests pass with calls routed local, then
// remote to the running service; shadow mode reports a deliberately changed answer.
const top = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'seams-extract-'));
const shop = join(scratch, 'shop');
const bin = (name: string) => join(top, 'node_modules/.bin', name);
const services: ChildProcess[] = [];
// The unchanged service the remote test starts, which the shadow test calls too.
let serviceUrl = '';

beforeAll(async () => {
  cpSync(join(top, 'fixtures/shop'), shop, { recursive: true, filter: (source) => !source.includes('.seams') });
  // What `npm install` gives a real project: the packages its code and the generated code import.
  mkdirSync(join(shop, 'node_modules/@types'), { recursive: true });
  symlinkSync(join(top, 'node_modules/@types/node'), join(shop, 'node_modules/@types/node'));
  symlinkSync(join(top, 'packages/graph/node_modules/zod'), join(shop, 'node_modules/zod'));
  writeFileSync(join(shop, '.gitignore'), 'node_modules/\n.seams/\n');
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', shop, '-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args]);
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'shop');
  const seams = runIn(shop);
  await seams('analyze', '.', '--exclude', 'test/**', '-o', '.seams/app.graph.json');
  await seams('boundaries', '.seams/app.graph.json', '-o', 'seams.plan.json');
  git('add', 'seams.plan.json');
  git('commit', '-qm', 'plan');
  const result = await seams('extract', 'payment', '--write');
  if (result.code !== 0) throw new Error(result.stderr);
}, 120_000);

afterAll(() => {
  for (const child of services) child.kill();
  rmSync(scratch, { recursive: true, force: true });
});

const shopTests = (env: Record<string, string> = {}) =>
  spawnSync(bin('tsx'), ['--test', ...readTests()], { cwd: shop, encoding: 'utf8', env: { ...process.env, ...env } });
const readTests = () =>
  execFileSync('ls', ['test'], { cwd: shop, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/${f}`);
const passed = (output: string) => Number(/# pass (\d+)/.exec(output)?.[1] ?? -1);
const failed = (output: string) => Number(/# fail (\d+)/.exec(output)?.[1] ?? -1);

const TOKEN = 'shop-test-secret';

/** Starts a service on 127.0.0.1 and resolves once it says where it listens (readiness), with its url and its log. */
function startService(
  main = 'extracted/payment/service/src/main.ts',
): Promise<{ url: string; calls: () => string[]; logged: (test: (lines: string[]) => boolean) => Promise<void> }> {
  const child = spawn(bin('tsx'), [main], {
    cwd: shop,
    env: { ...process.env, PORT: '0', SEAMS_PAYMENT_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  services.push(child);
  let output = '';
  const calls = () => output.split('\n').filter((line) => line.startsWith('{'));
  const waiting: Array<() => void> = [];
  // Resolves when the log passes a test, checked as each piece of output arrives.
  const logged = (test: (lines: string[]) => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (test(calls()) ? (resolve(), true) : false);
      if (!check()) waiting.push(() => void check());
    });
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      for (const wake of waiting) wake();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) resolve({ url, calls, logged });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`the service exited (${code}):\n${output}`)));
  });
}

const CHANGED_SERVICE = `import { createServiceServer } from './server';
import { operations } from './operations';

createServiceServer({
  ...operations,
  capturePayment: async (input) => ({ ...(await operations.capturePayment(input)), amountCents: input.amountCents + 1 }),
}).listen(0, '127.0.0.1', function (this: import('node:net').Server) {
  console.log(\`changed payment service listening on http://127.0.0.1:\${(this.address() as import('node:net').AddressInfo).port}\`);
});
`;

const SHADOW_CALL = `import { setConfig } from './src/infra/config';
import { setShadowReporter, shadowsSettled, type ShadowReport } from './extracted/payment/facade/routing';
import { capturePayment } from './extracted/payment/facade/payment.facade';

async function main() {
  setConfig({ env: 'test', lowStockThreshold: 5, freeShippingThresholdCents: 10_000, defaultCountry: 'DE', currency: 'EUR' });
  const reports: ShadowReport[] = [];
  setShadowReporter((report) => reports.push(report));
  const served = await capturePayment({ orderId: 'ord_shadow', customerEmail: 'ada@example.com', country: 'DE', amountCents: 4200, currency: 'EUR', method: 'invoice' });
  await shadowsSettled();
  console.log(JSON.stringify({ served, reports }));
}
void main();
`;

describe('seams extract payment, on a copy of the example monolith', () => {
  it('generates code that compiles, and the rewritten monolith still compiles', () => {
    const monolith = spawnSync(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], { cwd: shop, encoding: 'utf8' });
    expect(monolith.stdout + monolith.stderr).toBe('');
    const service = spawnSync(bin('tsc'), ['-p', 'extracted/payment/service/tsconfig.json', '--noEmit'], {
      cwd: shop,
      encoding: 'utf8',
    });
    expect(service.stdout + service.stderr).toBe('');
  }, 120_000);

  it("passes the monolith's own tests with calls routed local", () => {
    const run = shopTests({ SEAMS_ROUTE_PAYMENT: 'local' });
    expect(failed(run.stdout)).toBe(0);
    expect(passed(run.stdout)).toBeGreaterThan(30);
  }, 120_000);

  it('passes the same tests routed remote, with the calls arriving at the service', async () => {
    const service = await startService();
    serviceUrl = service.url;
    const run = shopTests({
      SEAMS_ROUTE_PAYMENT: 'remote',
      SEAMS_PAYMENT_URL: service.url,
      SEAMS_PAYMENT_TOKEN: TOKEN,
    });
    expect(run.stdout.split('\n').filter((l) => l.startsWith('not ok'))).toEqual([]);
    expect(failed(run.stdout)).toBe(0);
    // spawnSync held this process's event loop: the service's log arrives now.
    const operations = (lines: string[]) => new Set(lines.map((line) => JSON.parse(line).operation).filter(Boolean));
    await service.logged((lines) => operations(lines).size === 3);
    expect([...operations(service.calls())].sort()).toEqual(['capturePayment', 'getPayment', 'refundPayment']);
  }, 120_000);

  it('shadows: serves local answers and reports where a deliberately changed service answers differently', async () => {
    // The changed service adds a cent to every captured amount; ids and times differ on every call anyway.
    writeFileSync(join(shop, 'extracted/payment/service/src/main-changed.ts'), CHANGED_SERVICE);
    const changedService = await startService('extracted/payment/service/src/main-changed.ts');
    writeFileSync(join(shop, 'shadow-call.ts'), SHADOW_CALL);
    // capturePayment writes: shadow replays it only because the routing file says the service has its own data.
    const shadowIgnore = ['id', 'providerRef', 'createdAt', 'updatedAt'];
    writeFileSync(
      join(shop, 'routing.json'),
      JSON.stringify({ payment: { default: 'shadow', shadowWrites: true, shadowIgnore } }),
    );
    const call = (url: string) => {
      const run = spawnSync(bin('tsx'), ['shadow-call.ts'], {
        cwd: shop,
        encoding: 'utf8',
        env: { ...process.env, SEAMS_ROUTING: 'routing.json', SEAMS_PAYMENT_URL: url, SEAMS_PAYMENT_TOKEN: TOKEN },
      });
      return JSON.parse(run.stdout) as {
        served: { amountCents: number };
        reports: Array<{ operation: string; local: { amountCents: number }; remote: { amountCents: number } }>;
      };
    };
    const same = call(serviceUrl);
    expect(same.served.amountCents).toBe(4200);
    expect(same.reports).toEqual([]);
    const changed = call(changedService.url);
    expect(changed.served.amountCents).toBe(4200);
    expect(changed.reports.map((r) => [r.operation, r.local.amountCents, r.remote.amountCents])).toEqual([
      ['capturePayment', 4200, 4201],
    ]);
    // Without shadowWrites the write stays local: the changed service is never called, so nothing differs.
    writeFileSync(join(shop, 'routing.json'), JSON.stringify({ payment: { default: 'shadow', shadowIgnore } }));
    expect(call(changedService.url)).toMatchObject({ served: { amountCents: 4200 }, reports: [] });
  }, 120_000);

  it('is idempotent: a second run writes nothing and changes nothing', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', shop, '-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], {
        encoding: 'utf8',
      });
    git('add', '-A');
    git('commit', '-qm', 'extract payment');
    const again = await runIn(shop)('extract', 'payment', '--write');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('(0 written, 19 unchanged)');
    expect(again.stderr).toContain('codemod    nothing to change');
    expect(git('status', '--porcelain')).toBe('');
  }, 60_000);

  it('never overwrites a generated file a person changed, nor applies the codemod on a dirty tree, without --force', async () => {
    const facade = join(shop, 'extracted/payment/facade/payment.facade.ts');
    const original = readFileSync(facade, 'utf8');
    writeFileSync(facade, original + '// my change\n');
    const refused = await runIn(shop)('extract', 'payment');
    expect(refused).toMatchObject({
      code: 2,
      stderr:
        'seams: 1 generated file would overwrite changed files (extracted/payment/facade/payment.facade.ts); pass --force to regenerate them. [SEAMS_OUTPUT_EXISTS]\n',
    });
    writeFileSync(facade, original);
    writeFileSync(join(shop, 'src/app.ts'), readFileSync(join(shop, 'src/app.ts'), 'utf8') + '\n');
    const dirty = await runIn(shop)('extract', 'payment', '--write');
    expect(dirty.stderr).toContain('[SEAMS_GIT_DIRTY]');
    execFileSync('git', ['-C', shop, 'checkout', '-q', '--', 'src/app.ts']);
  }, 60_000);

  it('switches back to local without a rebuild: the routing is read at each call', () => {
    const run = shopTests({ SEAMS_ROUTE_PAYMENT: 'local', SEAMS_PAYMENT_URL: 'http://127.0.0.1:1' });
    expect(failed(run.stdout)).toBe(0);
  }, 120_000);
});
