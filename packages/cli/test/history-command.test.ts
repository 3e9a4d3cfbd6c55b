import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from './run-in.ts';

// The example monolith with its scripted history: 300 commits by 10 people in 5 teams.
const top = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'seams-history-'));
const shop = join(scratch, 'shop');
beforeAll(() => {
  execFileSync(process.execPath, [join(top, 'scripts/shop-history.ts'), shop]);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('seams analyze --history', () => {
  it('reads churn, owners and co-change, and says so in the summary', async () => {
    const result = await runIn(shop)('analyze', '.', '--exclude', 'test/**', '--history', '--json', '--no-cache');
    expect(result.code).toBe(0);
    const { history } = JSON.parse(result.stdout);
    expect(history).toMatchObject({
      commits: 299,
      skipped: 4,
      filesChanged: 135,
      topPair: { a: 'src/services/cart.service.ts', b: 'src/services/coupon.service.ts', commits: 17 },
    });
  });

  it('takes the history and teams from seams.config.json, and names a bad field in one line', async () => {
    const graphFile = join(scratch, 'graph.json');
    expect((await runIn(shop)('analyze', '.', '--exclude', 'test/**', '--no-cache', '-o', graphFile)).code).toBe(0);
    writeFileSync(
      join(shop, 'seams.config.json'),
      JSON.stringify({ history: { since: '2020-01-01' }, teams: { 'payments-team': ['ada@shop.example'] } }),
    );
    const configured = await runIn(shop)('analyze', '.', '--exclude', 'test/**', '--no-cache', '--json');
    expect(JSON.parse(configured.stdout).history.commits).toBe(299);
    writeFileSync(join(shop, 'seams.config.json'), JSON.stringify({ histroy: true }));
    const bad = await runIn(shop)('analyze', '.', '--no-cache');
    expect(bad).toMatchObject({
      code: 2,
      stderr: `seams: ${join(shop, 'seams.config.json')}: (top level): Unrecognized key: "histroy". See docs/config.md. [SEAMS_CONFIG_INVALID]\n`,
    });
  });
});
