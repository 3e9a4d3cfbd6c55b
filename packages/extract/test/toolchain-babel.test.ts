// seams extract on a JavaScript monolith Babel builds from src/ to lib/ (fixtures/extract/toolchain-babel,
// parse-server's shape): the facade goes inside src/, so the build compiles it with what it requires.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Plan } from '@seams/graph';
import { extractService } from '../src/index.ts';

const app = join(import.meta.dirname, '../../../fixtures/extract/toolchain-babel');

describe('extract on a monolith built by babel src/ -d lib/', () => {
  it('writes the facade inside src/ and points the callers there', async () => {
    const graph = await analyze({ root: app, cache: false });
    const plan = { services: [{ id: 'push', name: 'push', files: ['src/push/push-queue.js'] }], shared: [] };
    const extraction = await extractService(graph, plan as unknown as Plan, 'push', {
      root: app,
      planName: 'seams.plan.json',
      out: 'extracted/push',
      tsconfig: undefined,
      monolith: 'push-server',
      version: '0.1.0',
      readFile: (path) => readFileSync(join(app, path), 'utf8'),
    });
    expect(extraction.toolchain).toMatchObject({ language: 'js', scope: 'src' });
    expect(extraction.facadeFolder).toBe('src/extracted/push');
    expect(extraction.edits.map((e) => e.path)).toEqual(['spec/push.spec.js', 'src/routers/push-router.js']);
    // The spec runs the build: it requires the facade the build writes from src/extracted to lib/extracted.
    expect(extraction.edits[0]!.after).toContain("const { enqueue } = require('../lib/extracted/push/push.facade');");
    expect(extraction.edits[1]!.after).toContain("import { enqueue } from '../extracted/push/push.facade';");
    // Everything the facade side requires of the monolith is inside src/, which the build compiles.
    const facadeSide = extraction.files.filter((f) => f.path.startsWith('src/extracted/push/'));
    expect(facadeSide.map((f) => f.path)).toContain('src/extracted/push/push.facade.js');
    for (const file of facadeSide)
      for (const [, specifier] of file.content.matchAll(/require\('(\.[^']+)'\)/g))
        expect(posix.join(posix.dirname(file.path), specifier!)).toMatch(/^src\//);
  }, 60_000);
});
