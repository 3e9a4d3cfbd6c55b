import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGraph, parsePlan, type Graph } from '@seams/graph';
import { buildReportModel, renderReport } from '../src/index.ts';

// The small shop with a hand-written history (graph.json) and the plan seams proposes for it. Every
// number below is worked out from the history's authors, owners and churn, never copied from output.
const fixture = join(import.meta.dirname, '../../../fixtures/report/ownership');
const read = (file: string) => JSON.parse(readFileSync(join(fixture, file), 'utf8')) as unknown;
const graph = parseGraph(read('graph.json'));
const plan = parsePlan(read('plan.json'));
const model = buildReportModel(graph, plan);
const ownershipOf = (id: string) => model.services.find((card) => card.id === id)!.ownership;
const history = graph.history!;

describe('ownership per service', () => {
  it('credits changes to the config team, else the CODEOWNERS owner, else the author', () => {
    // catalog: grace (catalog-team) 3 + 5 + 4; db.ts 2 by dennis, in no team: its owner @shop/platform; ada
    // (checkout-team) 1.
    expect(ownershipOf('catalog')).toEqual({
      changes: 15,
      teams: [
        { team: 'catalog-team', basis: 'teams', changes: 12, share: 0.8 },
        { team: '@shop/platform', basis: 'codeowners', changes: 2, share: 0.133 },
        { team: 'checkout-team', basis: 'teams', changes: 1, share: 0.067 },
      ],
      owner: 'catalog-team',
    });
    // payments: barbara 4 + 8 + 3; zoe is in no team and invoice.ts has no owner: a team of one.
    expect(ownershipOf('payments')).toEqual({
      changes: 18,
      teams: [
        { team: 'payments-team', basis: 'teams', changes: 15, share: 0.833 },
        { team: 'zoe@agency.example', basis: 'author', changes: 3, share: 0.167 },
      ],
      owner: 'payments-team',
    });
    // shipping: linus, in no team, 4 + 3 + 4 for @shop/delivery; alan 3 and ada 1 for checkout-team. 11/15 >= 70%.
    expect(ownershipOf('shipping')).toMatchObject({ changes: 15, owner: '@shop/delivery' });
    expect(model.ownership!.basis).toEqual({ teams: 12 + 1 + 28 + 15 + 4, codeowners: 2 + 11, author: 3 });
  });

  it('has no owning team when no team makes 70% of the changes', () => {
    // order: ada 2 + 5 + 3 and alan 5 + 2 for checkout-team (17), barbara 5 + 6 for payments-team (11).
    expect(ownershipOf('order')).toEqual({
      changes: 28,
      teams: [
        { team: 'checkout-team', basis: 'teams', changes: 17, share: 0.607 },
        { team: 'payments-team', basis: 'teams', changes: 11, share: 0.393 },
      ],
    });
  });

  it('makes every author a team of one without teams or CODEOWNERS', () => {
    const files = history.files.map(({ owners: _, ...file }) => file);
    const { teams: __, ...rest } = history;
    const bare = buildReportModel({ ...graph, history: { ...rest, files } }, plan);
    expect(
      bare.services.find((card) => card.id === 'order')!.ownership!.teams.map(({ team, changes }) => [team, changes]),
    ).toEqual([
      ['barbara@shop.example', 11],
      ['ada@shop.example', 10],
      ['alan@shop.example', 7],
    ]);
    expect(bare.ownership!.basis).toEqual({ teams: 0, codeowners: 0, author: 76 });
  });
});

