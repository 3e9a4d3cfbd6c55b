import { describe, expect, test } from 'vitest';
import { countImportCalls, importCallsAt } from '../src/import-keywords.ts';

// The regular expression the count stands for, with the two substring searches that used to guard it.
const IMPORT_CALL = /(?<![.\w$])import\s*\(/g;
const byRegExp = (text: string) =>
  text.includes('import(') || text.includes('import (') ? (text.match(IMPORT_CALL)?.length ?? 0) : 0;

describe('countImportCalls', () => {
  test.each([
    ["import('./a')", 1],
    ["const a = await import ('./a'); type B = import('./b').B;", 2],
    // Part of a longer name or a member: not the keyword.
    ["reimport('./a'); x.import('./b'); $import('./c'); _import('./d')", 0],
    // Only a tab or a line break before the parenthesis: no `import(` nor `import (` spelled, so 0.
    ["import\t('./a')", 0],
    ["import\n('./a'); import('./b')", 2],
    ['import x from "./x"', 0],
    ['importimport(', 0],
    ['', 0],
  ])('%j -> %d', (text, count) => {
    expect(countImportCalls(text)).toBe(count);
    expect(byRegExp(text)).toBe(count);
  });
});

describe('importCallsAt', () => {
  test('offsets of import before a parenthesis or a comment, whatever precedes it', () => {
    const text = "import a from './a';\ntype B = import('./b').B;\ntype C = import /* c */ ('./c');\nx.import (d);";
    expect(importCallsAt(text)).toEqual([
      text.indexOf("import('./b')"),
      text.indexOf('import /*'),
      text.indexOf('import (d)'),
    ]);
  });
});
