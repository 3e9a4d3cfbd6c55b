import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/parse-file.ts';
import { indexLines } from '../src/line-index.ts';

describe('parseFile', () => {
  it('records every kind of module reference with names and lines', () => {
    const facts = parseFile(
      'src/orders/order.routes.ts',
      [
        "import express, { Router, type Request } from 'express';",
        "import type { Order } from './order.model';",
        "import * as pricing from '../pricing';",
        "import './polyfills';",
        "export { createOrder } from './order.service';",
        "export * from './order.events';",
        "export * as audit from './audit';",
        "export type { OrderId } from './order.model';",
        "import legacy = require('../legacy/tax');",
        "const config = require('../config.json');",
        "export async function loadInvoice() { return import('./invoice'); }",
        'export const byLocale = (lang: string) => import(`./locales/${lang}`);',
      ].join('\n'),
    );
    expect(facts.imports).toEqual([
      { specifier: 'express', kind: 'import', names: ['default', 'Router', 'Request'], line: 1 },
      { specifier: './order.model', kind: 'type', names: ['Order'], line: 2 },
      { specifier: '../pricing', kind: 'import', names: ['*'], line: 3 },
      { specifier: './polyfills', kind: 'import', names: [], line: 4 },
      { specifier: './order.service', kind: 'reexport', names: ['createOrder'], line: 5 },
      { specifier: './order.events', kind: 'reexport', names: ['*'], line: 6 },
      { specifier: './audit', kind: 'reexport', names: ['*'], line: 7 },
      { specifier: './order.model', kind: 'type', names: ['OrderId'], line: 8 },
      { specifier: './invoice', kind: 'dynamic', names: ['*'], line: 11 },
      { specifier: '`./locales/${lang}`', kind: 'dynamic', names: ['*'], line: 12, computed: true },
      { specifier: '../legacy/tax', kind: 'require', names: ['*'], line: 9 },
      { specifier: '../config.json', kind: 'require', names: ['*'], line: 10 },
    ]);
    expect(facts.localExports).toEqual(['loadInvoice', 'byLocale']);
    expect(facts.reexports).toEqual([
      { specifier: './order.service', importName: 'createOrder', exportName: 'createOrder' },
      { specifier: './order.events', importName: '*', exportName: null },
      { specifier: './audit', importName: '*', exportName: 'audit' },
      { specifier: './order.model', importName: 'OrderId', exportName: 'OrderId' },
    ]);
    expect(facts.error).toBeUndefined();
  });

  it('treats `export { x }` of an imported binding as a re-export, not a second import', () => {
    const facts = parseFile(
      'src/index.ts',
      "import { pay } from './pay';\nexport { pay as charge };\nexport default pay;\n",
    );
    expect(facts.imports).toEqual([{ specifier: './pay', kind: 'import', names: ['pay'], line: 1 }]);
    expect(facts.reexports).toEqual([{ specifier: './pay', importName: 'pay', exportName: 'charge' }]);
    expect(facts.localExports).toEqual(['default']);
  });

  it('records a require of a computed name as computed, and a plain template as its text', () => {
    const facts = parseFile(
      'src/plugins.cjs',
      'const load = (name) => require(`./plugins/${name}`);\nconst base = require(`./base`);\n',
    );
    expect(facts.imports).toEqual([
      { specifier: '`./plugins/${name}`', kind: 'require', names: ['*'], line: 1, computed: true },
      { specifier: './base', kind: 'require', names: ['*'], line: 2 },
    ]);
  });

  it('records import type expressions as type dependencies', () => {
    const facts = parseFile(
      'src/orders/order.mapper.ts',
      "export type Row = import('./order.model').OrderRow;\nexport const load = () => import('./order.repository');\n",
    );
    expect(facts.imports).toEqual([
      { specifier: './order.repository', kind: 'dynamic', names: ['*'], line: 2 },
      { specifier: './order.model', kind: 'type', names: ['OrderRow'], line: 1 },
    ]);
  });

  it('records triple-slash references as type dependencies', () => {
    const facts = parseFile(
      'src/index.ts',
      '/// <reference path="operators/index.ts" />\n/// <reference types="node" />\nexport const ready = true;\n',
    );
    expect(facts.imports).toEqual([
      { specifier: './operators/index.ts', kind: 'type', names: [], line: 1 },
      { specifier: 'node', kind: 'type', names: [], line: 2 },
    ]);
  });

  it('ignores require as a method or a word in a string', () => {
    const facts = parseFile('src/a.js', "loader.require('./not-a-module');\nconst text = 'please require(x)';\n");
    expect(facts.imports).toEqual([]);
  });

  it('keeps going on a syntax error and says where it is', () => {
    const facts = parseFile('src/broken.ts', "import { ok } from './ok';\n\nexport const = 3;\n");
    expect(facts.error).toEqual({ message: expect.any(String), line: 3 });
  });

  it('parses JSX in .js files and marks declaration files', () => {
    expect(
      parseFile('src/view.js', "import React from 'react';\nexport const View = () => <div />;\n").error,
    ).toBeUndefined();
    expect(parseFile('types/env.d.ts', 'export declare const env: string;\n')).toMatchObject({
      language: 'ts',
      dts: true,
      localExports: ['env'],
    });
  });
});

describe('indexLines', () => {
  const comments = (text: string) =>
    [...text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const loc = (text: string) => indexLines(text, comments(text)).loc;

  it.each([
    ['a;\n// note\nb;\n', 2],
    ['/* x */ a;\n', 1],
    ['a; /* x */\n', 1],
    ['a; /* x\n y */ b;\n', 2],
    ['/* x\n\n y */\n', 0],
    ['a; /* x\n y */\n', 1],
    ['/* x\n y */ b;\n', 1],
    ['/* a */ /* b */\n', 0],
    ['x /* a */ /* b */\n', 1],
    ['\n\n  \n', 0],
    ['a;\r\n\r\nb;', 2],
  ])('counts lines of code in %j as %i', (text, expected) => {
    expect(loc(text)).toBe(expected);
  });

  it('maps offsets to lines, in any order', () => {
    const text = 'one\ntwo\nthree\n';
    const { lineOf } = indexLines(text, []);
    expect([lineOf(text.indexOf('three')), lineOf(0), lineOf(text.indexOf('two'))]).toEqual([3, 1, 2]);
  });
});
