import { BUILTIN_GLOBALS } from '../builtin-globals.ts';
import { receiverName, stringValue, unwrap, type AnyNode, type DataDetector, type FoundAccess } from '../types.ts';

const READS = new Set([
  'findAll',
  'findOne',
  'findByPk',
  'findAndCountAll',
  'findOrBuild',
  'count',
  'max',
  'min',
  'sum',
  'aggregate',
]);
// `build` only makes an unsaved instance; `findOrCreate` and `findCreateFind` insert when nothing is found.
const WRITES = new Set([
  'create',
  'bulkCreate',
  'update',
  'destroy',
  'upsert',
  'increment',
  'decrement',
  'truncate',
  'restore',
  'findOrCreate',
  'findCreateFind',
]);
// Globals whose static methods share names with a model's (`Object.create`, `Math.max`), and Sequelize's own base class
// and namespace.
const NOT_MODELS = new Set([
  ...BUILTIN_GLOBALS,
  'Proxy',
  'Atomics',
  'Intl',
  'WeakRef',
  'Function',
  'Iterator',
  'URL',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Model',
  'Sequelize',
]);

// The statics whose call enables the detector in a file that never names Sequelize.
const REGISTRY_STATICS = [
  'findAll',
  'findOne',
  'findByPk',
  'findAndCountAll',
  'findOrCreate',
  'count',
  'create',
  'bulkCreate',
  'update',
  'destroy',
  'upsert',
];

type Options = Map<string, AnyNode>;

/**
 * A static model call; one on a bare identifier (`User`) or on a registry's key (`registry.User`) is only known to
 * be a model once the whole file was seen.
 */
interface Candidate {
  access: FoundAccess;
  on: 'identifier' | 'registry' | 'model';
  /** The registry's binding, for `registry.User`. */
  registry?: string;
}

/**
 * Sequelize: model declarations (`sequelize.define('Order', attrs, { tableName })`, `class Order extends Model` with
 * `Order.init(attrs, { sequelize, tableName })`, sequelize-typescript's `@Table`) and static model calls
 * (`Order.findAll()`, `sequelize.models.Order.create()`, `sequelize.model('Order').destroy()`). The table reported is
 * the model name as the code writes it; declarations, possibly in another file, map it to its table.
 *
 * An identifier is a model when this file declares it, or else when it starts upper-case, is no global like
 * `Object` or `Math`, and is not bound here to anything else (a class without `init`, a function, a parameter,
 * an object or `new` value); together with the method list, that leaves imported models. In a file that never
 * mentions Sequelize (`const { Order } = require('../models')`), such an access is tentative: it counts only
 * if some file declares a Sequelize model of that name. Bindings are per file, not per scope. Instance calls
 * (`order.save()`, `order.destroy()`) are skipped: without types nothing says which model `order` is.
 */
