import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A monolith to score: its folder, which files to analyse, and where its ground truth comes from. */
export interface Monolith {
  name: string;
  dir: string;
  exclude?: string[];
  /** A `path<TAB>domain` file, or a pattern whose first group names a file's domain (domain folders as truth). */
  truth: { tsv: string } | { pattern: string };
}

const top = new URL('..', import.meta.url).pathname;

/** The bundled example, plus any real monoliths listed in .eval/monoliths.json (local only, never committed). */
export function listMonoliths(): Monolith[] {
  const bundled: Monolith = { name: 'shop (example)', dir: join(top, 'fixtures/shop'), exclude: ['test/**'], truth: { tsv: join(top, 'fixtures/shop/domains.tsv') } };
  const local = join(top, '.eval/monoliths.json');
  const extra = existsSync(local) ? (JSON.parse(readFileSync(local, 'utf8')) as Monolith[]) : [];
  return [bundled, ...extra.map((m) => ({ ...m, dir: join(top, '.eval', m.dir) })).filter((m) => existsSync(m.dir))];
}

/** path -> domain; `shared` rows and files outside any domain are not scored. */
export function truthOf(monolith: Monolith, files: readonly string[], readTsv: (text: string) => ReadonlyMap<string, string>): Map<string, string> {
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
