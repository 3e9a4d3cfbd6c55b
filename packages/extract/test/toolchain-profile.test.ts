// toolchainProfile over in-memory projects: what each tsconfig, package.json and installed package
// tells extract about the code it may generate. Expectations worked out by hand from each file.
import { describe, expect, it } from 'vitest';
import { toolchainProfile, type ToolchainInput } from '../src/toolchain/toolchain-profile.ts';

const pkg = (version: string) => JSON.stringify({ version });

function profile(
  files: Record<string, string>,
  tsconfig: string | null = 'tsconfig.json',
  serviceFiles = ['src/a.ts'],
  internalSpecifiers: string[] = [],
) {
  const input: ToolchainInput = {
    root: '/app',
    tsconfig: tsconfig ?? undefined,
    serviceFiles,
    internalSpecifiers,
    readFile: (path) => files[path],
  };
  return toolchainProfile(input);
}

describe('the toolchain profile', () => {
  it('reads a TypeScript 3.9 app on CommonJS with an old @types/node and Jest 25: bare specifiers, no .js', () => {
    const found = profile({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2017', outDir: 'dist' } }),
      'package.json': '{}',
      'node_modules/typescript/package.json': pkg('3.9.10'),
      'node_modules/@types/node/package.json': pkg('14.18.63'),
      'node_modules/jest/package.json': pkg('25.5.4'),
    });
    expect(found).toEqual({
      language: 'ts',
      typescript: '3.9.10',
      moduleFormat: 'cjs',
      relativeExtension: '',
      nodePrefix: false,
      nodeTypes: 'loaded',
      scope: '.',
      // What TypeScript 5 and older assumed where this tsconfig says nothing, for the service's TypeScript 6.
      olderDefaults: { strict: false, noUncheckedSideEffectImports: false, moduleResolution: 'node10' },
    });
  });

  it('states older defaults only where the monolith is silent and its compiler is older than 6', () => {
    const options = { target: 'es2017', strict: true, moduleResolution: 'node' };
    const files = (version: string) => ({
      'tsconfig.json': JSON.stringify({ compilerOptions: options }),
      'node_modules/typescript/package.json': pkg(version),
    });
    // No module: TypeScript 5 took ES2015 for an ES2017 target (6 takes ES2022); resolution and strict are said.
    expect(profile(files('4.9.5')).olderDefaults).toEqual({ noUncheckedSideEffectImports: false, module: 'es2015' });
    expect(profile(files('6.0.3')).olderDefaults).toEqual({});
  });

  it('keeps node: for TypeScript 5 with @types/node 22 and no Jest, and finds packages hoisted above the app', () => {
    const found = profile({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', types: ['node'] } }),
      '../../node_modules/typescript/package.json': pkg('5.9.3'),
      '../../node_modules/@types/node/package.json': pkg('22.20.5'),
    });
    expect(found).toMatchObject({ typescript: '5.9.3', nodePrefix: true, nodeTypes: 'loaded' });
  });

  it('says Jest before 28 cannot take node: even with new types', () => {
    const found = profile({
      'tsconfig.json': '{}',
      'node_modules/typescript/package.json': pkg('5.4.0'),
      'node_modules/@types/node/package.json': pkg('20.0.0'),
      'node_modules/jest/package.json': pkg('27.5.1'),
    });
    expect(found.nodePrefix).toBe(false);
  });

  it('reads rootDir through extends (comments allowed) as the scope, and the ESM of node16 with type module', () => {
    const found = profile({
      'tsconfig.json': '{ // the app\n "extends": "./tsconfig.base.json", "include": ["src"] }',
      'tsconfig.base.json': JSON.stringify({
        compilerOptions: { module: 'node16', rootDir: 'src', outDir: 'dist', types: ['jest'] },
      }),
      'package.json': JSON.stringify({ type: 'module' }),
      'node_modules/typescript/package.json': pkg('5.9.3'),
      'node_modules/@types/node/package.json': pkg('22.0.0'),
    });
    expect(found).toMatchObject({
      moduleFormat: 'esm',
      relativeExtension: '.js',
      nodeTypes: 'reference',
      scope: 'src',
    });
  });

  it('takes the folder the includes share as the scope of a build to an outDir, and none for a type-check', () => {
    const build = { compilerOptions: { outDir: 'dist' }, include: ['src/**/*.ts', 'src/types/*.d.ts'] };
    expect(profile({ 'tsconfig.json': JSON.stringify(build) }).scope).toBe('src');
    const check = { compilerOptions: { noEmit: true }, include: ['src'] };
    expect(profile({ 'tsconfig.json': JSON.stringify(check) }).scope).toBe('.');
    const files = { compilerOptions: { outDir: 'out' }, files: ['lib/main.ts', 'lib/cli/run.ts'] };
    expect(profile({ 'tsconfig.json': JSON.stringify(files) }).scope).toBe('lib');
  });

  it('reads a scope above the project (a workspace base with rootDir ".") as the whole project', () => {
    const base = { compilerOptions: { rootDir: '.', module: 'commonjs' } };
    const files = {
      'tsconfig.json': JSON.stringify({ extends: '../tsconfig.base.json', files: [], include: [] }),
      '../tsconfig.base.json': JSON.stringify(base),
    };
    expect(profile(files).scope).toBe('.');
    const above = { compilerOptions: { outDir: '../dist' }, include: ['../libs/**/*.ts', '../apps/**/*.ts'] };
    expect(profile({ 'tsconfig.json': JSON.stringify(above) }).scope).toBe('.');
  });

  it("takes the folder a Babel build script compiles as the scope, when it holds the service's files", () => {
    const scripts = { prepare: 'npm run build', build: 'cross-env NODE_ENV=x babel --copy-files ./src/ -d lib/' };
    const files = { 'package.json': JSON.stringify({ main: 'lib/index.js', scripts }) };
    expect(profile(files, null, ['src/push/queue.js', 'src/push/worker.js']).scope).toBe('src');
    expect(profile(files, null, ['src/push/queue.js', 'bin/push.js']).scope).toBe('.');
    const watchOnly = { 'package.json': JSON.stringify({ scripts: { dev: 'babel-node src/index.js' } }) };
    expect(profile(watchOnly, null, ['src/push/queue.js']).scope).toBe('.');
  });

  it('reads a node16 app whose package.json has no type as CommonJS: no .js needed', () => {
    const found = profile({ 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext' } }) });
    expect(found).toMatchObject({ moduleFormat: 'cjs', relativeExtension: '' });
  });

  it('a bundler-resolved ESM app needs no extension; TypeScript 6 loads @types/node only when types names it', () => {
    const found = profile({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } }),
      'node_modules/typescript/package.json': pkg('6.0.3'),
      'node_modules/@types/node/package.json': pkg('22.0.0'),
    });
    expect(found).toMatchObject({ moduleFormat: 'esm', relativeExtension: '', nodeTypes: 'reference' });
  });

  it('reads a JavaScript app without a tsconfig: JavaScript, its package type, no node: (its runtime is unknown)', () => {
    const cjs = profile({ 'package.json': '{}' }, null, ['src/users.js']);
    expect(cjs).toMatchObject({ language: 'js', moduleFormat: 'cjs', relativeExtension: '', nodePrefix: false });
    const esm = profile({ 'package.json': '{"type":"module"}' }, null, ['src/users.js']);
    expect(esm).toMatchObject({ language: 'js', moduleFormat: 'esm', relativeExtension: '.js', nodeTypes: 'missing' });
  });

  it('calls a service of .js files in a TypeScript project JavaScript, and TypeScript 3.7 unable to import type', () => {
    const found = profile(
      { 'tsconfig.json': '{"compilerOptions":{"allowJs":true}}', 'node_modules/typescript/package.json': pkg('3.7.5') },
      'tsconfig.json',
      ['src/a.js', 'src/b.cjs'],
    );
    expect(found).toMatchObject({ language: 'js' });
  });

  it('where a base it extends is missing, decides from the package type and whether the files import with .js', () => {
    const files = (type: string) => ({
      'tsconfig.json': JSON.stringify({ extends: '@acme/ts-config/tsconfig.base', compilerOptions: { strict: true } }),
      'package.json': JSON.stringify({ type }),
    });
    const withJs = ['./a.js', '#src/b.js', '../c'];
    expect(profile(files('module'), 'tsconfig.json', ['src/a.ts'], withJs)).toMatchObject({
      moduleFormat: 'esm',
      relativeExtension: '.js',
    });
    // A bundler's ES modules: the files write no extension, nor do we.
    expect(profile(files('module'), 'tsconfig.json', ['src/a.ts'], ['./a', './b', '#src/c.js'])).toMatchObject({
      moduleFormat: 'esm',
      relativeExtension: '',
    });
    expect(profile(files('commonjs'), 'tsconfig.json', ['src/a.ts'], withJs)).toMatchObject({
      moduleFormat: 'cjs',
      relativeExtension: '',
    });
  });
});
