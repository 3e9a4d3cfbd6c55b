import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, test } from 'vitest';
import { createLazyVisitor } from '../src/ast/lazy-ast.ts';
import { visitAround } from '../src/ast/visit-around.ts';
import { parseFile } from '../src/parse-file.ts';

/*
 * The contract behind src/ast/visit-around.ts: entering only the nodes around some offsets calls handlers on every
 * node oxc's lazy visitor reaches whose span holds one of them, in the visitor's order, and on nothing the visitor
 * does not reach. Checked on this repository's own sources, the fixtures, and shapes where oxc's spans do not hold
 * their node (decorators before `export`, parameter lists after non-ASCII text).
 */

type Seen = Array<[type: string, start: number, end: number]>;

interface Lazy {
  program: object;
  visit(visitor: unknown): void;
  dispose(): void;
}

const parse = (path: string, text: string) => {
  const lang = /\.[mc]?tsx?$/.test(path) ? (path.endsWith('x') ? 'tsx' : 'ts') : 'jsx';
  return parseSync(path, text, { lang, experimentalLazy: true } as never) as unknown as Lazy;
};

/** Every node oxc's visitor reaches, in its order. */
function visitAll(result: Lazy): Seen {
  const seen: Seen = [];
  const record = (node: { type: string; start: number; end: number }) =>
    void seen.push([node.type, node.start, node.end]);
  result.visit(createLazyVisitor(Object.fromEntries([...NODE_TYPE_IDS_MAP.keys()].map((key) => [key, record]))));
  return seen;
}

function visitNear(result: Lazy, offsets: number[]): Seen {
  const seen: Seen = [];
  const record = (node: { type: string; start: number; end: number }) =>
    void seen.push([node.type, node.start, node.end]);
  visitAround(result.program, offsets, new Proxy({}, { get: () => record }));
  return seen;
}

/** Where `near` breaks the contract against `all`: a node it calls out of order or not at all, or one it misses. */
function breach(all: Seen, near: Seen, offsets: number[], text: string): string | undefined {
  const holds = (start: number, end: number) => offsets.some((offset) => start <= offset && offset < end);
  let next = 0;
  for (const node of all) {
    if (next < near.length && near[next]!.join() === node.join()) next++;
    // A parameter list's own span may be in UTF-8 bytes (its nodes are still held): it is entered anyway.
    else if (holds(node[1], node[2]) && node[0] !== 'FormalParameters')
      return `missed ${node[0]} ${JSON.stringify(text.slice(node[1], node[2]).slice(0, 60))}`;
  }
  return next < near.length ? `called out of order or unreached: ${near[next]!.join()}` : undefined;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && /\.[mc]?[jt]sx?$/.test(entry.name) && !entry.parentPath.includes('node_modules'),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

const ROOT = join(import.meta.dirname, '../../..');

// Every node type oxc's lazy visitor knows (oxc-parser ships this table without type declarations).
const TYPE_IDS: string = 'oxc-parser/src-js/generated/lazy/type_ids.js';
const { NODE_TYPE_IDS_MAP } = (await import(TYPE_IDS)) as { NODE_TYPE_IDS_MAP: Map<string, number> };

describe('visitAround', () => {
  test('agrees with oxc visitor on real sources, around words and around every seventh node', () => {
    const files = [...sourcesUnder(join(ROOT, 'packages/analyze/src')), ...sourcesUnder(join(ROOT, 'fixtures'))];
    expect(files.length).toBeGreaterThan(200);
    const breaches: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const result = parse(file, text);
      const all = visitAll(result);
      const offsets = new Set<number>();
      for (const word of ['require', 'exports', 'import', '@'])
        for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) offsets.add(at);
      all.forEach(([, start, end], i) => {
        if (i % 7 === 0) offsets.add(start + ((i >> 3) % Math.max(1, end - start)));
      });
      const sorted = [...offsets].sort((a, b) => a - b);
      const found = breach(all, visitNear(result, sorted), sorted, text);
      if (found) breaches.push(`${file}: ${found}`);
      result.dispose();
    }
    expect(breaches).toEqual([]);
  });

  test.each([
    [
      'a decorator before export (outside the statement and class spans)',
      "const a = 1;\n@Inject(require('./x')) export class A {}\n",
      "require('./x')",
    ],
    ['a decorator before export default', "@Inject(require('./x'))\nexport default class A {}\n", "require('./x')"],
    [
      'a parameter list after non-ASCII text',
      "// “quoted” — dash\nconst f = (a = require('./x')) => a;\n",
      "require('./x')",
    ],
    [
      'a long statement list',
      `${'let x = 1;\n'.repeat(50)}const y = require('./x');\n${'let z = 2;\n'.repeat(50)}`,
      "require('./x')",
    ],
    ['an array with holes', "const a = [1, , 2, , require('./x'), , 3, 4, 5, 6, 7, 8];\n", "require('./x')"],
    [
      'an import attribute (inside a clause without a span)',
      "import a from './a.json' with { type: 'json' };\n",
      'json',
    ],
  ])('%s', (_, text, word) => {
    const result = parse('a.ts', text);
    const at = text.lastIndexOf(word);
    const near = visitNear(result, [at]);
    expect(near.some(([type, start, end]) => type !== 'Program' && start <= at && at < end)).toBe(true);
    expect(breach(visitAll(result), near, [at], text)).toBeUndefined();
    result.dispose();
  });

  test('enters nothing without offsets', () => {
    const result = parse('a.js', "const a = require('./x');\n");
    expect(visitNear(result, [])).toEqual([]);
    result.dispose();
  });
});

describe('the CommonJS reader entering around its words', () => {
  // Sources whose words are sparse only once padded: the reader then enters around them (a minified bundle's case)
  // instead of walking every node, and must find what the walk of the unpadded source finds.
  const sources: Array<[string, string]> = [
    [
      'src/app.js',
      [
        "const express = require('express');",
        "const { createUser, getUser } = require('./controllers/user.controller');",
        "const svc = require('./services');",
        "const port = require('./config/config').port;",
        'function start() { return svc.userService.list() + svc.authService.login(); }',
        'module.exports = { start, port };',
        "module.exports.router = require('./routes');",
        "exports.helper = function helper() { return require(`./utils/${'x'}`); };",
        "const { a, ...rest } = require('./spread');",
      ].join('\n'),
    ],
    [
      'src/legacy.ts',
      [
        "import round = require('./round');",
        "type Price = import('./price').Price;",
        'type Later = import(/* why */ "./later");',
        "@Inject(require('./token')) export class Billing { total(): Price { return round.cents(1); } }",
        "export const f = (a = require('./in-params')) => a;",
      ].join('\n'),
    ],
  ];
  // Some 40 kB of filler: far fewer than one word per 2,000 characters, the reader's threshold.
  const padding = `\n/*${' filler '.repeat(4000)}*/\nvar filler = [${'0, '.repeat(3000)}0];\n`;

  test.each(sources)('%s', (path, text) => {
    const plain = parseFile(path, text);
    const padded = parseFile(path, text + padding);
    expect(padded.imports).toEqual(plain.imports);
    expect(padded.localExports).toEqual(plain.localExports);
    expect(padded.reexports).toEqual(plain.reexports);
    expect(plain.imports.length).toBeGreaterThan(4);
  });
});
