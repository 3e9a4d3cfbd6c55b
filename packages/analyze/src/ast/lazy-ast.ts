import type * as E from '@oxc-project/types';
import * as oxc from 'oxc-parser';

/*
 * oxc-parser's lazy (raw-transfer) AST, typed with oxc's own node types from @oxc-project/types.
 *
 * Its nodes are built on demand from the parser's buffer, so a walk that reads a few fields of a few node types
 * costs a fraction of a full deserialisation. Their fields are the ones @oxc-project/types declares for oxc's
 * ESTree form, but their `type` is oxc's Rust name (`StaticMemberExpression` where ESTree says `MemberExpression`,
 * `IdentifierReference` for `Identifier`, `StringLiteral` for `Literal`), and a few nodes keep oxc's own shape
 * (a function's `params` is a `FormalParameters` node). oxc-parser ships the lazy API untyped, so this module is the
 * one place that states what a lazy node is: `LazyNode<'CallExpression'>` has the fields of `E.CallExpression`, with
 * `type: 'CallExpression'` and every child a lazy node itself. The contract test
 * (packages/analyze/test/lazy-ast-contract.test.ts) parses real sources both ways and checks the fields detectors
 * read agree with oxc's standard AST, so an oxc upgrade that changes a shape fails there, not in a detector.
 */

/** What each lazy node type stands for among oxc's ESTree node types. */
interface Shapes {
  IdentifierName: E.IdentifierName;
  IdentifierReference: E.IdentifierReference;
  BindingIdentifier: E.BindingIdentifier;
  PrivateIdentifier: E.PrivateIdentifier;
  ThisExpression: E.ThisExpression;
  StringLiteral: E.StringLiteral;
  BooleanLiteral: E.BooleanLiteral;
  NumericLiteral: E.NumericLiteral;
  NullLiteral: E.NullLiteral;
  TemplateLiteral: E.TemplateLiteral;
  TemplateElement: E.TemplateElement;
  CallExpression: E.CallExpression;
  NewExpression: E.NewExpression;
  StaticMemberExpression: E.StaticMemberExpression;
  ComputedMemberExpression: E.ComputedMemberExpression;
  PrivateFieldExpression: E.PrivateFieldExpression;
  ArrayExpression: E.ArrayExpression;
  ObjectExpression: E.ObjectExpression;
  ObjectProperty: E.ObjectProperty;
  SpreadElement: E.SpreadElement;
  AssignmentExpression: E.AssignmentExpression;
  LogicalExpression: E.LogicalExpression;
  BinaryExpression: E.BinaryExpression;
  ConditionalExpression: E.ConditionalExpression;
  AwaitExpression: E.AwaitExpression;
  ParenthesizedExpression: E.ParenthesizedExpression;
  ChainExpression: E.ChainExpression;
  TSAsExpression: E.TSAsExpression;
  TSSatisfiesExpression: E.TSSatisfiesExpression;
  TSNonNullExpression: E.TSNonNullExpression;
  TSTypeAssertion: E.TSTypeAssertion;
  ImportExpression: E.ImportExpression;
  ImportDeclaration: E.ImportDeclaration;
  ImportSpecifier: E.ImportSpecifier;
  ImportDefaultSpecifier: E.ImportDefaultSpecifier;
  ImportNamespaceSpecifier: E.ImportNamespaceSpecifier;
  FunctionDeclaration: E.Function;
  FunctionExpression: E.Function;
  TSDeclareFunction: E.Function;
  TSEmptyBodyFunctionExpression: E.Function;
  ArrowFunctionExpression: E.ArrowFunctionExpression;
  FunctionBody: E.FunctionBody;
  FormalParameters: FormalParameters;
  ReturnStatement: E.ReturnStatement;
  ExpressionStatement: E.ExpressionStatement;
  VariableDeclarator: E.VariableDeclarator;
  ClassDeclaration: E.Class;
  ClassExpression: E.Class;
  ClassBody: E.ClassBody;
  MethodDefinition: E.MethodDefinition;
  TSAbstractMethodDefinition: E.MethodDefinition;
  PropertyDefinition: E.PropertyDefinition;
  TSAbstractPropertyDefinition: E.PropertyDefinition;
  AccessorProperty: E.AccessorProperty;
  Decorator: E.Decorator;
  TSTypeAnnotation: E.TSTypeAnnotation;
  TSTypeReference: E.TSTypeReference;
  TSQualifiedName: E.TSQualifiedName;
  TSTypeParameterInstantiation: E.TSTypeParameterInstantiation;
  TSTypeParameterDeclaration: E.TSTypeParameterDeclaration;
  TSTypeParameter: E.TSTypeParameter;
  ObjectPattern: E.ObjectPattern;
  BindingProperty: E.BindingProperty;
  BindingRestElement: E.BindingRestElement;
  TSImportType: E.TSImportType;
  TSImportEqualsDeclaration: E.TSImportEqualsDeclaration;
  TSExternalModuleReference: E.TSExternalModuleReference;
  Program: E.Program;
}

