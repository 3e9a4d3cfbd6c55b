// seams extract --write on small apps of the toolchains real monoliths have (fixtures/extract/toolchain-*):
// each is copied to a temporary folder with only the packages it would have installed, extracted and
// rewritten, then checked the way its owners would: with its own TypeScript, or by loading it with Node.
import { execFileSync, spawnSync } from 'node:child_process';
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
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Plan } from '@seams/graph';
import { extractService, type Extraction } from '../src/index.ts';

const top = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'seams-toolchains-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const installed = (name: string) => realpathSync(join(top, 'node_modules', name));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { version: string };
const TYPESCRIPT = installed('typescript');

interface Setup {
  fixture: string;
  service: string;
  files: string[];
  /** Folder in node_modules -> the package installed there. */
  packages: Record<string, string>;
  tsconfig?: string;
}

// A copy of the fixture with its packages, extracted with --write: the generated files and the codemod's edits on disk.
async function extracted(setup: Setup): Promise<{ app: string; extraction: Extraction }> {
  const app = join(scratch, setup.fixture);
  cpSync(join(top, 'fixtures/extract', setup.fixture), app, { recursive: true });
  for (const [folder, target] of Object.entries(setup.packages)) {
    mkdirSync(dirname(join(app, 'node_modules', folder)), { recursive: true });
    symlinkSync(target, join(app, 'node_modules', folder));
  }
  const graph = await analyze({ root: app, cache: false });
  const plan = {
    services: [{ id: setup.service, name: setup.service, files: setup.files }],
    shared: [],
  } as unknown as Plan;
  const extraction = await extractService(graph, plan, setup.service, {
    root: app,
    planName: 'seams.plan.json',
    out: `extracted/${setup.service}`,
    tsconfig: setup.tsconfig,
    monolith: setup.fixture,
    version: '0.1.0',
    readFile: (path) => readFileSync(join(app, path), 'utf8'),
  });
  for (const file of [...extraction.files, ...extraction.edits.map((e) => ({ path: e.path, content: e.after }))]) {
    mkdirSync(join(app, file.path, '..'), { recursive: true });
    writeFileSync(join(app, file.path), file.content);
  }
  return { app, extraction };
}

// The app's own compiler on the app's own tsconfig: what its CI would say.
function typeCheck(app: string, project = 'tsconfig.json'): string {
  const run = spawnSync(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', project, '--noEmit'], {
    cwd: app,
    encoding: 'utf8',
  });
  return run.stdout + run.stderr;
}

const monolithSide = (extraction: Extraction) =>
  extraction.files.filter((f) => f.path.startsWith(`${extraction.facadeFolder}/`));

