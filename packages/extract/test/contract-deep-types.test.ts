// buildContract on types it cannot write out (fixtures/extract/contract-deep-types): each becomes an
// `unknown` field with a blocker where it is declared, never a crash; and the budget that stops a
// walk, on its own, against a real stack overflow.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContract } from '../src/contract/build-contract.ts';
import { typeRef } from '../src/contract/type-text.ts';
import type { At, Walk } from '../src/contract/type-walk.ts';
import { createBudget, MAX_DEPTH, MAX_TYPES } from '../src/contract/walk-budget.ts';

const ROOT = join(import.meta.dirname, '../../../fixtures/extract/contract-deep-types');
const service = 'src/settings/settings.service.ts';
const tree = 'src/settings/settings-tree.ts';
const ADVICE =
  'declare the data that crosses as a non-generic interface in the project, so the contract can refer to it by name';
const recursive = (operation: string, path: string, generic: string, line: number, more = '') => ({
  kind: 'unsupported-type',
  operation,
  file: tree,
  line,
  message: `The result of \`${operation}\`, at \`${path}\`, is a recursive generic (\`${generic}\` within itself, with new type arguments at every level)${more}: ${ADVICE}`,
});

describe('buildContract on types without a finite form', () => {
  it('writes the recursion as unknown and says where it starts', () => {
    const model = buildContract({
      root: ROOT,
      serviceFiles: [tree, service],
      operations: ['readSettings', 'versionedSettings', 'settingsHistory'].map((name) => `${service}#${name}`),
    });
    expect(model.operations.map((o) => [o.name, o.returns.text])).toEqual([
      ['readSettings', 'Settings'],
      [
        'versionedSettings',
        '{ theme: { value: unknown; previous: unknown }; limits: { value: unknown; previous: unknown } }',
      ],
      ['settingsHistory', '{ value: string; next: { value: [string]; next: unknown | null } | null }'],
    ]);
    expect(model.blockers).toEqual([
      // One row for the four paths that meet the same declaration, the shortest two named.
      recursive('versionedSettings', 'theme.value', 'Versioned', 12, ', and so are 3 more paths (`limits.value`, ...)'),
      recursive('settingsHistory', 'next.next', 'Chain', 17),
    ]);
  });
});

describe('createBudget', () => {
  const at: At = { file: 'src/a.ts', line: 3, origin: 'result', path: '' };
  const walk = (): Walk => ({ issues: [], refs: new Set() });
  const BUDGET_ADVICE =
    'declare what crosses the boundary as a plain, non-generic interface of the project, so the contract can name it';

  it(`cuts a walk deeper than ${MAX_DEPTH} levels, telling it once`, () => {
    const within = createBudget();
    const w = walk();
    const nest = (level: number): string =>
      within({ ...at, path: Array.from({ length: level }, () => 'next').join('.') }, w, () =>
        typeRef(`{ next: ${nest(level + 1)} }`, {}),
      ).text;
    const text = nest(0);
    expect(text).toBe(`${'{ next: '.repeat(MAX_DEPTH)}unknown${' }'.repeat(MAX_DEPTH)}`);
    expect(w.issues).toEqual([
      {
        ...at,
        path: 'next.next.next.next...',
        kind: 'unsupported-type',
        what: `a type seams cannot describe (it nests more than ${MAX_DEPTH} levels deep)`,
        advice: BUDGET_ADVICE,
      },
    ]);
  });

  it(`cuts a walk of more than ${MAX_TYPES} types, and starts afresh for the next root`, () => {
    const within = createBudget();
    const w = walk();
    const leaves = within(at, w, () => {
      const texts = Array.from({ length: MAX_TYPES + 1 }, () => within(at, w, () => typeRef('string', {})).text);
      return typeRef(texts.slice(MAX_TYPES - 2).join(' | '), {});
    });
    expect(leaves.text).toBe('string | unknown | unknown');
    expect(w.issues.map((i) => i.what)).toEqual([
      `a type seams cannot describe (it holds more than ${MAX_TYPES} types)`,
    ]);
    expect(within(at, walk(), () => typeRef('string', {})).text).toBe('string');
  });

  it('turns a stack overflow into unknown for that one type and lets other errors through', () => {
    const within = createBudget();
    const w = walk();
    const overflow = (n: number): number => overflow(n + 1) + 1;
    const deep = within(at, w, () =>
      typeRef(`{ a: string; b: ${within(at, w, () => typeRef(String(overflow(0)), {})).text} }`, {}),
    );
    expect(deep.text).toBe('{ a: string; b: unknown }');
    expect(w.issues.map((i) => i.what)).toEqual([
      "a type TypeScript's checker cannot expand (it overflowed the stack)",
    ]);
    expect(() =>
      within(at, w, () => {
        throw new TypeError('a bug of ours');
      }),
    ).toThrow('a bug of ours');
  });
});
