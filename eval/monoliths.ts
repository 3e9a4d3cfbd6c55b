import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A monolith to score: its folder, which files to analyse, and where its ground truth comes from. */
export interface Monolith {
  name: string;
  dir: string;
  exclude?: string[];
  /** A `path<TAB>domain` file, or a pattern whose first group names a file's domain (domain folders as truth). */
  truth: { tsv: string } | { pattern: string };
  /** Read its git history too, and score the co-change signal. */
  history?: boolean;
}

const top = new URL('..', import.meta.url).pathname;

/**
 * The bundled example, the same with its scripted git history (scripts/shop-history.ts, made once
 * into .eval/work), plus any real monoliths listed in .eval/monoliths.json (local only, never committed).
 */
export function listMonoliths(): Monolith[] {
  const truth = { tsv: join(top, 'fixtures/shop/domains.tsv') };
  const bundled: Monolith = { name: 'shop (example)', dir: join(top, 'fixtures/shop'), exclude: ['test/**'], truth };
  const withHistory: Monolith = {
    name: 'shop with scripted history',
    dir: shopWithHistory(),
    exclude: ['test/**'],
    truth,
    history: true,
  };
  const local = join(top, '.eval/monoliths.json');
  const extra = existsSync(local) ? (JSON.parse(readFileSync(local, 'utf8')) as Monolith[]) : [];
  return [
    bundled,
    withHistory,
    ...extra.map((m) => ({ ...m, dir: join(top, '.eval', m.dir) })).filter((m) => existsSync(m.dir)),
  ];
}

function shopWithHistory(): string {
  const dir = join(top, '.eval/work/shop-history');
  if (!existsSync(join(dir, '.git')))
    execFileSync(process.execPath, [join(top, 'scripts/shop-history.ts'), dir], { stdio: 'inherit' });
  return dir;
}

/** path -> domain; `shared` rows and files outside any domain are not scored. */
export function truthOf(
  monolith: Monolith,
  files: readonly string[],
  readTsv: (text: string) => ReadonlyMap<string, string>,
): Map<string, string> {
  if ('tsv' in monolith.truth) {
    return new Map([...readTsv(readFileSync(monolith.truth.tsv, 'utf8'))].filter(([, domain]) => domain !== 'shared'));
  }
  const pattern = new RegExp(monolith.truth.pattern);
  const truth = new Map<string, string>();
  for (const file of files) {
    const domain = pattern.exec(file)?.[1];
    if (domain) truth.set(file, domain);
  }
  return truth;
}
