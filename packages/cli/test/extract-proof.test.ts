import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The extract proof cycle eval/extract-proof.ts runs on real apps, run on the bundled ones of
// fixtures/extract/proof-apps.json: plan, extract --write every service others import, then the app's
// own type-check and tests routed local, remote (the generated service running) and shadow; for the
// `http` kind, an HTTP suite against the monolith served with the routing layer mounted.
const top = join(import.meta.dirname, '../../..');
// The project's pinned Node 22 (it runs TypeScript as is), else the one running the tests.
const node = existsSync(join(top, 'node_modules/.bin/node')) ? join(top, 'node_modules/.bin/node') : process.execPath;
const scratch = mkdtempSync(join(tmpdir(), 'seams-extract-proof-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A row of eval/extract-cycle.ts's table: app, service, operations, extract, typecheck, local, remote, shadow.
type Row = Record<string, string>;

describe('the extract proof cycle on the bundled apps', () => {
  it('leaves every app type-checking and passing its tests routed local, remote and shadow', () => {
    const json = join(scratch, 'rows.json');
    execFileSync(node, ['eval/extract-proof.ts', '--manifest', 'fixtures/extract/proof-apps.json', '--json', json], {
      cwd: top,
      env: { ...process.env, SEAMS_PROOF_WORK: join(scratch, 'work') },
      stdio: 'pipe',
    });
    const rows = (JSON.parse(readFileSync(json, 'utf8')) as Row[]).map(({ dir: _dir, ...row }) => row);
    expect(rows.filter((row) => row.service === 'billing' && row.app === 'proof-invoices')).toEqual([
      {
        app: 'proof-invoices',
        service: 'billing',
        operations: expect.stringMatching(/^3 of 4 operations remote-ready/) as string,
        extract: 'ok',
        typecheck: 'ok',
        local: 'pass 3/3',
        // 3 tests: 10 calls to billing, each one served by the generated service.
        remote: 'pass 3/3, 10 calls served',
        shadow: 'pass 3/3, no difference',
      },
    ]);
    // Real traffic: the monolith served, its routing layer mounted, the catalog's 4 reads answered by the
    // generated route server routed remote, and replayed to it in shadow (the orders route stays local).
    expect(rows.filter((row) => row.service === 'catalog' && row.app === 'express-routes (HTTP)')).toEqual([
      {
        app: 'express-routes (HTTP)',
        service: 'catalog',
        operations: expect.stringMatching(/; 3 HTTP routes$/) as string,
        extract: 'ok',
        typecheck: 'ok',
        local: 'pass 5/5',
        remote: 'pass 5/5, 4 calls served',
        shadow: 'pass 5/5, 4 calls replayed, no difference',
      },
    ]);
    // The same app as an ES module (NodeNext, .js imports): the routing layer mounted with its .js, the same traffic.
    expect(rows.filter((row) => row.service === 'catalog' && row.app === 'express-routes-esm (HTTP)')).toEqual([
      {
        app: 'express-routes-esm (HTTP)',
        service: 'catalog',
        operations: expect.stringMatching(/; 3 HTTP routes$/) as string,
        extract: 'ok',
        typecheck: 'ok',
        local: 'pass 5/5',
        remote: 'pass 5/5, 4 calls served',
        shadow: 'pass 5/5, 4 calls replayed, no difference',
      },
    ]);
    for (const row of rows) {
      const where = `${row.app} ${row.service}`;
      expect([where, row.typecheck]).toEqual([where, expect.stringMatching(/^(ok|n\/a)/)]);
      expect([where, row.local]).toEqual([where, expect.stringMatching(/^(pass|ok)/)]);
      if (row.service === '(before extract)') continue;
      expect([where, row.extract]).toEqual([where, 'ok']);
      expect([where, row.remote]).toEqual([where, expect.stringMatching(/^(pass|ok).*, [1-9]\d* calls served$/)]);
      expect([where, row.shadow]).toEqual([where, expect.stringMatching(/^(pass|ok).*, no difference$/)]);
    }
  }, 420_000);
});
