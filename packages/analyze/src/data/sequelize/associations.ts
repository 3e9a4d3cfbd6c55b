import type { VisitedNode } from '../../ast/lazy-ast.ts';
import { memberName } from '../../ast/node-values.ts';
import { relatedEntity } from '../typeorm/entity.ts';
import { stringValue, unwrap, type AnyNode, type DataDetector, type FoundModel } from '../types.ts';

const ASSOCIATIONS = ['belongsTo', 'hasOne', 'hasMany', 'belongsToMany'] as const;
type Association = (typeof ASSOCIATIONS)[number];

/**
 * Sequelize associations as foreign keys: `Note.belongsTo(User)` puts the key on Note's table, `User.hasOne(Profile)`
 * and `User.hasMany(Note)` on the target's, and `Note.belongsToMany(Tag, { through })` on the join table, which holds
 * keys to both. Models are named as code names them: `User`, `models.User`, `db.sequelize.models.User`, `this` in a
 * class's `static associate`. A declaration made here only names the model whose table holds the key (`keysOnly`):
 * the tables step adds its references to that model's own declaration, and drops it when no Sequelize model of that
 * name is declared, so a `hasMany` of some other library adds nothing. A `through` given as a string is a model
 * Sequelize defines itself, with that string as its table. sequelize-typescript says the same with decorators on a
 * class's properties: `@ForeignKey(() => User)` and `@BelongsTo(() => User)` key the class, `@HasOne`/`@HasMany` the
 * target, `@BelongsToMany(() => Tag, () => NoteTag)` the join model.
 */
export const sequelizeAssociations: DataDetector = {
  name: 'sequelize',
  // Only a file calling one of the four or decorating with one (cheap: a file without `.hasMany(`, `@HasMany(` and
  // the like is not walked for it).
  trigger:
    String.raw`\.(?:belongsTo|belongsToMany|hasOne|hasMany)\(` +
    String.raw`|@(?:BelongsTo|BelongsToMany|HasOne|HasMany|ForeignKey)\(`,
  create(context) {
    const classes: Array<{ name: string; start: number; end: number }> = [];
    return {
      Class(node) {
        if (!node.id) return;
        classes.push({ name: node.id.name, start: node.start, end: node.end });
        for (const model of decoratedKeys(node, node.id.name)) context.declare(model);
      },
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== 'StaticMemberExpression') return;
        const kind = callee.property.name as Association;
        if (!ASSOCIATIONS.includes(kind)) return;
        const receiver = unwrap(callee.object);
        const source =
          receiver.type === 'ThisExpression'
            ? classes.findLast((c) => c.start <= node.start && node.start < c.end)?.name
            : modelName(receiver);
        const target = node.arguments[0] && modelName(unwrap(node.arguments[0]));
        if (source === undefined || target === undefined) return;
        const keys = (name: string, references: string[]) =>
          context.declare({ name, table: name, start: node.start, references, keysOnly: true });
        if (kind === 'belongsTo') keys(source, [target]);
        else if (kind === 'hasOne' || kind === 'hasMany') keys(target, [source]);
        else {
          const through = optionValue(node.arguments[1], 'through');
          const table = through && stringValue(through);
          // Sorted: both sides of a pair declare the same join table alike.
          if (table !== undefined)
            context.declare({ name: table, table, start: node.start, references: [source, target].sort() });
          else {
            const model = through && throughModel(through);
            if (model !== undefined) keys(model, [source, target]);
          }
        }
      },
    };
  },
};

/** `User`, `models.User`, `db.sequelize.models.User`, `sequelize.model('User')`: the model's name, as written. */
function modelName(node: AnyNode): string | undefined {
  if (node.type === 'IdentifierReference') return node.name;
  if (node.type === 'StaticMemberExpression') return node.property.name;
  if (node.type !== 'CallExpression') return undefined;
  const callee = unwrap(node.callee);
  return callee.type === 'StaticMemberExpression' && callee.property.name === 'model'
    ? stringValue(node.arguments[0])
    : undefined;
}

/** `through: NoteTag` or `through: { model: NoteTag }`: the join model's name. */
function throughModel(node: AnyNode): string | undefined {
  const value = unwrap(node);
  const model = value.type === 'ObjectExpression' ? optionValue(value, 'model') : value;
  return model && modelName(unwrap(model));
}

/** The value of a literal key of an options object (`{ through: 'NoteTags' }`). */
function optionValue(node: AnyNode | undefined, key: string): AnyNode | undefined {
  const object = node && unwrap(node);
  if (object?.type !== 'ObjectExpression') return undefined;
  for (const property of object.properties)
    if (property.type === 'ObjectProperty' && !property.computed && memberName(property.key) === key)
      return property.value;
  return undefined;
}

/** sequelize-typescript's association decorators on a model class's properties, as declarations of keys. */
function decoratedKeys(node: VisitedNode<'Class'>, source: string): FoundModel[] {
  const found: FoundModel[] = [];
  const keys = (name: string, references: string[], start: number) =>
    found.push({ name, table: name, start, references, keysOnly: true });
  for (const member of node.body.body) {
    if (member.type !== 'PropertyDefinition' && member.type !== 'AccessorProperty') continue;
    for (const decorator of member.decorators) {
      const call = unwrap(decorator.expression);
      if (call.type !== 'CallExpression' || call.callee.type !== 'IdentifierReference') continue;
      const target = relatedEntity(call.arguments[0]);
      if (target === undefined) continue;
      const kind = call.callee.name;
      if (kind === 'ForeignKey' || kind === 'BelongsTo') keys(source, [target], decorator.start);
      else if (kind === 'HasOne' || kind === 'HasMany') keys(target, [source], decorator.start);
      else if (kind === 'BelongsToMany') {
        const second = call.arguments[1] && unwrap(call.arguments[1]);
        const through = second?.type === 'ObjectExpression' ? optionValue(second, 'through') : second;
        const table = through && stringValue(through);
        const join = through && (relatedEntity(through) ?? throughModel(through));
        if (table !== undefined)
          found.push({ name: table, table, start: decorator.start, references: [source, target].sort() });
        else if (join !== undefined) keys(join, [source, target].sort(), decorator.start);
      }
    }
  }
  return found;
}
