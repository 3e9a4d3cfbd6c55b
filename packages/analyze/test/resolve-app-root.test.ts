// Root-relative specifiers of a Meteor app (`import x from '/imports/x'`): resolved from the app root, which is the
// folder holding `.meteor/` or a package.json with a `meteor` field. Elsewhere a leading `/` stays a file system path,
// and a real absolute path outside the project never becomes an edge. Expected values are written by hand.
import { cpSync, mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../src/index.ts';
import { analyzeFixture, edgesOf, sorted, unresolvedOf } from './graph-lines.ts';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/resolve/meteor-app-root');

const APP_EDGES = sorted([
  'client/main.js -> client/lib/utils.js import [formatTitle]',
  'client/main.js -> imports/reactiveCache.js import [ReactiveCache]',
  'client/main.js -> models/boards.js import [Boards]',
  'imports/reactiveCache.js -> models/boards.js import [Boards]',
  'server/main.js -> models/boards.js import [Boards]',
  'server/main.js -> server/publications.js import []',
  'server/publications.js -> imports/reactiveCache.js require [ReactiveCache]',
]);

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the fixture under `<temp>/app`, beside an `outside/` folder that is not part of the project. */
function copy(): { temp: string; app: string } {
  const temp = realpathSync(mkdtempSync(join(tmpdir(), 'seams-meteor-')));
  temps.push(temp);
  const app = join(temp, 'app');
  cpSync(FIXTURE, app, { recursive: true });
  return { temp, app };
}

describe('meteor-app-root: leading-/ specifiers of a Meteor app', () => {
  it('resolves them from the app root (.meteor/ and a meteor field)', async () => {
    const graph = await analyzeFixture(FIXTURE);
    expect(edgesOf(graph)).toEqual(APP_EDGES);
    expect(unresolvedOf(graph)).toEqual(['client/main.js -> /imports/not-written-yet import not-found']);
  });

  it('takes a package.json meteor field alone as the app root', async () => {
    const { app } = copy();
    rmSync(join(app, '.meteor'), { recursive: true });
    expect(edgesOf(await analyzeFixture(app))).toEqual(APP_EDGES);
  });

  it('takes a .meteor folder alone as the app root', async () => {
    const { app } = copy();
    writeFileSync(join(app, 'package.json'), '{ "name": "meteor-app-root", "private": true }\n');
    expect(edgesOf(await analyzeFixture(app))).toEqual(APP_EDGES);
  });

  it('leaves them file system paths in a project that is not a Meteor app', async () => {
    const { app } = copy();
    rmSync(join(app, '.meteor'), { recursive: true });
    writeFileSync(join(app, 'package.json'), '{ "name": "meteor-app-root", "private": true }\n');
    const graph = await analyzeFixture(app);
    expect(edgesOf(graph)).toEqual(['server/main.js -> server/publications.js import []']);
    expect(unresolvedOf(graph)).toEqual(
      sorted([
        'client/main.js -> /client/lib/utils import not-found',
        'client/main.js -> /imports/not-written-yet import not-found',
        'client/main.js -> /imports/reactiveCache import not-found',
        'client/main.js -> /models/boards import not-found',
        'imports/reactiveCache.js -> /models/boards import not-found',
        'server/main.js -> /models/boards.js import not-found',
        'server/publications.js -> /imports/reactiveCache require not-found',
      ]),
    );
  });

  it('never makes a real absolute path outside the app an edge', async () => {
    const { temp, app } = copy();
    mkdirSync(join(temp, 'outside'));
    writeFileSync(join(temp, 'outside/secret.js'), 'export const secret = 1;\n');
    writeFileSync(join(app, 'server/absolute.js'), `import { secret } from '${temp}/outside/secret.js';\n`);
    const graph = await analyzeFixture(app);
    expect(edgesOf(graph)).toEqual(APP_EDGES);
    expect(graph.unresolved.filter((u) => u.from === 'server/absolute.js')).toEqual([
      expect.objectContaining({ specifier: `${temp}/outside/secret.js`, reason: 'outside-root' }),
    ]);
  });

  it('resolves again from a cached graph when a .meteor folder appears', async () => {
    const { app } = copy();
    rmSync(join(app, '.meteor'), { recursive: true });
    writeFileSync(join(app, 'package.json'), '{ "name": "meteor-app-root", "private": true }\n');
    expect((await analyze({ root: app })).edges).toHaveLength(1);
    mkdirSync(join(app, '.meteor'));
    expect(edgesOf(await analyze({ root: app }))).toEqual(APP_EDGES);
  });
});
