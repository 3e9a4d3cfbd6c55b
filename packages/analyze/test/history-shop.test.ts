// The example monolith with the history scripts/shop-history.ts gives it: the facts a demo of
// `seams analyze --history` relies on (hot spots, formatting sweeps left out, owners, teams).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { History } from '@seams/graph';
import { readHistory } from '../src/history/read-history.ts';

const script = join(import.meta.dirname, '..', '..', '..', 'scripts', 'shop-history.ts');
const TEAM_OF_DOMAIN: Record<string, string> = {
  cart: '@shop/checkout-team',
  orders: '@shop/checkout-team',
  customers: '@shop/checkout-team',
  payments: '@shop/payments-team',
  catalog: '@shop/catalog-team',
  inventory: '@shop/catalog-team',
  shipping: '@shop/delivery-team',
  notifications: '@shop/delivery-team',
  shared: '@shop/platform-team',
};

let dest: string;
let summary: string;
let domainOf: Map<string, string>;
let history: History;

beforeAll(() => {
  dest = join(mkdtempSync(join(tmpdir(), 'seams-shop-history-')), 'shop');
  summary = execFileSync(process.execPath, [script, dest], { encoding: 'utf8' });
  const rows = readFileSync(join(dest, 'domains.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  domainOf = new Map(rows.map((row) => row.split('\t') as [string, string]));
  const config = JSON.parse(readFileSync(join(dest, 'seams.config.json'), 'utf8')) as {
    teams: Record<string, string[]>;
  };
  history = readHistory({ root: dest, files: [...domainOf.keys()], teams: config.teams });
}, 30_000);

afterAll(() => rmSync(join(dest, '..'), { recursive: true, force: true }));

describe('the shop history', () => {
  it('is 300 commits over 18 months, the import and three formatting sweeps left out', () => {
    expect(summary.replace(/\(\d+ ms\)/, '(N ms)')).toBe(
      `shop history: 300 commits (3 formatting sweeps) by 10 authors in 5 teams, 2023-07-03 to 2025-01-03, in ${dest} (N ms)\n`,
    );
    // The commit adding CODEOWNERS and seams.config.json changes no source file: not read.
    expect([history.commits, history.skipped, history.since, history.until]).toEqual([
      299,
      4,
      '2023-07-03T12:50:47.000Z',
      '2025-01-03T16:04:06.000Z',
    ]);
  });

  it('is the same history, hashes included, on every run', () => {
    const again = join(dest, '..', 'again');
    execFileSync(process.execPath, [script, again]);
    const head = (dir: string) => execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
    expect(head(again)).toBe(head(dest));
  });

  it('has hot spots, and pairs of files in one domain that change together', () => {
    expect(history.files.find((file) => file.path === 'src/services/payment.service.ts')).toEqual({
      path: 'src/services/payment.service.ts',
      commits: 18,
      churn: 35,
      // The checkout team's share comes from orders-and-payments changes: the coupling to see.
      authors: {
        'ada@shop.example': 4,
        'alan@shop.example': 3,
        'barbara@shop.example': 6,
        'edsger@shop.example': 4,
        'grace@shop.example': 1,
      },
      owners: ['@shop/payments-team'],
    });
    expect(history.cochange[0]).toEqual({
      a: 'src/services/cart.service.ts',
      b: 'src/services/coupon.service.ts',
      commits: 17,
    });
  });

  it('gives every changed file the owner its domain in domains.tsv implies', () => {
    const misowned = history.files.filter((file) => file.owners?.join() !== TEAM_OF_DOMAIN[domainOf.get(file.path)!]);
    expect(misowned).toEqual([]);
    // 22 of the 157 files changed only in the import and the sweeps.
    expect(history.files.length).toBe(135);
  });

  it('maps every author to a team, one of them by name', () => {
    expect(history.teams).toEqual({
      'ada@shop.example': 'checkout-team',
      'alan@shop.example': 'checkout-team',
      'barbara@shop.example': 'payments-team',
      'dennis@shop.example': 'platform-team',
      'edsger@shop.example': 'payments-team',
      'frances@shop.example': 'platform-team',
      'grace@shop.example': 'catalog-team',
      'ken@shop.example': 'catalog-team',
      'linus@shop.example': 'delivery-team',
      'margaret@shop.example': 'delivery-team',
    });
  });
});