export const sequelize: DataDetector = {
  name: 'sequelize',
  // Both spellings; and a static called on a model of a registry (`models.User.findOne(`), which the scan for
  // `User.findOne(` leaves out: the sequelize-cli `models/index.js` object, imported where Sequelize is never named.
  trigger: String.raw`equelize|[\w$]\.[A-Z][\w$]*\.(?:${REGISTRY_STATICS.join('|')})\(`,
  staticMethods: REGISTRY_STATICS,
  create(context) {
    const namesSequelize = /sequelize/i.test(context.text);
    // A file naming another ORM calls that ORM's models: no guess on its class-like names.
    const otherOrm = !namesSequelize && /mongoose|typeorm|prisma/i.test(context.text);
    const declared = new Set<string>();
    const locals = new Set<string>();
    const classes: Array<{ name: string; start: number; end: number }> = [];
    // `const OrderModel = sequelize.define('Order', ...)`: the variable, by where its define call starts.
    const aliases = new Map<number, string>();
    const candidates: Candidate[] = [];
    const declare = (name: string, table: string, start: number) => {
      declared.add(name);
      context.declare({ name, table, start });
    };
    return {
      Class(node) {
        const id = node.id;
        if (!id) return;
        locals.add(id.name);
        classes.push({ name: id.name, start: node.start, end: node.end });
        for (const decorator of node.decorators) {
          const expression = unwrap(decorator.expression);
          const call = expression.type === 'CallExpression' ? expression : undefined;
          const named = unwrap(call ? call.callee : expression);
          if (named.type !== 'IdentifierReference' || named.name !== 'Table') continue;
          const options = optionsOf(call?.arguments[0]);
          declare(id.name, tableOf(stringValue(options.get('modelName')) ?? id.name, options), id.start);
        }
      },
      Function(node) {
        if (node.type === 'FunctionDeclaration' && node.id) locals.add(node.id.name);
      },
      FormalParameters(node) {
        for (const item of node.items) if (item.pattern.type === 'BindingIdentifier') locals.add(item.pattern.name);
      },
      VariableDeclarator(node) {
        if (node.id.type !== 'BindingIdentifier' || !node.init) return;
        const init = unwrap(node.init);
        if (definedModel(init) !== undefined) aliases.set(init.start, node.id.name);
        else if (isPlainValue(init)) locals.add(node.id.name);
      },
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== 'StaticMemberExpression') return;
        const method = callee.property.name;
        const args = node.arguments;
        const name = definedModel(node);
        if (name !== undefined) {
          const table = tableOf(name, optionsOf(args[2]));
          declare(name, table, node.start);
          const alias = aliases.get(node.start);
          if (alias !== undefined && alias !== name) declare(alias, table, node.start);
          return;
        }
        if (method === 'init') return void initModel(callee.object, args, node.start);
        const access = WRITES.has(method) ? 'write' : READS.has(method) ? 'read' : undefined;
        if (!access) return;
        const model = unwrap(callee.object);
        const found: Omit<Candidate, 'access'> & { table: string | undefined } =
          model.type === 'IdentifierReference'
            ? { table: model.name, on: 'identifier' }
            : (registryKey(model, namesSequelize) ?? { table: registered(model), on: 'model' });
        const { table, ...on } = found;
        if (table !== undefined)
          candidates.push({ access: { table, access, start: node.start, function: context.functionName() }, ...on });
      },
      finish() {
        for (const { access, on, registry } of candidates) {
          const name = access.table;
          const classLike = /^[A-Z]/.test(name) && !NOT_MODELS.has(name);
          if (on === 'registry') {
            // `registry.User` where `registry` is no parameter or local value: an imported object of models.
            if (classLike && registry !== undefined && !locals.has(registry) && !otherOrm)
              context.report({ ...access, tentative: true });
            continue;
          }
          const sure = on === 'model' || declared.has(name);
          const imported = classLike && !locals.has(name);
          if (sure || (imported && namesSequelize)) context.report(access);
          else if (imported && !otherOrm) context.report({ ...access, tentative: true });
        }
      },
    };

    /** `Order.init(attrs, { sequelize, ... })`, or `this.init(...)` in a static method of the class. */
    function initModel(target: AnyNode, args: AnyNode[], start: number): void {
      const options = optionsOf(args[1]);
      // Sequelize's `init` requires the instance; other classes' `init` methods do not take it.
      if (!options.has('sequelize')) return;
      const receiver = unwrap(target);
      const name =
        receiver.type === 'ThisExpression'
          ? classes.findLast((c) => c.start <= start && start < c.end)?.name
          : receiver.type === 'IdentifierReference'
            ? receiver.name
            : undefined;
      if (name === undefined) return;
      const modelName = stringValue(options.get('modelName'));
      const table = tableOf(modelName ?? name, options);
      declare(name, table, start);
      // `sequelize.models` and `sequelize.model()` know it by its model name.
      if (modelName !== undefined && modelName !== name) declare(modelName, table, start);
    }
  },
};

/**
 * `x.define('Order', attributes, options?)` (how `sequelize.define` looks whatever the instance is called): `Order`.
 */
function definedModel(node: AnyNode): string | undefined {
  if (node.type !== 'CallExpression' || node.arguments.length < 2) return undefined;
  const callee = unwrap(node.callee);
  return callee.type === 'StaticMemberExpression' && callee.property.name === 'define'
    ? stringValue(node.arguments[0])
    : undefined;
}

