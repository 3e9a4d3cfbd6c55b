import type { DataAccess } from '@seams/graph';
import type { AnyNode, LazyNode, VisitedNode } from '../ast/lazy-ast.ts';

export type { AnyNode, LazyNode };
export { stringValue } from '../ast/node-values.ts';

/** What a detector reports: an access at a source offset, in the function enclosing it then. */
export interface FoundAccess {
  table: string;
  access: DataAccess['access'];
  start: number;
  function: string | undefined;
  /** Lines below the one of `start` (a statement inside a multi-line template literal). */
  lineOffset?: number;
  /**
   * The name may not be a model (`User.findOne()` on an import, in a file that never names the ORM):
   * kept only when a declaration of the same detector, in any file, names it.
   */
  tentative?: boolean;
  /**
   * A Prisma nested write: the relation fields and operations from `table`'s model to the one written,
   * which the schema names (name-tables.ts); `table` is then the model called.
   */
  via?: Array<{ field: string; op: string }>;
}

/** A model, entity or schema that names a table: `@Entity('orders') class Order`, `mongoose.model('Order', s)`. */
export interface FoundModel {
  /** The name code uses for it: entity class, model name, Prisma delegate. */
  name: string;
  /** The database table or collection it maps to. */
  table: string;
  start: number;
  /** Names (of models, as code names them) its foreign keys point to: TypeORM relations, Sequelize associations. */
  references?: string[];
  /**
   * Only adds `references` to the model code calls `name`, declared elsewhere (a Sequelize association): `table` is
   * not known here, and the declaration is dropped when no model of that name is declared.
   */
  keysOnly?: boolean;
}

interface DetectorContext {
  /** The file's source, for the few text tests a detector makes once per file. */
  text: string;
  report(found: FoundAccess): void;
  /** Records a declaration: accesses anywhere that name `name` are then counted against `table`. */
  declare(model: FoundModel): void;
  /** The enclosing function during the walk: `name`, `Class.method`, or a const's name for an arrow. */
  functionName(): string | undefined;
}

/** Called while the AST is walked (parents before children), then `finish` once the whole file was seen. */
export interface DetectorHooks {
  CallExpression?(node: LazyNode<'CallExpression'>): void;
  VariableDeclarator?(node: LazyNode<'VariableDeclarator'>): void;
  Function?(node: VisitedNode<'Function'>): void;
  StringLiteral?(node: LazyNode<'StringLiteral'>): void;
  TemplateLiteral?(node: LazyNode<'TemplateLiteral'>): void;
  NewExpression?(node: LazyNode<'NewExpression'>): void;
  /** Class declarations and expressions, before their members. */
  Class?(node: VisitedNode<'Class'>): void;
  Decorator?(node: LazyNode<'Decorator'>): void;
  PropertyDefinition?(node: VisitedNode<'PropertyDefinition'>): void;
  /** A function's parameter list (`items`), where constructor parameter properties and their decorators are. */
  FormalParameters?(node: LazyNode<'FormalParameters'>): void;
  finish?(): void;
}

/** A data detector (one ORM, query builder or SQL style), like knip's plugins: a name, a cheap test, hooks. */
export interface DataDetector {
  name: string;
  /**
   * What the source text must contain for the detector to find anything (a regular expression's source, without
   * capturing groups). One scan of the text tries every detector's at once: a file matching none is not walked.
   */
  trigger: string;
  /** A closer test, run only on a text the trigger matched. */
  isEnabled?(text: string): boolean;
  /**
   * Statics of its models (`findOne`): a call of one on a class-like name (`User.findOne(`) enables the
   * detector too, in a file that never names its ORM. One scan per file serves every detector.
   */
  staticMethods?: readonly string[];
  /** Fresh hooks for one file; state kept in their closure lives for that file only. */
  create(context: DetectorContext): DetectorHooks;
}

/** Skips what does not change which value an expression is: parentheses, `await`, TS casts, `!`, `?.`. */
export function unwrap(node: AnyNode): AnyNode {
  let current = node;
  while (true) {
    switch (current.type) {
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        current = current.expression;
        break;
      case 'AwaitExpression':
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

/** `name` for `name` and `this.name`: the receivers detectors recognise by name. */
export function receiverName(node: AnyNode): string | undefined {
  const target = unwrap(node);
  if (target.type === 'IdentifierReference') return target.name;
  if (target.type === 'StaticMemberExpression' && target.object.type === 'ThisExpression')
    return `this.${target.property.name}`;
  return undefined;
}
