import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// seams as people install it: `npm pack`, installed into an empty folder, run on a copy of the
// example monolith. Bundling mistakes (a dependency that must stay external) show only here.
const top = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'seams-pack-'));
// Run under `pnpm test`, the environment carries pnpm's npm_config_* settings (local_prefix among
// them, which would point npm install at this checkout): npm here gets none of them.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_)/i.test(key))),
  PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
};
const seams = (cwd: string, ...args: string[]) =>
  spawnSync(join(scratch, 'node_modules/.bin/seams'), args, { cwd, encoding: 'utf8', env });

beforeAll(() => {
  // The bundle install built (prepare) is packed as it is: rebuilding it here would pull dist/ from
  // under the other tests that start bin/seams. Only a stale bundle (sources edited since) is rebuilt.
  if (bundleIsStale()) execFileSync(process.execPath, [join(top, 'scripts/build.ts')], { stdio: 'ignore' });
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch, '--silent'], {
    cwd: top,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const tarball = readdirSync(scratch).find((file) => file.endsWith('.tgz'))!;
  writeFileSync(join(scratch, 'package.json'), '{ "private": true }\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], {
    cwd: scratch,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  cpSync(join(top, 'fixtures/shop'), join(scratch, 'shop'), {
    recursive: true,
    filter: (source) => !source.includes('.seams'),
  });
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function bundleIsStale(): boolean {
  const found = spawnSync(
    'find',
    [
      join(top, 'packages'),
      '-name',
      'node_modules',
      '-prune',
      '-o',
      '-name',
      '*.ts*',
      '-newer',
      join(top, 'dist/seams.js'),
      '-print',
      '-quit',
    ],
    { encoding: 'utf8' },
  );
  return found.status !== 0 || found.stdout.trim() !== '';
}

describe('the npm tarball', () => {
  it('runs every stage on the example monolith: analyze, boundaries, report, check, extract', () => {
    const shop = join(scratch, 'shop');
    expect(seams(shop, 'analyze', '.', '--exclude', 'test/**', '-o', 'graph.json').status).toBe(0);
    expect(seams(shop, 'boundaries', 'graph.json', '-o', 'seams.plan.json').status).toBe(0);
    const report = seams(
      shop,
      'report',
      '--graph',
      'graph.json',
      '--plan',
      'seams.plan.json',
      '--format',
      'html',
      '-o',
      'report.html',
    );
    expect(report.stdout).toBe('report written to report.html\n');
    expect(seams(shop, 'check', '.', '--exclude', 'test/**').status).toBe(1);
    const extract = seams(shop, 'extract', 'payment', '.', '--graph', 'graph.json');
    expect(extract.stderr).toContain('seams extract: payment: ');
    expect(extract.status).toBe(0);
  }, 120_000);
});
