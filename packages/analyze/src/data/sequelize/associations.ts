import { memberName } from '../../ast/node-values.ts';
import { stringValue, unwrap, type AnyNode, type DataDetector } from '../types.ts';

const ASSOCIATIONS = ['belongsTo', 'hasOne', 'hasMany', 'belongsToMany'] as const;
type Association = (typeof ASSOCIATIONS)[number];

/**
 * Sequelize associations as foreign keys: `Note.belongsTo(User)` puts the key on Note's table, `User.hasOne(Profile)`
 * and `User.hasMany(Note)` on the target's, and `Note.belongsToMany(Tag, { through })` on the join table, which holds
 * keys to both. Models are named as code names them: `User`, `models.User`, `db.sequelize.models.User`, `this` in a
 * class's `static associate`. A declaration made here only names the model whose table holds the key (`keysOnly`):
 * the tables step adds its references to that model's own declaration, and drops it when no Sequelize model of that
 * name is declared, so a `hasMany` of some other library adds nothing. A `through` given as a string is a model
 * Sequelize defines itself, with that string as its table.
 */
export const sequelizeAssociations: DataDetector = {
  name: 'sequelize',
  // Only a file calling one of the four (cheap: no file without `.hasMany(` and the like is walked for it).
  trigger: String.raw`\.(?:belongsTo|belongsToMany|hasOne|hasMany)\(`,
  create(context) {
    const classes: Array<{ name: string; start: number; end: number }> = [];
    return {
      Class(node) {
        if (node.id) classes.push({ name: node.id.name, start: node.start, end: node.end });
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
