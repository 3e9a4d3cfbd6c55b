import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readTruthTsv } from '@seams/boundaries';
import { buildTruth, type TruthRule } from './truths.ts';

/** A monolith to score, as eval/monoliths.json lists it. */
export interface ManifestEntry {
  id: string;
  name: string;
  style: string;
  /** tune: used to choose the defaults; holdout: reported apart, never tuned on. */
  set: 'tune' | 'holdout';
  repository: string;
  commit: string;
  /** The part of the repository that is fetched. */
  subtree: string;
  /** Files outside the subtree that its analysis needs (the root tsconfig its own extends). */
  files?: string[];
  /** The folder analysed, relative to the checkout (default: the subtree). */
  root?: string;
  /** Globs analysed, as a user would pass `--include` (the server side of a full-stack repository). */
  include?: string[];
  exclude: string[];
  truths: TruthRule[];
}

/** A monolith whose sources are at hand, with what analyse needs and each truth built from its files. */
export interface Monolith {
  name: string;
  style: string;
  set: 'example' | 'tune' | 'holdout';
  dir: string;
  include?: string[];
  exclude?: string[];
  history?: boolean;
  /** Truth name -> path -> domain; `shared` rows and files outside any domain are not in it. */
  truths: (files: readonly string[]) => Array<{ name: string; truth: Map<string, string> }>;
}

const top = new URL('..', import.meta.url).pathname;

/** Where fetched sources live: never inside this repository. */
export const sourcesDir = process.env['SEAMS_EVAL_DIR'] ?? join(homedir(), '.cache/seams-eval');

export function readManifest(): ManifestEntry[] {
  return (JSON.parse(readFileSync(join(top, 'eval/monoliths.json'), 'utf8')) as { monoliths: ManifestEntry[] })
    .monoliths;
}

/** The shell commands that fetch one monolith's sources at its commit. */
export function fetchCommands(entry: ManifestEntry): string {
  const dir = join(sourcesDir, entry.id);
  return [
    `git clone --filter=blob:none --no-checkout ${entry.repository} ${dir}.git`,
    `git -C ${dir}.git archive ${entry.commit} ${[entry.subtree, ...(entry.files ?? [])].join(' ')} | (mkdir -p ${dir} && tar -x -C ${dir})`,
  ].join(' && ');
}

/**
 * The bundled example (its truth a hand-written TSV), the same with scripted git history, and every
 * manifest monolith whose sources are in `sourcesDir`; the others are listed in `missing`.
 */
export function listMonoliths(): { monoliths: Monolith[]; missing: ManifestEntry[] } {
  const shopTruth = (name: string) => () => [
    {
      name,
      truth: new Map(
        [...readTruthTsv(readFileSync(join(top, 'fixtures/shop/domains.tsv'), 'utf8'))].filter(
          ([, domain]) => domain !== 'shared',
        ),
      ),
    },
  ];
  const shop = join(top, 'fixtures/shop');
  const monoliths: Monolith[] = [
    { name: 'shop', style: 'example', set: 'example', dir: shop, exclude: ['test/**'], truths: shopTruth('tsv') },
    {
      name: 'shop+history',
      style: 'example',
      set: 'example',
      dir: shopWithHistory(),
      exclude: ['test/**'],
      history: true,
      truths: shopTruth('tsv'),
    },
  ];
  const missing: ManifestEntry[] = [];
  for (const entry of readManifest()) {
    const dir = join(sourcesDir, entry.id, entry.root ?? entry.subtree);
    if (!existsSync(dir)) {
      missing.push(entry);
      continue;
    }
    monoliths.push({
      name: entry.name,
      style: entry.style,
      set: entry.set,
      dir,
      include: entry.include,
      exclude: entry.exclude,
      truths: (files) => entry.truths.map((rule) => ({ name: rule.name ?? rule.kind, truth: buildTruth(rule, files) })),
    });
  }
  return { monoliths, missing };
}

function shopWithHistory(): string {
  const dir = join(top, '.eval/work/shop-history');
  if (!existsSync(join(dir, '.git')))
    execFileSync(process.execPath, [join(top, 'scripts/shop-history.ts'), dir], { stdio: 'inherit' });
  return dir;
}