/** Values that are certainly no model: a `const` holding one of these keeps an upper-case name from counting. */
function isPlainValue(node: AnyNode): boolean {
  return [
    'ObjectExpression',
    'ArrayExpression',
    'NewExpression',
    'ArrowFunctionExpression',
    'FunctionExpression',
    'ClassExpression',
    'StringLiteral',
    'NumericLiteral',
    'TemplateLiteral',
  ].includes(node.type);
}

/**
 * `registry.Order` on an identifier that a file naming Sequelize does not call `models` or `db` (those are the
 * sequelize-cli object, see `registered`): tentative, since only a model declared under that name says `registry`
 * holds models. A file that never names Sequelize gets `models.Order` and `db.Order` this way too, so that a Mongoose
 * app's `models.User.findOne()` stays out.
 */
function registryKey(
  node: AnyNode,
  namesSequelize: boolean,
): { table: string; on: 'registry'; registry: string } | undefined {
  if (node.type !== 'StaticMemberExpression') return undefined;
  const owner = unwrap(node.object);
  if (owner.type !== 'IdentifierReference') return undefined;
  if (namesSequelize && (owner.name === 'models' || owner.name === 'db')) return undefined;
  return { table: node.property.name, on: 'registry', registry: owner.name };
}

/**
 * The model name in `sequelize.models.Order`, `db.models.Order`, `models.Order`, `db.Order` (the object
 * sequelize-cli's `models/index.js` exports) and `sequelize.model('Order')`.
 */
function registered(node: AnyNode): string | undefined {
  if (node.type === 'StaticMemberExpression') {
    const owner = unwrap(node.object);
    const ownerName = owner.type === 'StaticMemberExpression' ? owner.property.name : receiverName(owner);
    const name = node.property.name;
    if (ownerName === 'models' || (ownerName === 'db' && /^[A-Z]/.test(name))) return name;
    return undefined;
  }
  if (node.type !== 'CallExpression') return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== 'StaticMemberExpression' || callee.property.name !== 'model') return undefined;
  // Mongoose has `mongoose.model('Order')` too: only an instance called after Sequelize counts.
  const owner = unwrap(callee.object);
  const ownerName = owner.type === 'StaticMemberExpression' ? owner.property.name : receiverName(owner);
  return ownerName !== undefined && /sequelize/i.test(ownerName) ? stringValue(node.arguments[0]) : undefined;
}

/** The literal keys of an options object (`{ tableName: 'orders' }`); empty for anything else. */
function optionsOf(node: AnyNode | undefined): Options {
  const options: Options = new Map();
  const object = node && unwrap(node);
  if (object?.type !== 'ObjectExpression') return options;
  for (const property of object.properties) {
    if (property.type !== 'ObjectProperty' || property.computed) continue;
    const key = keyName(property.key);
    if (key !== undefined) options.set(key, property.value);
  }
  return options;
}

/** A literal key's name: `a` or `'a'`. */
function keyName(key: AnyNode): string | undefined {
  if (key.type === 'StringLiteral') return key.value;
  return key.type === 'IdentifierName' ? key.name : undefined;
}

/**
 * `tableName`, else the model name itself under `freezeTableName`, else Sequelize's default: the name pluralised.
 * A `freezeTableName` given once for every model (`new Sequelize(url, { define: {...} })`) is in another file, so not
 * seen.
 */
function tableOf(modelName: string, options: Options): string {
  const tableName = stringValue(options.get('tableName'));
  if (tableName !== undefined) return tableName;
  const freeze = options.get('freezeTableName');
  return freeze?.type === 'BooleanLiteral' && freeze.value === true ? modelName : plural(modelName);
}

/**
 * Sequelize pluralises with the `inflection` package; these are its common English rules (`Order` -> `Orders`,
 * `Category` -> `Categories`, `Box` -> `Boxes`, an `s` kept), not its irregular words (`Person` -> `People`).
 */
function plural(word: string): string {
  if (/(?:[^aeiouy]|qu)y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:x|ch|ss|sh)$/i.test(word)) return `${word}es`;
  if (/s$/i.test(word)) return word;
  return `${word}s`;
}
