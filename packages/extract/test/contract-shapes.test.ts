// How buildContract maps TypeScript types onto JSON Schema and contract text, on
// fixtures/extract/contract-shapes: a catalog service whose types use tuples, an enum, a generic,
// a recursive type, an intersection, library aliases, a Map, a bigint, a rest parameter.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildContract, type ContractModel } from '../src/contract/build-contract.ts';

const ROOT = join(import.meta.dirname, '../../../fixtures/extract/contract-shapes');
const service = 'src/catalog/catalog.service.ts';
const names = [
  'listProducts',
  'productWithStock',
  'updateProduct',
  'stockByWarehouse',
  'tagProducts',
  'slugify',
  'countProducts',
  'getSetting',
];

const $ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ref = (name: string) => ({ text: name, schema: $ref(name) });
const string = { text: 'string', schema: { type: 'string' } };
const number = { text: 'number', schema: { type: 'number' } };
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const operation = (name: string, line: number, params: unknown[], returns: unknown, async = true) => ({
  name,
  file: service,
  line,
  async,
  params,
  returns,
});
const param = (name: string, type: unknown, optional = false) => ({ name, optional, type });
const bigint = (operation: string, message: string) => ({
  kind: 'unsupported-type',
  operation,
  file: 'src/catalog/product.ts',
  line: 24,
  message: `${message} is a bigint: JSON cannot carry it: send it as a string`,
});

// Product's properties as JSON Schema: `description: string | undefined` is not required, a bigint has no schema.
const product = {
  sku: string.schema,
  name: string.schema,
  description: string.schema,
  category: nullable($ref('Category')),
  visibility: $ref('Visibility'),
  prices: {
    type: 'object',
    properties: { EUR: number.schema, USD: number.schema },
    required: ['EUR', 'USD'],
    additionalProperties: false,
  },
  tags: { type: 'array', items: string.schema },
  rating: { enum: [1, 2, 3, 4, 5] },
  active: { type: 'boolean' },
  featured: { type: 'boolean' },
  gtin: {},
  attributes: { type: 'object', additionalProperties: string.schema },
  metadata: {},
};
const required = [
  'sku',
  'name',
  'category',
  'visibility',
  'prices',
  'tags',
  'rating',
  'active',
  'gtin',
  'attributes',
  'metadata',
];
const tuple = (prefixItems: object[]) => ({ type: 'array', prefixItems, minItems: prefixItems.length, items: false });

