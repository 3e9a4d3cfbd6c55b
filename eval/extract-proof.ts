// The proof of seams extract on real apps: for each app of eval/extract-apps.json whose checkout is at
// hand (installed with its own dependencies), every service the plan proposes that others import is
// extracted with --write on a fresh git copy, then the app's own type-check and tests run routed local,
// remote and shadow. Prints a Markdown table (docs/extract.md, "Proof").
// node eval/extract-proof.ts [app id...] [--service id] [--manifest file] [--json out.json]
// node eval/extract-proof.ts --rows a.json,b.json: the table and summary of saved runs, run nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { markdownTable, proveApp, type ProofApp, type ProofRow } from './extract-cycle.ts';

const top = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const manifest = resolve(flag('--manifest') ?? join(top, 'eval/extract-apps.json'));
const jsonOut = flag('--json');
const saved = flag('--rows');
const only = [...new Set(args.flatMap((arg, i) => (args[i - 1] === '--service' ? [arg] : [])))];
const ids = args.filter((arg, i) => arg !== '--service' && args[i - 1] !== '--service');

/** Where fetched apps are checked out and installed: never inside this repository. */
const sourcesDir = process.env['SEAMS_PROOF_DIR'] ?? join(homedir(), '.cache/seams-extract-proof');
const work = process.env['SEAMS_PROOF_WORK'] ?? join(top, '.eval/extract-proof');

const apps = (JSON.parse(readFileSync(manifest, 'utf8')) as { apps: ProofApp[] }).apps.filter(
  (app) => ids.length === 0 || ids.includes(app.id),
);
const rows: ProofRow[] = saved
  ? saved.split(',').flatMap((path) => JSON.parse(readFileSync(path, 'utf8')) as ProofRow[])
  : [];
const missing: ProofApp[] = [];
mkdirSync(work, { recursive: true });
for (const app of saved ? [] : apps) {
  const source = app.dir ? join(top, app.dir) : join(sourcesDir, app.checkout ?? app.id);
  if (!existsSync(join(source, 'package.json'))) {
    missing.push(app);
    continue;
  }
  console.error(`${new Date().toISOString()} ${app.name}: ${source}`);
  const found = await proveApp(app, source, work, only);
  for (const row of found)
    console.error(`  ${row.service}: ${row.extract} ${row.typecheck} ${row.local} ${row.remote}`);
  rows.push(...found);
}
console.log(markdownTable(rows));
console.log('');
for (const line of summary(rows)) console.log(line);
if (!saved) console.log(`\nCopies and the log of every step: ${work}/<app>/`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2) + '\n');
for (const app of missing)
  console.log(
    `skipped ${app.id}: no checkout in ${sourcesDir}/${app.id}. Fetch and install it with:\n` +
      `  git clone ${app.repository} ${sourcesDir}/${app.id} && git -C ${sourcesDir}/${app.id} checkout ${app.commit} && ` +
      `npm install --ignore-scripts --prefix ${sourcesDir}/${app.id}`,
  );

/**
 * Per app and in all, of the services others import: how many extracted, and how many type-check and
 * pass the tests as well as the untouched app did (local, remote with calls served, shadow without a
 * difference). "As well as" compares with the app's own row before extraction, failures it had included.
 */
function summary(all: readonly ProofRow[]): string[] {
  const lines: string[] = [];
  const totals = [0, 0, 0, 0, 0, 0];
  for (const app of [...new Set(all.map((row) => row.app))]) {
    const rows = all.filter((row) => row.app === app);
    const before = rows.find((row) => row.service === '(before extract)');
    const services = rows.filter((row) => !row.service.startsWith('('));
    if (!before) continue;
    const counts = [
      services.length,
      services.filter((row) => row.extract === 'ok').length,
      services.filter((row) => noWorse(before.typecheck, row.typecheck)).length,
      services.filter((row) => noWorse(before.local, row.local)).length,
      services.filter((row) => noWorse(before.local, row.remote) && served(row)).length,
      // No difference means something only where calls went to the service.
      services.filter(
        (row) => noWorse(before.local, row.shadow) && served(row) && row.shadow.endsWith(', no difference'),
      ).length,
    ];
    counts.forEach((count, i) => (totals[i]! += count));
    lines.push(`${app}: ${sentence(counts)}`);
  }
  if (lines.length > 1) lines.push(`all: ${sentence(totals)}`);
  return lines;
}

function served(row: ProofRow): boolean {
  return /, [1-9]\d* calls served$/.test(row.remote);
}

function sentence([services, extracted, typed, local, remote, shadow]: number[]): string {
  return (
    `of ${services} services others import, ${extracted} extracted, ${typed} type-check as before, ` +
    `${local} pass the tests as before routed local, ${remote} remote (calls served), ${shadow} shadow (no difference)`
  );
}

/** Whether a cell is as good as the one before extraction: `ok` stays `ok`, no fewer tests pass, no more errors. */
function noWorse(before: string, after: string): boolean {
  if (before === '' || after === '') return false;
  if (after.startsWith(before)) return true;
  const errors = (cell: string) => Number(/^(\d+) errors/.exec(cell)?.[1] ?? NaN);
  if (errors(before) >= errors(after)) return true;
  const passed = (cell: string) => Number(/^(?:pass|FAIL) (\d+)\//.exec(cell)?.[1] ?? NaN);
  return passed(after) >= passed(before) && passed(before) > 0;
}
