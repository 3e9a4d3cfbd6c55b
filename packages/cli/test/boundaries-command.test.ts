import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePartitions, readTruthTsv } from '@seams/boundaries';
import { parsePlan, type Plan } from '@seams/graph';
import { runIn } from './run-in.ts';

const top = join(import.meta.dirname, '../../..');
const out = mkdtempSync(join(tmpdir(), 'seams-boundaries-'));
const graphFile = join(out, 'shop.graph.json');
afterAll(() => rmSync(out, { recursive: true, force: true }));

const seams = runIn(top);

const readPlan = (file: string): Plan => parsePlan(JSON.parse(readFileSync(file, 'utf8')));

describe('seams boundaries on the example monolith', () => {
  beforeAll(async () => {
    const analyzed = await seams('analyze', 'fixtures/shop', '--exclude', 'test/**', '--no-cache', '-o', graphFile);
    expect(analyzed.code).toBe(0);
  });

  it('prints the services a person would review', async () => {
    const result = await seams('boundaries', graphFile, '-o', join(out, 'plan.json'));
    expect(result.code).toBe(0);
    await expect(result.stdout.replaceAll(top, '<repo>').replaceAll(out, '<out>')).toMatchFileSnapshot(
      '../../../fixtures/shop/boundaries.txt',
    );
  });

  it('recovers the intended domains (ARI and MoJoFM against domains.tsv)', async () => {
    const result = await seams('boundaries', graphFile, '--format', 'tsv');
    const truth = new Map(
      [...readTruthTsv(readFileSync(join(top, 'fixtures/shop/domains.tsv'), 'utf8'))].filter(([, d]) => d !== 'shared'),
    );
    const agreement = comparePartitions(truth, readTruthTsv(result.stdout));
    expect(agreement.items).toBe(truth.size);
    expect(agreement.ari).toBeGreaterThan(0.85);
    expect(agreement.mojoFm).toBeGreaterThan(90);
  });

  it('keeps the infrastructure out of the domains (every row of domains.tsv scored, `shared` ones included)', async () => {
    // Plain Louvain on the import graph finds the domains (ARI 0.96 above) but spreads the infrastructure over
    // them: with the `shared` rows scored it gets ARI 0.60 and MoJoFM 81.8 (eval/run.ts); seams 0.69 and 93.2.
    const result = await seams('boundaries', graphFile, '--format', 'tsv');
    const truth = readTruthTsv(readFileSync(join(top, 'fixtures/shop/domains.tsv'), 'utf8'));
    const agreement = comparePartitions(truth, readTruthTsv(result.stdout));
    expect(agreement.items).toBe(truth.size);
    expect(agreement.ari).toBeGreaterThan(0.65);
    expect(agreement.mojoFm).toBeGreaterThan(90);
  });

  it('gives the same plan for the same seed, and lists every file once in tsv', async () => {
    const first = await seams('boundaries', graphFile, '--format', 'json');
    const second = await seams('boundaries', graphFile, '--format', 'json');
    expect(second.stdout).toBe(first.stdout);
    const tsv = (await seams('boundaries', graphFile, '--format', 'tsv')).stdout.trim().split('\n');
    const graph = JSON.parse(readFileSync(graphFile, 'utf8'));
    expect(tsv.map((line) => line.split('\t')[0]).sort()).toEqual(
      graph.files.map((f: { path: string }) => f.path).sort(),
    );
  });

  it('makes exactly the number of services asked for', async () => {
    const plan = JSON.parse((await seams('boundaries', graphFile, '--format', 'json', '--services', '5')).stdout);
    expect(plan.services).toHaveLength(5);
  });

  it('keeps renamed services and pinned files when recomputing with --keep', async () => {
    const planFile = join(out, 'edited.plan.json');
    await seams('boundaries', graphFile, '-o', planFile, '--format', 'json');
    const plan = readPlan(planFile);
    const cart = plan.services.find((s) => s.files.includes('src/services/cart.service.ts'))!;
    const payments = plan.services.find((s) => s.files.includes('src/services/payment.service.ts'))!;
    cart.name = 'basket';
    cart.files = cart.files.filter((f) => f !== 'src/services/cart.service.ts');
    payments.files.push('src/services/cart.service.ts');
    plan.pinned.push('src/services/cart.service.ts');
    payments.public = ['src/services/payment.service.ts'];
    payments.dependsOn = [cart.id];
    payments.tables = ['payments', 'refunds'];
    plan.shared[0]!.allow = [payments.id];
    writeFileSync(planFile, JSON.stringify(plan));

    const again = await seams('boundaries', graphFile, '--keep', planFile, '--format', 'json');
    const next = parsePlan(JSON.parse(again.stdout));
    const basket = next.services.find((s) => s.id === cart.id)!;
    expect(basket.name).toBe('basket');
    expect(next.services.find((s) => s.id === payments.id)!.files).toContain('src/services/cart.service.ts');
    expect(next.pinned).toEqual(['src/services/cart.service.ts']);
    expect(next.services.find((s) => s.id === payments.id)).toMatchObject({
      public: ['src/services/payment.service.ts'],
      dependsOn: [cart.id],
      tables: ['payments', 'refunds'],
    });
    expect(next.shared.find((s) => s.path === plan.shared[0]!.path)!.allow).toEqual([payments.id]);
  });

  it('names an unknown signal in one line, exit code 2', async () => {
    const result = await seams('boundaries', graphFile, '--signals', 'imports,gitx');
    expect(result).toMatchObject({
      code: 2,
      stderr:
        "seams: unknown signal 'gitx': choose from imports, names, paths, entities, usecases, cochange, data. [SEAMS_OPTION_INVALID]\n",
    });
  });

  it('refuses a plan that is not a plan, exit code 2', async () => {
    const bad = join(out, 'bad.plan.json');
    writeFileSync(bad, JSON.stringify({ version: 1, services: 'none' }));
    const result = await seams('boundaries', graphFile, '--keep', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not a seams plan: .*\[SEAMS_PLAN_INVALID\]\n$/);
  });
});

describe('seams boundaries on a foreign graph', () => {
  it('says that analyze --from comes first when handed the foreign file itself', async () => {
    const result = await seams('boundaries', 'fixtures/interop/edge-list/weighted.tsv');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /weighted\.tsv is an edge list, not a seams graph: import it first with 'seams analyze --from .*weighted\.tsv -o graph\.json', then pass graph\.json\. \[SEAMS_INPUT_FOREIGN_GRAPH\]\n$/,
    );
  });

  it('clusters a weighted JSON graph from another language', async () => {
    const imported = join(out, 'java.graph.json');
    await seams('analyze', '--from', 'fixtures/interop/json-graph/java-shop.json', '-o', imported);
    const result = await seams('boundaries', imported, '--min-size', '2', '--no-shared', '--format', 'tsv');
    expect(result.stdout).toBe(
      [
        'com.shop.infra.Database\torders',
        'com.shop.orders.OrderController\torders',
        'com.shop.orders.OrderRepository\torders',
        'com.shop.orders.OrderService\torders',
        'com.shop.payments.PaymentController\tpayments',
        'com.shop.payments.PaymentGateway\tpayments',
        'com.shop.payments.PaymentService\tpayments',
        '',
      ].join('\n'),
    );
  });
});
