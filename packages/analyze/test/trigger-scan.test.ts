import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DATA_DETECTORS } from '../src/data/index.ts';
import { ENTRY_DETECTORS } from '../src/entry-points/index.ts';
import { literalFactors } from '../src/literal-factors.ts';
import { createTriggerScan } from '../src/trigger-scan.ts';

const texts = (factors: ReturnType<typeof literalFactors>) => factors?.map((factor) => factor.text).sort();

describe('literal factors', () => {
  test('a literal, with word boundaries, is its own factor, checked by the whole pattern', () => {
    expect(literalFactors(String.raw`\bhono\b`)).toEqual([{ text: 'hono', check: String.raw`\bhono\b` }]);
  });

  test('factors are lower case: a class of the two cases of a letter is that letter', () => {
    expect(texts(literalFactors('[cC][rR][oO][nN]|@Controller'))).toEqual(['@controller', 'cron']);
  });

  test('a sequence keeps its longest run of known strings, checked by the sequence around it', () => {
    // `\s*` and the quote class cut the sequence: `(` and a quote are shorter than the keywords.
    expect(literalFactors(String.raw`['"](?:\s)*(?:SELECT|with)\s`)).toEqual([
      { text: 'select', check: String.raw`(?<=['"](?:\s)*)(?:(?:SELECT|with))\s` },
      { text: 'with', check: String.raw`(?<=['"](?:\s)*)(?:(?:SELECT|with))\s` },
    ]);
    expect(texts(literalFactors(String.raw`\.(?:find|count)\(`))).toEqual(['.count(', '.find(']);
  });

  test('a positive lookbehind must be in the text too; a negative one asks for nothing', () => {
    expect(texts(literalFactors(String.raw`\(\s*'(?<=(?:\.from|(?<!\w)knex)\(\s*')`))).toEqual(['.from(', 'knex(']);
  });

  test('an alternation needs a factor in every alternative, an optional part none', () => {
    expect(texts(literalFactors(String.raw`prisma|\$transaction`))).toEqual(['$transaction', 'prisma']);
    expect(literalFactors(String.raw`prisma|\w+\(`)).toBeUndefined();
    expect(texts(literalFactors(String.raw`ab(?:cd)?ef`))).toEqual(['abcdef', 'abef']);
    expect(literalFactors(String.raw`(?:abc)?\w`)).toBeUndefined();
  });

  test('escapes stand for their characters; sets, backreferences and unknown syntax ask for nothing', () => {
    expect(texts(literalFactors(String.raw`\x41\u0042[\-]\.x`))).toEqual(['ab-.x']);
    expect(texts(literalFactors(String.raw`(a)bc\1de`))).toEqual(['abc']);
    expect(literalFactors(String.raw`\p{L}+`, 'u')).toBeUndefined();
    expect(literalFactors('(?<x>ab')).toBeUndefined();
  });

  test('nothing shorter than two characters is a factor', () => {
    expect(literalFactors(String.raw`\(`)).toBeUndefined();
    expect(literalFactors('[^a]+x')).toBeUndefined();
  });
});

/** The matches of `(a0)|(a1)|...` as the scan must give them: the alternative that matched, where, what. */
function plainMatches(alternatives: readonly string[], text: string): string[] {
  const pattern = new RegExp(alternatives.map((source) => `(${source})`).join('|'), 'g');
  return [...text.matchAll(pattern)].map((match) => {
    const alternative = match.findIndex((group, i) => i > 0 && group !== undefined) - 1;
    return `${alternative}@${match.index}:${match[0]}`;
  });
}

const statics = [...new Set(DATA_DETECTORS.flatMap((detector) => detector.staticMethods ?? []))];
const SETS = {
  data: [...DATA_DETECTORS.map((detector) => detector.trigger), String.raw`\.(?:${statics.join('|')})\(`],
  entries: ENTRY_DETECTORS.map((detector) => detector.trigger),
  small: [String.raw`\.from\(\s*'`, String.raw`(?<![\w$])exports\s*[.=]`, String.raw`\w+\(`],
};
const scans = Object.entries(SETS).map(([name, alternatives]) => ({
  name,
  alternatives,
  scan: createTriggerScan(alternatives),
}));

function expectSameMatches(text: string): void {
  for (const { name, alternatives, scan } of scans) {
    const expected = plainMatches(alternatives, text);
    const found = [...scan.matches(text)].map(({ alternative, match }) => `${alternative}@${match.index}:${match[0]}`);
    expect({ name, text: text.slice(0, 80), found }).toEqual({ name, text: text.slice(0, 80), found: expected });
    expect(scan.test(text)).toBe(expected.length > 0);
  }
}

describe('a trigger scan', () => {
  test.each([
    '',
    'Array.from(items); Vector3.FromArray(a)',
    "knex.from('users').where(x); db('orders')",
    "const q = 'SELECT * FROM t'; // update the view with care",
    'await User.findOne({ id }); Object.create(null); this.repo.update(x)',
    "db('select 1'); x.FROM('a')",
    'module.exports = x; exports.y = 1; my_exports = 2',
    'import express from "express"; const router = express.Router(); router.get("/x", h)',
    'new CronJob(); @Cron("* * *") SCHEDULE schedule @Interval(5)',
    '√ unicode before hono ✓ and after: fastify',
  ])('gives the matches of the plain regular expression: %s', (text) => expectSameMatches(text));

  test("gives the plain regular expression's matches on this repository's sources and fixtures", () => {
    const root = join(import.meta.dirname, '../../..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.[cm]?[jt]sx?$/.test(entry.name)) files.push(path);
      }
    };
    walk(join(root, 'packages'));
    walk(join(root, 'fixtures'));
    expect(files.length).toBeGreaterThan(300);
    for (const file of files) expectSameMatches(readFileSync(file, 'utf8'));
  });

  test('every detector trigger has factors, so no file pays for a regular expression it cannot match', () => {
    for (const source of [...SETS.data, ...SETS.entries]) expect(literalFactors(source)).toBeDefined();
  });
});