describe('extract --write on the toolchains monoliths have', () => {
  it('rootDir src, no @types/node: the facade side lands under src, declares what it uses of Node, and compiles', async () => {
    const { app, extraction } = await extracted({
      fixture: 'toolchain-rootdir',
      service: 'billing',
      files: ['src/billing/invoice-line.ts', 'src/billing/invoice.service.ts'],
      packages: { typescript: TYPESCRIPT },
      tsconfig: 'tsconfig.json',
    });
    expect(extraction.facadeFolder).toBe('src/extracted/billing');
    expect(monolithSide(extraction).map((f) => f.path)).toEqual([
      'src/extracted/billing/billing.facade.ts',
      'src/extracted/billing/routing.ts',
      'src/extracted/billing/billing.contract.ts',
      'src/extracted/billing/billing.client.ts',
      'src/extracted/billing/node-builtins.d.ts',
    ]);
    // The default import of invoice-line is a value the facade only re-exports: it keeps its file.
    expect(extraction.rewritten).toMatchObject({ import: 2, reexport: 1 });
    expect(extraction.manual).toEqual([]);
    expect(typeCheck(app)).toBe('');
  }, 60_000);

  it('TypeScript 3.9 with @types/node 14: bare built-in specifiers, ES2017 library, and it compiles', async () => {
    const { app, extraction } = await extracted({
      fixture: 'toolchain-ts39',
      service: 'users',
      files: ['src/users/user.service.ts'],
      packages: { typescript: installed('typescript39'), '@types/node': installed('types-node14') },
      tsconfig: 'tsconfig.json',
    });
    expect(extraction.toolchain).toMatchObject({ typescript: '3.9.10', nodePrefix: false, nodeTypes: 'loaded' });
    for (const file of monolithSide(extraction)) expect(file.content).not.toMatch(/'node:|fromEntries|allSettled/);
    expect(extraction.rewritten).toMatchObject({ import: 1, require: 1 });
    expect(typeCheck(app)).toBe('');
    // The service is its own package: it declares the TypeScript it is checked with (zod 4 needs 5.5 or later),
    // and its tsconfig, which extends the monolith's, reads with it. Its packages as npm would install them.
    const service = join(app, 'extracted/users/service');
    expect(JSON.parse(readFileSync(join(service, 'package.json'), 'utf8'))).toMatchObject({
      devDependencies: { typescript: '^6.0.0' },
    });
    expect(readJson(join(TYPESCRIPT, 'package.json')).version).toMatch(/^6\./);
    mkdirSync(join(service, 'node_modules/@types'), { recursive: true });
    symlinkSync(TYPESCRIPT, join(service, 'node_modules/typescript'));
    symlinkSync(join(top, 'packages/graph/node_modules/zod'), join(service, 'node_modules/zod'));
    symlinkSync(installed('@types/node'), join(service, 'node_modules/@types/node'));
    expect(typeCheck(service)).toBe('');
  }, 60_000);

  it('ES modules on node16: every relative import carries .js, and the app and the service compile', async () => {
    const { app, extraction } = await extracted({
      fixture: 'toolchain-esm',
      service: 'catalog',
      files: ['src/catalog/catalog.service.ts'],
      packages: { typescript: TYPESCRIPT, '@types/node': installed('@types/node') },
      tsconfig: 'tsconfig.json',
    });
    // The routed operation moves to the facade; the type it only re-exports keeps its file, .js and all.
    expect(extraction.edits[0]?.after).toContain(
      "import { type Product } from '../catalog/catalog.service.js';\n" +
        "import { findProduct } from '../../extracted/catalog/facade/catalog.facade.js';",
    );
    const relative = extraction.files
      .filter((f) => f.path.endsWith('.ts'))
      .flatMap((f) => [...f.content.matchAll(/from '(\.[^']*)'/g)].map((m) => m[1]!));
    expect(relative.filter((specifier) => !specifier.endsWith('.js'))).toEqual([]);
    expect(typeCheck(app)).toBe('');
    // The service builds on its own, with its own packages.
    const service = join(app, 'extracted/catalog/service');
    mkdirSync(join(service, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(top, 'packages/graph/node_modules/zod'), join(service, 'node_modules/zod'));
    symlinkSync(installed('@types/node'), join(service, 'node_modules/@types/node'));
    expect(JSON.parse(readFileSync(join(service, 'package.json'), 'utf8'))).toMatchObject({ type: 'module' });
    expect(typeCheck(app, 'extracted/catalog/service/tsconfig.json')).toBe('');
  }, 60_000);

  it('ES modules whose base tsconfig is not installed: .js from the package type and the files, and it compiles with the base', async () => {
    const { app, extraction } = await extracted({
      fixture: 'toolchain-esm-missing-base',
      service: 'catalog',
      files: ['src/catalog/catalog.service.ts'],
      packages: { typescript: TYPESCRIPT, '@types/node': installed('@types/node') },
      tsconfig: 'tsconfig.json',
    });
    expect(extraction.edits[0]?.after).toContain(
      "import { findProduct } from '../../extracted/catalog/facade/catalog.facade.js';",
    );
    const relative = extraction.files
      .filter((f) => f.path.endsWith('.ts'))
      .flatMap((f) => [...f.content.matchAll(/from '(\.[^']*)'/g)].map((m) => m[1]!));
    expect(relative.filter((specifier) => !specifier.endsWith('.js'))).toEqual([]);
    // The team's install brings the base (nodenext): what its CI then says.
    const base = join(app, 'node_modules/@shelf/ts-config');
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, 'package.json'), JSON.stringify({ name: '@shelf/ts-config', version: '1.0.0' }));
    const options = { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext' };
    writeFileSync(join(base, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: options }));
    expect(typeCheck(app)).toBe('');
  }, 60_000);

  it('NodeNext, verbatimModuleSyntax, a tsconfig that takes every file: the service is left out of it, and the app runs', async () => {
    const { app, extraction } = await extracted({
      fixture: 'toolchain-esm-nodenext',
      service: 'accounts',
      files: ['src/accounts/accounts.ts'],
      packages: { typescript: TYPESCRIPT, '@types/node': installed('@types/node') },
      tsconfig: 'tsconfig.json',
    });
    expect(extraction.remoteReady).toEqual(['findAccount', 'isFollowing']);
    // The monolith would compile the service's files too (their zod is not its package): its exclude says no.
    const tsconfig = extraction.edits.find((e) => e.path === 'tsconfig.json');
    expect(tsconfig?.after).toContain(
      '"exclude": ["node_modules", "bower_components", "jspm_packages", "extracted/accounts/service"]',
    );
    expect(tsconfig?.after).toContain('// As minimal ES-module apps have it');
    expect(extraction.edits.find((e) => e.path === 'src/feed/feed.ts')?.after).toContain(
      "import type { Account } from '../accounts/accounts.js';\n" +
        "import { findAccount, isFollowing } from '../../extracted/accounts/facade/accounts.facade.js';",
    );
    expect(typeCheck(app)).toBe('');
    // The service builds on its own: its tsconfig extends the monolith's, whose exclude now names it, so it has its own.
    const service = join(app, 'extracted/accounts/service');
    expect(JSON.parse(readFileSync(join(service, 'tsconfig.json'), 'utf8'))).toMatchObject({
      exclude: ['node_modules'],
    });
    mkdirSync(join(service, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(top, 'packages/graph/node_modules/zod'), join(service, 'node_modules/zod'));
    symlinkSync(installed('@types/node'), join(service, 'node_modules/@types/node'));
    expect(typeCheck(app, 'extracted/accounts/service/tsconfig.json')).toBe('');
    // The app's ES modules run as its owners run them (tsx), routed local through the facade.
    const run = spawnSync(join(top, 'node_modules/.bin/tsx'), ['src/main.ts'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, SEAMS_ROUTE_ACCOUNTS: 'local' },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('main.ts {"reader":{"id":1,"username":"ada","following":[2]},"follows":true}\n');
  }, 60_000);

  it('code typed by declarations it never imports (a global .d.ts, a module augmentation): the service includes them', async () => {
    const { app, extraction } = await extracted({
      fixture: 'toolchain-esm-augmented',
      service: 'orders',
      files: ['src/orders/orders.ts'],
      packages: { typescript: TYPESCRIPT, '@types/node': installed('@types/node') },
      tsconfig: 'tsconfig.json',
    });
    expect(extraction.remoteReady).toEqual(['orderTotal']);
    expect(typeCheck(app)).toBe('');
    // The service's type-check takes its folder and what that imports, plus what the monolith's program declares
    // for every file: the global .d.ts and the plugin that adds `store` (not main.ts, not the app's other code).
    const service = join(app, 'extracted/orders/service');
    expect(JSON.parse(readFileSync(join(service, 'tsconfig.json'), 'utf8'))).toMatchObject({
      include: ['src', '../../../src/store/store.ts', '../../../types/env.d.ts'],
    });
    mkdirSync(join(service, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(top, 'packages/graph/node_modules/zod'), join(service, 'node_modules/zod'));
    symlinkSync(installed('@types/node'), join(service, 'node_modules/@types/node'));
    expect(typeCheck(app, 'extracted/orders/service/tsconfig.json')).toBe('');
  }, 60_000);

  it('plain CommonJS JavaScript: a JavaScript facade the app requires, its require() calls rewritten, served locally', async () => {
    const { app, extraction } = await extracted({
      fixture: 'toolchain-commonjs',
      service: 'users',
      files: ['src/users/user.service.js'],
      packages: {},
    });
    expect(monolithSide(extraction).map((f) => f.path)).toEqual([
      'extracted/users/facade/users.facade.js',
      'extracted/users/facade/routing.js',
      'extracted/users/facade/users.client.js',
    ]);
    expect(extraction.remoteReady).toEqual(['addMember', 'getMember']);
    expect(extraction.rewritten).toMatchObject({ require: 3 });
    expect(extraction.manual).toEqual([]);
    for (const file of [...monolithSide(extraction), ...extraction.edits])
      execFileSync(process.execPath, ['--check', join(app, file.path)]);
    const calls = `const app = require('./src/app.js');
(async () => {
  const joined = await app.routes.members.join('Bob');
  console.log(JSON.stringify([joined, await app.routes.members.show(1), await app.routes.count.firstName()]));
})();`;
    const out = execFileSync(process.execPath, ['-e', calls], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, SEAMS_ROUTE_USERS: 'local' },
    });
    expect(JSON.parse(out)).toEqual([{ id: 2, name: 'Bob' }, { id: 1, name: 'Ada' }, 'Ada']);
  }, 60_000);

  it('a server and a browser bundle in one repository: only the server is rewired, and depended on', async () => {
    const { app, extraction } = await extracted({
      fixture: 'browser-bundle',
      service: 'notes',
      files: ['lib/notes.js', 'public/js/notes-view.js', 'shared/format.js'],
      packages: {},
    });
    // webpack bundles public/js/app.js and the view it imports; the shared module is the server's too.
    expect(extraction.edits.map((e) => e.path)).toEqual(['server.js']);
    expect(extraction.remoteReady).toEqual(['findNote', 'formatTitle']);
    expect(readFileSync(join(app, 'public/js/app.js'), 'utf8')).toContain("from '../../shared/format'");
    // shared/note-title.js is loaded by the server and bundled too: pointed at the facade, the bundle would load Node's
    // http. It keeps the service's module, and says why.
    expect(readFileSync(join(app, 'shared/note-title.js'), 'utf8')).toContain("require('./format')");
    expect(extraction.manual).toEqual([
      {
        file: 'shared/note-title.js',
        line: 2,
        reason: "a browser bundle loads this file too, and the facade runs only on Node: it keeps the service's module",
      },
    ]);
    expect(extraction.direct.map((d) => d.file)).not.toContain('shared/note-title.js');
    const service = extraction.files.find((f) => f.path === 'extracted/notes/service/package.json')!;
    expect(Object.keys(JSON.parse(service.content).dependencies)).toEqual(['lodash', 'zod']);
    expect(extraction.edits[0]?.after).toContain("require('./extracted/notes/facade/notes.facade')");
    for (const file of [...monolithSide(extraction), ...extraction.edits])
      execFileSync(process.execPath, ['--check', join(app, file.path)]);
  }, 60_000);
});
