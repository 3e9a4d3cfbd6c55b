// rewriteImports on fixtures/extract/codemod-pass-through: only imports of what the facade routes move to it;
// what it merely re-exports keeps the declaring file, and a test of the service's own code is left alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Plan } from '@seams/graph';
import { extractService } from '../src/extract-service.ts';
import { rewriteImports } from '../src/codemod/rewrite-imports.ts';
import { unifiedDiff } from '../src/codemod/unified-diff.ts';
import { serviceApi } from '../src/service-api.ts';

const root = join(import.meta.dirname, '../../../fixtures/extract/codemod-pass-through');
const graph = await analyze({ root, cache: false });
const tests = ['test/article.test.ts', 'test/process-queue.test.ts'];
const plan = {
  services: [
    {
      id: 'user',
      name: 'Users',
      files: ['src/user/process-queue.ts', 'src/user/user.entity.ts', 'src/user/user.service.ts'],
    },
  ],
  shared: tests.map((path) => ({ path, reason: 'test or test set-up', group: 'tests' })),
} as unknown as Plan;
const generated = ['extracted/user/facade', 'extracted/user/service'];
const api = serviceApi(graph, plan, 'user', generated);
const result = rewriteImports({
  graph,
  api,
  facadePath: 'extracted/user/facade/user.facade.ts',
  generated,
  readFile: (path) => readFileSync(join(root, path), 'utf8'),
  routed: new Set(['src/user/user.service.ts#findUser']),
  tests: new Set(tests),
});

describe('the codemod, beside what the facade only re-exports', () => {
  it('serves the entity, the constant and the operation', () => {
    expect(api.entries).toEqual([
      'src/user/process-queue.ts#ProcessQueue',
      'src/user/user.entity.ts#UserEntity',
      'src/user/user.service.ts#USER_ROLE',
      'src/user/user.service.ts#findUser',
    ]);
  });

  it('moves only the routed operation: the entity cycle keeps its imports, the mixed import is split', async () => {
    expect(result.edits.map((e) => e.path)).toEqual([
      'src/article/article.service.ts',
      'src/article/legacy.js',
      'test/article.test.ts',
    ]);
    expect(result.counts).toEqual({ import: 2, reexport: 0, require: 1, dynamic: 0, 'import-type': 0 });
    expect(result.manual).toEqual([]);
    await expect(unifiedDiff(result.edits)).toMatchFileSnapshot(join(root, 'codemod.diff'));
  });

  it("leaves a test of the service's own code importing it, and rewrites one that tests the monolith", () => {
    expect(result.ownTests).toEqual(['test/process-queue.test.ts']);
  });
});

describe('extract on the same monolith', () => {
  it("routes only the operation, and its report names the test of the service's own code", async () => {
    const extraction = await extractService(graph, plan, 'user', {
      root,
      planName: 'seams.plan.json',
      out: 'extracted/user',
      tsconfig: 'tsconfig.json',
      monolith: 'pass-through',
      version: '0.1.0',
      readFile: (path) => readFileSync(join(root, path), 'utf8'),
    });
    // And the tsconfig, which names no files: its exclude leaves the service's folder out of the monolith's compilation.
    expect(extraction.edits.map((e) => e.path)).toEqual([...result.edits.map((e) => e.path), 'tsconfig.json']);
    const report = extraction.files.find((f) => f.path.endsWith('EXTRACTION.md'))!.content;
    expect(report).toContain(
      "Tests of Users's own code, left importing it (not the facade): test/process-queue.test.ts.",
    );
  }, 30_000);
});
