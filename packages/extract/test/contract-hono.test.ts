// buildContract on an ES-module Hono app (fixtures/extract/contract-hono): a Hono app the monolith mounts is
// the framework's router, kept as a value like an Express router (its routes move route by route, as
// route-strangling's tests show), with no blocker of its own.
import { cpSync, mkdtempSync, realpathSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContract, type ContractModel } from '../src/contract/build-contract.ts';

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

  it('keeps the mounted Hono app as a value without a blocker, and routes the async function', () => {
    expect(model.others).toEqual([{ entry: entries[0], kind: 'value', file: articles, line: 3 }]);
    expect(model.operations.map((o) => [o.name, o.async])).toEqual([['countArticles', true]]);
    expect(model.blockers).toEqual([]);
  });
});
