import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, test } from 'vitest';
import { createLazyVisitor, type AnyNode, type LazyHandlers } from '../src/ast/lazy-ast.ts';

/*
 * The contract behind src/ast/lazy-ast.ts: for every node type the detectors read, the lazy AST's fields agree with
 * oxc's standard (ESTree) AST of the same source. A node is compared by its children's kind, span, name and value,
 * so an oxc upgrade that renames a type, moves a field or reshapes a node fails here rather than silently in a
 * detector.
 */

// The ESTree type each lazy type name stands for.
const ESTREE: Record<string, string> = {
  IdentifierReference: 'Identifier',
  IdentifierName: 'Identifier',
  BindingProperty: 'Property',
  BindingIdentifier: 'Identifier',
  StringLiteral: 'Literal',
  BooleanLiteral: 'Literal',
  NumericLiteral: 'Literal',
  NullLiteral: 'Literal',
  StaticMemberExpression: 'MemberExpression',
  ComputedMemberExpression: 'MemberExpression',
  PrivateFieldExpression: 'MemberExpression',
  ObjectProperty: 'Property',
  FunctionBody: 'BlockStatement',
};

// The fields detectors and walkers read, by lazy node type.
const FIELDS: Record<string, string[]> = {
  CallExpression: ['callee', 'arguments'],
  NewExpression: ['callee', 'arguments'],
  StaticMemberExpression: ['object', 'property'],
  IdentifierReference: ['name'],
  IdentifierName: ['name'],
  BindingIdentifier: ['name'],
  PrivateIdentifier: ['name'],
  StringLiteral: ['value'],
  BooleanLiteral: ['value'],
  TemplateLiteral: ['quasis', 'expressions'],
  ObjectExpression: ['properties'],
  ObjectProperty: ['key', 'value', 'computed'],
  ArrayExpression: ['elements'],
  VariableDeclarator: ['id', 'init'],
  AssignmentExpression: ['left', 'right'],
  LogicalExpression: ['right'],
  BinaryExpression: ['operator', 'left', 'right'],
  AwaitExpression: ['argument'],
  ParenthesizedExpression: ['expression'],
  TSAsExpression: ['expression'],
  TSNonNullExpression: ['expression'],
  ChainExpression: ['expression'],
  FunctionDeclaration: ['id', 'params', 'body', 'typeParameters'],
  FunctionExpression: ['id', 'params', 'body', 'typeParameters'],
  ArrowFunctionExpression: ['params', 'body'],
  FunctionBody: ['body'],
  ReturnStatement: ['argument'],
  ClassDeclaration: ['id', 'decorators', 'body', 'typeParameters'],
  ClassExpression: ['id', 'decorators', 'body', 'typeParameters'],
  ClassBody: ['body'],
  MethodDefinition: ['key', 'value', 'decorators'],
  PropertyDefinition: ['key', 'value', 'decorators', 'typeAnnotation'],
  AccessorProperty: ['key', 'decorators'],
  Decorator: ['expression'],
  TSTypeAnnotation: ['typeAnnotation'],
  TSTypeReference: ['typeName', 'typeArguments'],
  TSTypeParameterInstantiation: ['params'],
  TSTypeParameterDeclaration: ['params'],
  TSTypeParameter: ['name'],
  ImportDeclaration: ['source', 'specifiers'],
  ImportSpecifier: ['local'],
  ImportExpression: ['source'],
  SpreadElement: ['argument'],
  ObjectPattern: ['properties'],
  BindingProperty: ['key', 'computed'],
  TSImportType: ['source', 'qualifier'],
  TSImportEqualsDeclaration: ['id', 'moduleReference'],
  TSExternalModuleReference: ['expression'],
};

type Plain = Record<string, unknown>;

const isNode = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && typeof (value as Plain).type === 'string';

/** A child as a detector sees it: its (ESTree) kind, span, and name or value when it has one. */
function summary(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(summary);
  if (!isNode(value)) return value;
  const type = ESTREE[value.type as string] ?? (value.type as string);
  return {
    type,
    start: value.start,
    // A typed binding's ESTree span takes in its annotation (`repo: Repo`); detectors read its start and name.
    ...(type === 'Identifier' ? {} : { end: value.end }),
    ...(typeof value.name === 'string' ? { name: value.name } : {}),
    ...(typeof value.value === 'string' || typeof value.value === 'boolean' ? { value: value.value } : {}),
  };
}

/** The lazy node's fields, with oxc's own shapes read the way detectors read them. */
function lazyView(node: AnyNode): Plain {
  const plain = node as unknown as Plain;
  const view: Plain = {};
  for (const field of FIELDS[node.type] ?? []) {
    const value = plain[field];
    if (field === 'params' && isNode(value) && value.type === 'FormalParameters') {
      // `FormalParameters`: each item's binding, decorators and type, where ESTree has the binding itself.
      view.params = (value.items as Plain[]).map((item) => ({
        name: (item.pattern as Plain).name,
        decorators: summary(item.decorators),
      }));
    } else if (field === 'quasis')
      view.quasis = (value as Array<{ value: { cooked: string } }>).map((q) => q.value.cooked);
    // `import 'x'` has null specifiers where ESTree has an empty list (the adapter's type says so).
    else if (field === 'specifiers') view.specifiers = summary(value ?? []);
    else view[field] = summary(value);
  }
  return view;
}

