// What seams extract --write generates type-checks under the strictest settings a monolith commonly has, in
// every shape a service takes: plain functions, routes only, an injected provider, classes the monolith
// constructs, and a service with nothing remote-ready written anyway (--force). Each fixture is copied to a
// temporary folder, extracted, and checked with a tsconfig that extends the fixture's own and turns the flags on;
// the errors that count are those in the files seams wrote (a fixture's own code is not ours to hold to them).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../src/index.ts';
import { cleanUp, extractInto, linkPackages, top, typeCheck } from './support/extracted-app.ts';

const scratch = mkdtempSync(join(tmpdir(), 'seams-strict-'));
afterAll(() => cleanUp(scratch));

const STRICT = {
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noImplicitOverride: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
};

interface Case {
  name: string;
  /** Folder under fixtures/extract holding the app. */
  fixture: string;
  service: string;
  files: string[];
  /** The package folder copied into node_modules beside the app (nest-provider's framework). */
  framework?: string;
  /** verbatimModuleSyntax needs ES module syntax to mean ES modules: a CommonJS app's own imports fail it. */
  verbatim: boolean;
}

async function extracted(setup: Case): Promise<{ app: string; extraction: Extraction }> {
  const app = join(scratch, setup.name);
  cpSync(join(top, 'fixtures/extract', setup.fixture), app, { recursive: true });
  linkPackages(app, ['@types/node', '@types/express', 'express', 'typescript', 'zod']);
  if (setup.framework)
    cpSync(
      join(top, 'fixtures/extract', setup.framework),
      join(app, 'node_modules', setup.framework.split('/').pop()!),
      {
        recursive: true,
      },
    );
  const extraction = await extractInto(app, {
    service: setup.service,
    files: setup.files,
    tsconfig: 'tsconfig.json',
    monolith: setup.name,
    edits: true,
  });
  return { app, extraction };
}

// tsc on a tsconfig extending `project` with the strict flags on; the diagnostics in the files seams wrote.
function strictErrors(app: string, project: string, include: string[], written: string[], verbatim: boolean): string[] {
  const strictProject = join(app, project, '..', 'tsconfig.strict.json');
  const compilerOptions = { ...STRICT, noEmit: true, ...(verbatim ? { verbatimModuleSyntax: true } : {}) };
  writeFileSync(strictProject, JSON.stringify({ extends: './tsconfig.json', compilerOptions, include }));
  const lines = typeCheck(app, strictProject)
    .output.split('\n')
    .filter((line) => /error TS\d+/.test(line));
  return lines.filter(
    (line) => written.some((path) => line.replace(/^(\.\.\/)+/, '').startsWith(path)) || !/\(\d+,\d+\)/.test(line),
  );
}

const CASES: Case[] = [
  {
    name: 'functions',
    fixture: 'toolchain-esm',
    service: 'catalog',
    files: ['src/catalog/catalog.service.ts'],
    verbatim: true,
  },
  {
    // Nothing remote-ready: what extract --force writes.
    name: 'routes-only',
    fixture: 'express-routes',
    service: 'catalog',
    files: ['src/catalog/catalog.routes.ts', 'src/catalog/catalog.store.ts'],
    verbatim: false,
  },
  {
    name: 'provider',
    fixture: 'nest-provider/app',
    framework: 'nest-provider/nest-lite',
    service: 'users',
    files: ['user.ts', 'users.module.ts', 'users.repository.ts', 'users.service.ts'].map((f) => `src/users/${f}`),
    verbatim: false,
  },
  {
    name: 'instance-classes',
    fixture: 'instance-class',
    service: 'manifest',
    files: ['src/manifest/context.ts', 'src/manifest/manifest-creation.ts'],
    verbatim: true,
  },
];

describe('extract --write type-checks under the strictest settings', () => {
  for (const setup of CASES)
    it(`${setup.name}: the monolith with the facade, and the service`, async () => {
      const { app, extraction } = await extracted(setup);
      const monolithFiles = [
        ...extraction.files.filter((f) => f.path.startsWith(`${extraction.facadeFolder}/`)),
        ...extraction.edits,
      ];
      const service = `extracted/${setup.service}/service`;
      if (setup.name === 'routes-only') expect(extraction.remoteReady).toEqual([]);
      const monolith = strictErrors(
        app,
        'tsconfig.json',
        ['src', extraction.facadeFolder],
        monolithFiles.map((f) => f.path),
        setup.verbatim,
      );
      const served = strictErrors(
        app,
        `${service}/tsconfig.json`,
        ['src'],
        // app-middleware.ts is the monolith's own middleware, copied: held to the monolith's settings, not these.
        extraction.files
          .filter((f) => f.path.startsWith(service) && !f.path.endsWith('/app-middleware.ts'))
          .map((f) => f.path),
        setup.verbatim,
      );
      expect({ monolith, served }).toEqual({ monolith: [], served: [] });
    }, 120_000);
});
