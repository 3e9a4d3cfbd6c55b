// The bundled example monolith (fixtures/shop) is what every seams command is demonstrated and tested on;
// its ground-truth domain map scores the boundaries, so it must cover every source file exactly once.
// The shop's own type-check and test suite test the shop, not seams: `pnpm run example:check` runs them, and
// the extraction test runs them where they prove something about seams (after extract --write).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const shopDir = join(repoRoot, 'fixtures', 'shop');

const DOMAINS = [
  'catalog',
  'inventory',
  'cart',
  'orders',
  'payments',
  'shipping',
  'customers',
  'notifications',
] as const;
const ALLOWED = new Set<string>([...DOMAINS, 'shared']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|cjs)$/.test(entry.name) ? [relative(shopDir, path).split(sep).join('/')] : [];
  });
}

function readGroundTruth(): Array<{ path: string; domain: string; raw: string }> {
  return readFileSync(join(shopDir, 'domains.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((raw) => {
      const [path = '', domain = ''] = raw.split('\t');
      return { path, domain, raw };
    });
}

describe('example monolith fixtures/shop', () => {
  it('lists every source file exactly once in domains.tsv', () => {
    const rows = readGroundTruth();
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(rows.length).toBeLessThanOrEqual(200);

    for (const row of rows) {
      expect(row.raw.split('\t'), row.raw).toHaveLength(2);
      expect(ALLOWED.has(row.domain), `unknown domain in "${row.raw}"`).toBe(true);
    }

    const listed = rows.map((row) => row.path);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(sourceFiles(join(shopDir, 'src')).sort());

    for (const domain of DOMAINS) {
      const count = rows.filter((row) => row.domain === domain).length;
      expect(count, `files in ${domain}`).toBeGreaterThanOrEqual(6);
    }
  });
});