describe('coordination and hot spots', () => {
  it('lists services without an owner and pairs of teams with 10% of a service each, in plan order', () => {
    // checkout-team's one change to catalog is under 10%: no pair for it.
    expect(model.ownership!.coordination).toEqual([
      {
        service: 'catalog',
        kind: 'two-teams',
        teams: [
          { team: 'catalog-team', share: 0.8 },
          { team: '@shop/platform', share: 0.133 },
        ],
      },
      {
        service: 'order',
        kind: 'no-owner',
        teams: [
          { team: 'checkout-team', share: 0.607 },
          { team: 'payments-team', share: 0.393 },
        ],
      },
      {
        service: 'order',
        kind: 'two-teams',
        teams: [
          { team: 'checkout-team', share: 0.607 },
          { team: 'payments-team', share: 0.393 },
        ],
      },
      {
        service: 'payments',
        kind: 'two-teams',
        teams: [
          { team: 'payments-team', share: 0.833 },
          { team: 'zoe@agency.example', share: 0.167 },
        ],
      },
      {
        service: 'shipping',
        kind: 'two-teams',
        teams: [
          { team: '@shop/delivery', share: 0.733 },
          { team: 'checkout-team', share: 0.267 },
        ],
      },
    ]);
  });

  it('scores files by churn times files of other services tied to them', () => {
    // order-service.ts: inventory and db.ts (catalog), shipment and tracking (shipping). money.ts is in
    // no service: product (catalog), order.ts (order), invoice and payment-gateway (payments), carrier-api (shipping).
    // payment-gateway.ts churns 260 lines but only its own service and the kernel use it: no hot spot.
    expect(
      model.ownership!.hotSpots.map(({ path, service, churn, crossing, score }) => [
        path,
        service,
        churn,
        crossing,
        score,
      ]),
    ).toEqual([
      ['src/orders/order-service.ts', 'order', 410, 4, 1640],
      ['src/shared/money.ts', undefined, 200, 5, 1000],
      ['src/orders/order.ts', 'order', 180, 3, 540],
      ['src/shipping/shipment.ts', 'shipping', 140, 3, 420],
      ['src/payments/invoice.ts', 'payments', 150, 2, 300],
      ['src/catalog/inventory.ts', 'catalog', 120, 1, 120],
      ['src/catalog/product.ts', 'catalog', 60, 2, 120],
      ['src/shipping/tracking.ts', 'shipping', 75, 1, 75],
      ['src/shared/db.ts', 'catalog', 12, 2, 24],
    ]);
    expect(model.ownership!.hotSpots[1]).not.toHaveProperty('service');
  });

  it('says so when nothing changed', async () => {
    const quiet = buildReportModel(
      { ...graph, history: { ...history, commits: 3, since: undefined, until: undefined, files: [], cochange: [] } },
      plan,
    );
    expect(quiet.services.map((card) => card.ownership)).toEqual(plan.services.map(() => ({ changes: 0, teams: [] })));
    expect(quiet.ownership).toMatchObject({
      window: { commits: 3 },
      coordination: [],
      hotSpots: [],
      basis: { teams: 0, codeowners: 0, author: 0 },
    });
    const markdown = await renderReport('md', quiet);
    expect(markdown.slice(markdown.indexOf('## Ownership'), markdown.indexOf('## Service cards'))).toBe(
      [
        '## Ownership and hot spots',
        "From the git history: 3 commits. A change is one file changed in one commit. Changes count for the author's team in the config (0 changes), else for the file's first CODEOWNERS owner (0), else for the author alone (0). A service has an owning team when one team makes at least 70% of its changes; each service card says who.",
        "**Where teams would have to coordinate** (teams making at least 10% of a service's changes): nowhere; every changed service has an owning team and no second team makes that share of its changes.",
        '**Hot spots**: files that change a lot and tie services together, top 10 by score.\n\n    score = churn × crossing, where churn is lines added plus deleted and crossing the files of other services that import it or that it imports\n\nNone: no changed file has a dependency across a service boundary.',
        '',
      ].join('\n\n'),
    );
    expect(markdown).toContain(
      '- **Blast radius** (who breaks if it is down): nobody; no other service depends on it\n- **Ownership**: no changes in the history read\n',
    );
  });

  it('is absent without history', () => {
    const { history: _, ...withoutHistory }: Graph = graph;
    const plain = buildReportModel(withoutHistory, plan);
    expect(plain.ownership).toBeUndefined();
    expect(plain.services.filter((card) => 'ownership' in card)).toEqual([]);
  });
});

describe('ownership in the reports', () => {
  it('matches the reviewed Markdown golden file', async () => {
    await expect(await renderReport('md', model)).toMatchFileSnapshot('../../../fixtures/report/ownership/report.md');
  });

  it('writes the ownership into the JSON', async () => {
    const json = JSON.parse(await renderReport('json', model));
    expect(json.ownership).toEqual(model.ownership);
    expect(json.services[0].ownership).toEqual(ownershipOf('catalog'));
  });
});

describe('ownership in the HTML report', () => {
  it('shows the section and each card ownership line, readable without JavaScript', async () => {
    const page = await renderReport('html', model);
    const section = page.slice(
      page.indexOf('<section id="ownership"'),
      page.indexOf('</section>', page.indexOf('<section id="ownership"')),
    );
    await expect(section + '\n').toMatchFileSnapshot('../../../fixtures/report/ownership/report-ownership.html');
    expect(page.match(/<p class="card-ownership">/g)).toHaveLength(model.services.length);
  });

  it('leaves the section out of reports without history', async () => {
    const { history: _history, ...withoutHistory } = graph;
    const page = await renderReport('html', buildReportModel(withoutHistory, plan));
    expect(page).not.toContain('id="ownership"');
    expect(page).not.toContain('card-ownership');
  });
});
