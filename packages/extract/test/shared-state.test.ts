// Module state in a CommonJS service file (fixtures/extract/shared-state-commonjs, nightscout's `var _ = require(...)`
// shape): an import or a value never changed is no state; a counter and a value set later are.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContract } from '../src/contract/build-contract.ts';

const root = join(import.meta.dirname, '../../../fixtures/extract/shared-state-commonjs');
const file = 'lib/data/ddata.js';

describe('module state of a CommonJS file', () => {
  it('blocks only the bindings the file changes, not its require() imports or untouched values', () => {
    const model = buildContract({ root, serviceFiles: [file], operations: [`${file}#summarize`] });
    const state = model.blockers.filter((b) => b.kind === 'shared-state').map((b) => `${b.file}:${b.line}`);
    // loads (incremented in summarize) and lastError (declared empty, set in fail).
    expect(state).toEqual([`${file}:7`, `${file}:8`]);
  }, 30_000);
});