describe('buildContract type mapping', () => {
  let model: ContractModel;
  beforeAll(() => {
    model = buildContract({
      root: ROOT,
      serviceFiles: ['src/catalog/category.ts', 'src/catalog/product.ts', service],
      operations: [
        ...names.map((name) => `${service}#${name}`),
        'src/catalog/product.ts#Page',
        'src/catalog/product.ts#Visibility',
      ],
    });
  }, 30_000);

  it('maps parameters and results', () => {
    const { sku: _, ...patch } = product;
    expect(model.operations).toEqual([
      // A generic interface is written out for its instantiation.
      operation('listProducts', 5, [param('query', ref('ProductQuery'))], {
        text: '{ items: Product[]; total: number; next: string | null }',
        schema: {
          type: 'object',
          properties: {
            items: { type: 'array', items: $ref('Product') },
            total: number.schema,
            next: nullable(string.schema),
          },
          required: ['items', 'total', 'next'],
          additionalProperties: false,
        },
      }),
      operation('productWithStock', 10, [param('sku', string)], {
        text: 'ProductWithStock | null',
        schema: nullable($ref('ProductWithStock')),
      }),
      {
        ...operation(
          'updateProduct',
          16,
          [
            param('sku', string),
            param('patch', {
              text: "Partial<Omit<Product, 'sku'>>",
              schema: { type: 'object', properties: patch, additionalProperties: false },
            }),
          ],
          ref('Product'),
        ),
        doc: 'Changes the given fields; the SKU stays.',
      },
      operation('stockByWarehouse', 22, [param('sku', string)], { text: 'Map<string, number>', schema: {} }),
      operation(
        'tagProducts',
        26,
        [
          param('tag', string),
          param('skus', { text: 'string[]', schema: { type: 'array', items: string.schema } }, true),
        ],
        { text: 'void', schema: {} },
      ),
      operation('slugify', 30, [param('name', string)], string, false),
      // The result type as inferred: Promise<number>.
      operation('countProducts', 32, [], number),
      operation('getSetting', 36, [param('key', string)], { text: 'unknown', schema: {} }),
    ]);
  });

  it('declares named types after the types they use, enums as unions, intersections as one object', async () => {
    expect(model.types.map(({ text: _, ...rest }) => rest)).toEqual([
      { name: 'PriceRange', schema: tuple([number.schema, number.schema]), file: 'src/catalog/product.ts' },
      { name: 'Visibility', schema: { enum: ['public', 'hidden'] }, file: 'src/catalog/product.ts' },
      {
        name: 'ProductQuery',
        schema: {
          type: 'object',
          properties: {
            text: string.schema,
            priceRange: $ref('PriceRange'),
            visibility: { type: 'array', items: $ref('Visibility') },
            sort: { anyOf: [{ const: 'name' }, tuple([{ const: 'price' }, { enum: ['asc', 'desc'] }])] },
          },
          required: ['visibility', 'sort'],
          additionalProperties: false,
        },
        file: 'src/catalog/product.ts',
      },
      // Recursive through its own name.
      {
        name: 'Category',
        schema: {
          type: 'object',
          properties: { id: string.schema, name: string.schema, parent: nullable($ref('Category')) },
          required: ['id', 'name', 'parent'],
          additionalProperties: false,
        },
        file: 'src/catalog/category.ts',
      },
      // Declared because Product's text says Record<Currency, number>.
      { name: 'Currency', schema: { enum: ['EUR', 'USD'] }, file: 'src/catalog/product.ts' },
      {
        name: 'Product',
        schema: { type: 'object', properties: product, required, additionalProperties: false },
        file: 'src/catalog/product.ts',
      },
      {
        name: 'ProductWithStock',
        schema: {
          type: 'object',
          properties: { ...product, stock: number.schema },
          required: [...required, 'stock'],
          additionalProperties: false,
        },
        file: 'src/catalog/product.ts',
      },
    ]);
    await expect(
      `// types[].text of buildContract, in order\n\n${model.types.map((t) => t.text).join('\n\n')}\n`,
    ).toMatchFileSnapshot(join(ROOT, 'contract-types.ts'));
  });

  it('writes texts that compile on their own, labels and readonly kept', () => {
    const signatures = model.operations.map(
      (o) =>
        `export declare function ${o.name}(${o.params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type.text}`).join(', ')}): ${o.async ? `Promise<${o.returns.text}>` : o.returns.text};`,
    );
    const project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] },
    });
    project.createSourceFile('/contract.ts', [...model.types.map((t) => t.text), ...signatures].join('\n\n'));
    expect(
      project.getPreEmitDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n')),
    ).toEqual([]);
  });

  it('lists the generic type entry without declaring it', () => {
    expect(model.others).toEqual([
      { entry: 'src/catalog/product.ts#Page', kind: 'type', file: 'src/catalog/product.ts', line: 29 },
      { entry: 'src/catalog/product.ts#Visibility', kind: 'type', file: 'src/catalog/product.ts', line: 3 },
    ]);
  });

  it('reports what JSON cannot carry, once per operation and place', () => {
    expect(model.blockers).toEqual([
      bigint('listProducts', '`Product.gtin` (used by `listProducts`)'),
      bigint('productWithStock', '`ProductWithStock.gtin` (used by `productWithStock`)'),
      bigint('updateProduct', 'Parameter `patch.gtin` of `updateProduct`'),
      bigint('updateProduct', '`Product.gtin` (used by `updateProduct`)'),
      {
        kind: 'unsupported-type',
        operation: 'stockByWarehouse',
        file: service,
        line: 22,
        message:
          'The result of `stockByWarehouse` is a Map: JSON cannot carry it: use a plain object (Record) or an array of pairs',
      },
      {
        kind: 'unsupported-type',
        operation: 'tagProducts',
        file: service,
        line: 26,
        message:
          'Parameter `skus` of `tagProducts` is a rest parameter: take an array instead, so that a call is one request body',
      },
      {
        kind: 'sync',
        operation: 'slugify',
        file: service,
        line: 30,
        message:
          '`slugify` is synchronous: callers use the result synchronously; a remote call is async: make it async, then route it',
      },
      {
        kind: 'unsupported-type',
        operation: 'getSetting',
        file: service,
        line: 36,
        message:
          'The result of `getSetting` is generic (`T`): a remote call needs concrete types: declare the types it is called with',
      },
    ]);
  });
});

describe('buildContract on a type from a package without types', () => {
  it('blocks a parameter written as a named type the checker sees as any, not one written `any`', () => {
    // legacy-http installed as such packages are: JavaScript only, no types.
    const root = mkdtempSync(join(tmpdir(), 'seams-untyped-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    cpSync(join(import.meta.dirname, '../../../fixtures/extract/contract-untyped'), root, { recursive: true });
    mkdirSync(join(root, 'node_modules/legacy-http'), { recursive: true });
    writeFileSync(join(root, 'node_modules/legacy-http/package.json'), '{ "name": "legacy-http", "main": "index.js" }');
    writeFileSync(join(root, 'node_modules/legacy-http/index.js'), 'exports.Request = class Request {};\n');
    const model = buildContract({ root, serviceFiles: ['src/audit.ts'], operations: ['src/audit.ts#recordRequest'] });
    expect(model.blockers).toEqual([
      {
        kind: 'unsupported-type',
        operation: 'recordRequest',
        file: 'src/audit.ts',
        line: 4,
        message:
          'Parameter `request` of `recordRequest` is `Request`, a type TypeScript cannot see (its package has no types): install its types, or take plain data the contract can describe',
      },
    ]);
  }, 30_000);

  it("says to install the project's dependencies where the package is not installed at all", () => {
    const root = join(import.meta.dirname, '../../../fixtures/extract/contract-untyped');
    const model = buildContract({ root, serviceFiles: ['src/ledger.ts'], operations: ['src/ledger.ts#seedLedger'] });
    expect(model.blockers.map((b) => b.message)).toEqual([
      "Parameter `dataSource` of `seedLedger` is `DataSource`, a type TypeScript cannot see (its package ledger-orm is not installed): install the project's dependencies, then run extract again",
    ]);
  }, 30_000);
});
