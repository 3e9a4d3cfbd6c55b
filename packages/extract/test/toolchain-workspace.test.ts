// seams extract --write on a project inside an Nx-style workspace (fixtures/extract/toolchain-workspace): the base
// tsconfig's rootDir is the workspace root, above the project folder. Copied with TypeScript installed at the
// workspace root (hoisted), extracted from the project folder, then type-checked with the project's build tsconfig.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Plan } from '@seams/graph';
import { extractService } from '../src/index.ts';

const top = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'seams-workspace-'));
const workspace = join(scratch, 'toolchain-workspace');
const app = join(workspace, 'packages/core');
beforeAll(() => {
  cpSync(join(top, 'fixtures/extract/toolchain-workspace'), workspace, { recursive: true });
  mkdirSync(join(workspace, 'node_modules'));
  symlinkSync(realpathSync(join(top, 'node_modules/typescript')), join(workspace, 'node_modules/typescript'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('extract in a workspace whose rootDir is above the project', () => {
  it('keeps the facade in the project folder, and the project still builds', async () => {
    const graph = await analyze({ root: app, cache: false });
    const plan = { services: [{ id: 'deal', name: 'deal', files: ['src/deal/deal.service.ts'] }], shared: [] };
    const extraction = await extractService(graph, plan as unknown as Plan, 'deal', {
      root: app,
      planName: 'seams.plan.json',
      out: 'extracted/deal',
      tsconfig: 'tsconfig.json',
      monolith: 'core',
      version: '0.1.0',
      readFile: (path) => readFileSync(join(app, path), 'utf8'),
    });
    expect(extraction.toolchain.scope).toBe('.');
    expect(extraction.facadeFolder).toBe('extracted/deal/facade');
    expect(extraction.files.every((f) => !f.path.startsWith('..'))).toBe(true);
    expect(extraction.remoteReady).toEqual(['weightedValue']);
    for (const file of [...extraction.files, ...extraction.edits.map((e) => ({ path: e.path, content: e.after }))]) {
      mkdirSync(join(app, file.path, '..'), { recursive: true });
      writeFileSync(join(app, file.path), file.content);
    }
    expect(readFileSync(join(app, 'src/reports/pipeline.report.ts'), 'utf8')).toContain(
      "from '../../extracted/deal/facade/deal.facade'",
    );
    const tsc = join(workspace, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json', '--noEmit'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
  }, 60_000);

  it('refuses a tsconfig whose scope holds none of the project, with the tsconfig to name', async () => {
    writeFileSync(join(app, 'tsconfig.libs.json'), JSON.stringify({ compilerOptions: { rootDir: '../../libs' } }));
    const graph = await analyze({ root: app, cache: false });
    const plan = { services: [{ id: 'deal', name: 'deal', files: ['src/deal/deal.service.ts'] }], shared: [] };
    await expect(
      extractService(graph, plan as unknown as Plan, 'deal', {
        root: app,
        planName: 'seams.plan.json',
        out: 'extracted/deal',
        tsconfig: 'tsconfig.libs.json',
        monolith: 'core',
        version: '0.1.0',
        readFile: (path) => readFileSync(join(app, path), 'utf8'),
      }),
    ).rejects.toMatchObject({ code: 'SEAMS_EDIT_REFUSED', message: expect.stringContaining('compiles ../../libs') });
  });
});