/**
 * A function's parameter list as the lazy AST keeps it (oxc's own node; ESTree has a plain array). Its `items` have
 * no `type`: `pattern` is the binding (without its default value, which ESTree wraps in an AssignmentPattern),
 * beside the parameter's decorators and type.
 */
interface FormalParameters extends E.Span {
  type: 'FormalParameters';
  items: Array<{ decorators: E.Decorator[]; pattern: E.BindingPattern; typeAnnotation: E.TSTypeAnnotation | null }>;
}

/** Fields whose lazy shape differs from ESTree's. */
interface Overrides {
  FunctionDeclaration: FunctionFields;
  FunctionExpression: FunctionFields;
  TSDeclareFunction: FunctionFields;
  TSEmptyBodyFunctionExpression: FunctionFields;
  // An arrow's expression body is the expression itself; a block body is a `FunctionBody`.
  ArrowFunctionExpression: { readonly params: LazyNode<'FormalParameters'> };
  // `import 'x'` has no specifiers: null rather than an empty list.
  ImportDeclaration: { readonly specifiers: Array<View<E.ImportDeclarationSpecifier>> | null };
  // `{ a, ...rest }`: the rest element is not among the properties (nor anywhere the lazy node exposes).
  ObjectPattern: { readonly properties: Array<LazyNode<'BindingProperty'>> };
}
interface FunctionFields {
  readonly params: LazyNode<'FormalParameters'>;
  readonly body: LazyNode<'FunctionBody'> | null;
}

type Name = keyof Shapes;
type Own<K extends Name> = K extends keyof Overrides ? Overrides[K] : unknown;

/** The lazy node of type `K`: the fields of its ESTree interface (minus any overridden), children lazy too. */
export type LazyNode<K extends Name = Name> = K extends Name
  ? { readonly type: K } & {
      readonly [F in Exclude<keyof Shapes[K], 'type' | 'parent' | 'range' | keyof Own<K>>]: View<Shapes[K][F]>;
    } & Own<K>
  : never;

/** A field's value as a lazy node has it: a node becomes every lazy node type that stands for one of its types. */
type View<V> = V extends E.Node
  ? LazyOf<V>
  : V extends ReadonlyArray<infer U>
    ? Array<View<U>>
    : V extends { decorators: E.Decorator[]; pattern: E.BindingPattern }
      ? { readonly [F in keyof V]: View<V[F]> }
      : V;
type LazyOf<V> = { [K in Name]: Shapes[K] extends V ? LazyNode<K> : never }[Name];

/** Lazy nodes of any type this module knows, for a value a detector has not narrowed yet. */
export type AnyNode = LazyNode;

/** The nodes a visitor key reaches: oxc names a few visitor keys for several node types. */
type Visited = { [K in Name]: LazyNode<K> } & {
  Function: LazyNode<
    'FunctionDeclaration' | 'FunctionExpression' | 'TSDeclareFunction' | 'TSEmptyBodyFunctionExpression'
  >;
  Class: LazyNode<'ClassDeclaration' | 'ClassExpression'>;
  MethodDefinition: LazyNode<'MethodDefinition' | 'TSAbstractMethodDefinition'>;
  PropertyDefinition: LazyNode<'PropertyDefinition' | 'TSAbstractPropertyDefinition'>;
};
type VisitKey = Exclude<
  keyof Visited,
  'ClassDeclaration' | 'ClassExpression' | 'FunctionDeclaration' | 'FunctionExpression'
>;

/** The nodes a visitor key reaches (`Function`: every function but arrows; `Class`: declarations and expressions). */
export type VisitedNode<K extends VisitKey> = Visited[K];

/** Handlers by lazy visitor key, on entering a node or (`Key:exit`) leaving it. */
export type LazyHandlers = { [K in VisitKey]?: (node: Visited[K]) => void } & {
  [K in VisitKey as `${K}:exit`]?: (node: Visited[K]) => void;
};

/** A visitor built once from handlers and reused for every file (building one costs more than a small file's walk). */
export interface LazyVisitor {
  readonly lazyVisitor: true;
}

/** A parse result in lazy mode, as far as walking it goes. */
export interface LazyProgram {
  /** The root node, for a walk that enters only some nodes (visit-around.ts). */
  readonly program: object;
  visit(visitor: LazyVisitor): void;
}

// The lazy visitor ships in oxc-parser's JS but not yet in its type declarations.
const { experimentalGetLazyVisitor } = oxc as unknown as {
  experimentalGetLazyVisitor: () => new (handlers: object) => LazyVisitor;
};

/** A visitor that calls only `handlers`: node types with none are never built. */
export function createLazyVisitor(handlers: LazyHandlers): LazyVisitor {
  const Visitor = experimentalGetLazyVisitor();
  return new Visitor(handlers);
}
