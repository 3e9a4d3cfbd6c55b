// Which files @fastify/autoload loads, worked out by hand from its find-plugins.js (v6.5): of a folder holding an
// index file, the index alone of the folder's files, but every sub-folder still, with its own rule.
import { describe, expect, it } from 'vitest';
import { autoloadImports } from '../src/autoload-edges.ts';

const load = { dir: 'routes', prefix: '', dirNamePrefix: true, line: 3 };
const loaded = (files: string[]) => autoloadImports('src/app.ts', [load], files).map((fact) => fact.specifier);

describe('autoloadImports', () => {
  it('goes down into the sub-folders of a folder holding an index (fastify/demo: routes/api/auth)', () => {
    expect(
      loaded([
        'src/routes/home.ts',
        'src/routes/api/index.ts',
        'src/routes/api/helpers.ts',
        'src/routes/api/auth/index.ts',
        'src/routes/api/tasks/index.ts',
        'src/routes/api/tasks/schema.ts',
        'src/routes/api/tasks/_id/comments.ts',
      ]),
    ).toEqual([
      './routes/api/auth/index.ts',
      './routes/api/index.ts',
      './routes/api/tasks/_id/comments.ts',
      './routes/api/tasks/index.ts',
      './routes/home.ts',
    ]);
  });

  it("loads the index alone of the autoloaded folder's own files", () => {
    expect(loaded(['src/routes/index.ts', 'src/routes/helpers.ts', 'src/routes/users/list.ts'])).toEqual([
      './routes/index.ts',
      './routes/users/list.ts',
    ]);
  });
});
