// The bundled example monolith (fixtures/shop) is what every seams command is
// demonstrated and tested on. These checks keep it honest: it compiles, its own
// tests pass, and its ground-truth domain map covers every source file.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const shopDir = join(repoRoot, 'fixtures', 'shop');
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);

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
  it('type-checks with tsc', () => {
    const result = spawnSync(bin('tsc'), ['-p', join(shopDir, 'tsconfig.json')], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('passes its own node:test suite under tsx', () => {
    const testFiles = readdirSync(join(shopDir, 'test'))
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => join('test', name));
    expect(testFiles.length).toBeGreaterThanOrEqual(5);
    const result = spawnSync(bin('tsx'), ['--test', ...testFiles], {
      cwd: shopDir,
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    expect(result.error).toBeUndefined();
    expect(result.status, result.stdout.slice(-4000) + result.stderr.slice(-2000)).toBe(0);
    expect(result.stdout).toMatch(/^# fail 0$/m);
  }, 120_000);

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