/** The same fields of the standard node: the contract says they agree. */
function standardView(lazyType: string, node: Plain): Plain {
  const view: Plain = {};
  for (const field of FIELDS[lazyType] ?? []) {
    const value = node[field];
    if (field === 'params' && !lazyType.startsWith('TSTypeParameter')) {
      // `constructor(private repo: Repo)` is a TSParameterProperty around the binding in ESTree.
      view.params = (value as Plain[]).map((param) => {
        // A default value (`limit = 10`) is an AssignmentPattern around it; oxc keeps it apart as `initializer`.
        const inner = param.type === 'TSParameterProperty' ? (param.parameter as Plain) : param;
        const binding = inner.type === 'AssignmentPattern' ? (inner.left as Plain) : inner;
        return { name: binding.name, decorators: summary(param.decorators ?? []) };
      });
    } else if (field === 'quasis')
      view.quasis = (value as Array<{ value: { cooked: string } }>).map((q) => q.value.cooked);
    // The lazy ObjectPattern does not list its rest element (the adapter's type says so).
    else if (lazyType === 'ObjectPattern')
      view.properties = summary((value as Plain[]).filter((property) => property.type !== 'RestElement'));
    else view[field] = summary(value ?? (field === 'decorators' ? [] : null));
  }
  return view;
}

/** Every node of the standard AST by `type start end`. */
function indexStandard(program: unknown): Map<string, Plain> {
  const nodes = new Map<string, Plain>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const node = value as Plain & Partial<{ start: number; end: number }>;
    if (typeof node.type === 'string') {
      nodes.set(`${node.type} ${String(node.start)} ${String(node.end)}`, node);
      if (node.type === 'Identifier') nodes.set(`Identifier ${String(node.start)}`, node);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'parent') visit(child);
  };
  visit(program);
  return nodes;
}

/** Walks the lazy AST with a handler for each visitor key and compares every node it reaches with the standard one. */
function compare(path: string, text: string): { compared: Set<string>; mismatches: unknown[] } {
  const lang = path.endsWith('.ts') ? 'ts' : 'jsx';
  const standard = indexStandard(parseSync(path, text, { lang, preserveParens: true }).program);
  const lazy = parseSync(path, text, { lang, experimentalLazy: true } as never) as unknown as {
    visit(visitor: unknown): void;
    dispose(): void;
  };
  const compared = new Set<string>();
  const mismatches: unknown[] = [];
  const check = (node: AnyNode) => {
    compared.add(node.type);
    const estreeType = ESTREE[node.type] ?? node.type;
    const other =
      standard.get(`${estreeType} ${node.start} ${node.end}`) ??
      (estreeType === 'Identifier' ? standard.get(`Identifier ${node.start}`) : undefined);
    if (!other) return void mismatches.push({ missing: `${node.type} ${node.start}-${node.end}` });
    const [mine, theirs] = [lazyView(node), standardView(node.type, other)];
    if (JSON.stringify(mine) !== JSON.stringify(theirs))
      mismatches.push({ type: node.type, lazy: mine, standard: theirs });
  };
  const keys = [
    ...Object.keys(FIELDS).filter((type) => !/^(?:Function|Class)(?:Declaration|Expression)$/.test(type)),
    'Function',
    'Class',
  ];
  const handlers = Object.fromEntries(keys.map((key) => [key, check])) as LazyHandlers;
  try {
    lazy.visit(createLazyVisitor(handlers));
  } finally {
    lazy.dispose();
  }
  return { compared, mismatches };
}

const SHAPES = `
import express, { Router as R } from 'express';
import './side-effect';
@Entity({ name: 'orders' })
export class Order extends BaseEntity {
  @ManyToOne(() => User) user!: User;
  @Column() accessor total = 0;
  #secret = 1;
  constructor(@InjectRepository(Order) private readonly repo: Repository<Order>, private em: EntityManager) { super(); }
  async find(id: string) { return (await this.repo.findOneBy({ id }))!; }
  'quoted'() { return this.#secret; }
}
const orders = () => db.table<Order>('orders');
const q = \`SELECT * FROM \${schema}.orders WHERE id = $1\`;
module.exports.purge = function purge() { return knex('orders').where({ ok: true }).del(); };
const Model = mongoose.models.Order || mongoose.model('Order', new Schema({}, { collection: 'orders' }));
const routes = require('./routes'); app.use('/v1', routes); import('./lazy'); app.get(opts.prefix + '/x');
const maybe = user?.profile.name as string; const flag = true;
export default [{ path: '/users', route: R() }];
function page(limit = 10) { return limit; }
const { a, 'b': bee, ...others } = require('./x');
module.exports = { ...require('./y'), a };
type T = import('./types').Order;
import fs = require('fs');
const Anonymous = class {};
abstract class CrudService<T extends object> { constructor(protected repo: Repository<T>) {} }
function countAll<E>(repo: Repository<E>) { return repo.count(); }
`;

describe('the lazy AST adapter matches oxc standard AST', () => {
  test('on a source that has every shape detectors read', () => {
    const { compared, mismatches } = compare('shapes.ts', SHAPES);
    expect(mismatches).toEqual([]);
    // The walk reached the node types the adapter declares, so a renamed type would show up as one missing here.
    expect([...compared].sort()).toEqual(Object.keys(FIELDS).sort());
  });

  const fixtures = join(import.meta.dirname, '../../../fixtures');
  const sources = ['data', 'entry-points', 'commonjs'].flatMap((folder) =>
    readdirSync(join(fixtures, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.[jt]s$/.test(file))
      .map((file) => join(folder, file)),
  );
  test.each(sources)('on the detector fixture %s', (file) => {
    expect(compare(file, readFileSync(join(fixtures, file), 'utf8')).mismatches).toEqual([]);
  });
});
