// The working copy bench/check.ts measures: the synthetic 10k monolith as a git repository with a
// seams plan and baseline and dependency-cruiser known violations committed, and the 20-file edits
// of each round (left uncommitted, as a pre-commit hook sees them).
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PLAN = 'seams.plan.json';
export const BASELINE = 'seams.baseline.json';
export const KNOWN = '.dependency-cruiser-known-violations.json';
export const DEPCRUISE_CACHE = '.depcruise-cache';

export function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'gc.auto=0', ...args],
    { cwd: dir, encoding: 'utf8' },
  );
}

/** A fresh copy of `source` (without its seams cache) in `dir`, made a git repository. */
export function copyAsRepository(source: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true, filter: (p) => !p.endsWith('/.seams') });
  writeFileSync(join(dir, '.gitignore'), `.seams/\n${DEPCRUISE_CACHE}/\n`);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'synthetic monolith');
}

export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message);
}

/** Back to HEAD: the previous round's edits undone. */
export function resetToHead(dir: string): void {
  git(dir, 'checkout', '-q', '--', '.');
}

/**
 * The plan from `seams boundaries` declares no entries, so every import into another service is a
 * finding. Make each domain's barrel (src/domains/<name>/index.ts) an entry of the service that
 * owns it: the same exception the dependency-cruiser rule makes.
 */
export function declareBarrelsPublic(dir: string): number {
  const file = join(dir, PLAN);
  const plan = JSON.parse(readFileSync(file, 'utf8')) as { services: Array<{ files: string[]; public?: string[] }> };
  let count = 0;
  for (const service of plan.services) {
    const barrels = service.files.filter((f) => /^src\/domains\/[^/]+\/index\.ts$/.test(f));
    if (barrels.length > 0) service.public = barrels;
    count += barrels.length;
  }
  writeFileSync(file, JSON.stringify(plan, null, 2) + '\n');
  return count;
}

const pascal = (s: string): string =>
  s
    .split(/[-_.]/)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * Round `round`'s edits: the first service file of `count` domains, different in every round.
 * Every other one gets an import deep into another domain's repositories/ (a new finding for both
 * tools: a domain's internals, and in another seams service); the rest get a function appended.
 */
export function editFiles(dir: string, round: number, count: number): { files: string[]; crossing: number } {
  const domainsDir = join(dir, 'src/domains');
  const domains = readdirSync(domainsDir).sort();
  if ((round + 1) * count > domains.length)
    throw new Error(`only ${domains.length} domains: too few for ${round + 1} rounds of ${count} files`);
  const firstFile = (domain: string, layer: string): string =>
    readdirSync(join(domainsDir, domain, layer))
      .filter((f) => f !== 'index.ts')
      .sort()[0]!;
  // 37 is prime to the domain count, so k -> 37k mod n visits a new domain for every k < n.
  const pick = (k: number): string => domains[(k * 37) % domains.length]!;
  const files: string[] = [];
  let crossing = 0;
  for (let i = 0; i < count; i++) {
    const k = round * count + i;
    const domain = pick(k);
    const file = `src/domains/${domain}/services/${firstFile(domain, 'services')}`;
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    if (i % 2 === 0) {
      let other = pick(k + 101);
      if (other === domain) other = pick(k + 102);
      const repository = firstFile(other, 'repositories').replace(/\.ts$/, '');
      const name = `${pascal(repository.replace(/\.repository$/, ''))}Repository`;
      lines.splice(1, 0, `import { ${name} as BenchReach${k} } from '@domains/${other}/repositories/${repository}';`);
      lines.push(`export const benchReach${k} = new BenchReach${k}();`, '');
      crossing++;
    } else {
      lines.push(`export function benchEdit${k}(input: string): string {`, `  return input.trim() + '-${k}';`, '}', '');
    }
    writeFileSync(join(dir, file), lines.join('\n'));
    files.push(file);
  }
  return { files, crossing };
}
