// buildContract on an ES-module Hono app (fixtures/extract/contract-hono): a Hono app the monolith mounts is
// the framework's router, and the explanation says its routes are what would move, not that it is a value.
import { cpSync, mkdtempSync, realpathSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContract, type ContractModel } from '../src/contract/build-contract.ts';
import { nothingToExtract } from '../src/extractable-surface.ts';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/extract/contract-hono');
const articles = 'src/articles/articles.ts';
const entries = ['articlesModule', 'countArticles'].map((name) => `${articles}#${name}`);

describe('buildContract on a Hono app', () => {
  let model: ContractModel;
  beforeAll(() => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'seams-contract-hono-')));
    cpSync(FIXTURE, root, { recursive: true });
    renameSync(join(root, 'installed'), join(root, 'node_modules'));
    model = buildContract({
      root,
      tsconfig: join(root, 'tsconfig.json'),
      serviceFiles: [articles],
      operations: entries,
      callerFiles: ['src/app.ts'],
    });
  }, 30_000);

  it('keeps the mounted Hono app as a value, with why its routes stay, and routes the async function', () => {
    expect(model.others).toEqual([{ entry: entries[0], kind: 'value', file: articles, line: 3 }]);
    expect(model.operations.map((o) => [o.name, o.async])).toEqual([['countArticles', true]]);
    expect(model.blockers).toEqual([
      {
        kind: 'unsupported-type',
        file: articles,
        line: 3,
        message:
          "a Hono app the monolith mounts as a router: route-level strangling reads Express, Koa, Fastify and NestJS routes, not Hono's yet, so its routes stay in the monolith",
      },
    ]);
  });

  it('explains the app by its line, not as a value to read', () => {
    const only = { ...model, operations: [] };
    expect(nothingToExtract({ model: only }, { entries: [entries[0]!] })).toEqual([
      `  ${articles}:3  articlesModule: a Hono app the monolith mounts as a router: route-level strangling reads Express, Koa, Fastify and NestJS routes, not Hono's yet, so its routes stay in the monolith`,
    ]);
  });
});
