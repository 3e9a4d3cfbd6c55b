// The proof of seams extract on real apps: for each app of eval/extract-apps.json whose checkout is at
// hand (installed with its own dependencies), every service the plan proposes that others import is
// extracted with --write on a fresh git copy, then the app's own type-check and tests run routed local,
// remote and shadow. Prints a Markdown table (docs/extract.md, "Proof").
// node eval/extract-proof.ts [app id...] [--service id] [--manifest file] [--json out.json]
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
const only = [...new Set(args.flatMap((arg, i) => (args[i - 1] === '--service' ? [arg] : [])))];
const ids = args.filter((arg, i) => arg !== '--service' && args[i - 1] !== '--service');

/** Where fetched apps are checked out and installed: never inside this repository. */
const sourcesDir = process.env['SEAMS_PROOF_DIR'] ?? join(homedir(), '.cache/seams-extract-proof');
const work = process.env['SEAMS_PROOF_WORK'] ?? join(top, '.eval/extract-proof');

const apps = (JSON.parse(readFileSync(manifest, 'utf8')) as { apps: ProofApp[] }).apps.filter(
  (app) => ids.length === 0 || ids.includes(app.id),
);
const rows: ProofRow[] = [];
const missing: ProofApp[] = [];
mkdirSync(work, { recursive: true });
for (const app of apps) {
  const source = app.dir ? join(top, app.dir) : join(sourcesDir, app.id);
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
console.log(`\nCopies and the log of every step: ${work}/<app>/`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2) + '\n');
for (const app of missing)
  console.log(
    `skipped ${app.id}: no checkout in ${sourcesDir}/${app.id}. Fetch and install it with:\n` +
      `  git clone ${app.repository} ${sourcesDir}/${app.id} && git -C ${sourcesDir}/${app.id} checkout ${app.commit} && ` +
      `npm install --ignore-scripts --prefix ${sourcesDir}/${app.id}`,
  );
