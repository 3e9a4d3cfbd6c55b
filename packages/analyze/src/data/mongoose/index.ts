import { BUILTIN_GLOBALS } from '../builtin-globals.ts';
import {
  receiverName,
  stringValue,
  unwrap,
  type AnyNode,
  type DataDetector,
  type FoundAccess,
  type LazyNode,
} from '../types.ts';
import { defaultCollection } from './default-collection.ts';
import {
  calleeName,
  collectionHandle,
  injectedModel,
  modelCall,
  modelName,
  propertyOf,
  schemaOf,
  stringOption,
  type SchemaRef,
} from './mongoose-nodes.ts';

const MODEL_READS = new Set([
  'find',
  'findOne',
  'findById',
  'countDocuments',
  'estimatedDocumentCount',
  'exists',
  'distinct',
  'aggregate',
  'where',
]);
const MODEL_WRITES = new Set([
  'create',
  'insertMany',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findByIdAndUpdate',
  'findOneAndDelete',
  'findByIdAndDelete',
  'findOneAndReplace',
  'findOneAndRemove',
  'findByIdAndRemove',
  'bulkWrite',
]);
// A document's own writes; `save` inserts a `new Order(...)` and updates a loaded one.
const DOCUMENT_WRITES = new Set(['save', 'deleteOne']);
// The statics that give back one document a later `doc.save()` writes.
const DOCUMENT_LOADS = new Set(['findOne', 'findById']);
const NATIVE_READS = new Set([
  'find',
  'findOne',
  'countDocuments',
  'estimatedDocumentCount',
  'distinct',
  'aggregate',
  'watch',
]);
const NATIVE_WRITES = new Set([
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'bulkWrite',
  'drop',
]);
// Globals and framework classes whose statics share a model method's name (`Object.create`, `NestFactory.create`).
const NOT_MODELS = new Set([...BUILTIN_GLOBALS, 'NestFactory', 'Observable']);
const MONGOOSE_MODULES = new Set(['mongoose', '@nestjs/mongoose']);
// Upper-case first and not all capitals: what an imported model is called, unlike `_`, `R` or `DB`.
const MODEL_LIKE = /^[A-Z]\w*[a-z]\w*$/;

/** `require('./x')`, or a property of what it returns (`require('./x').Order`). */
function isRequire(node: AnyNode): boolean {
  if (node.type === 'StaticMemberExpression') return isRequire(unwrap(node.object));
  const callee = node.type === 'CallExpression' ? unwrap(node.callee) : undefined;
  return callee?.type === 'IdentifierReference' && callee.name === 'require';
}

/** The model an access names; tentative when only a declaration elsewhere can tell it is one. */
interface ModelRef {
  name: string;
  tentative?: boolean;
}

interface Declaration {
  name: string;
  /** The collection named right there: `model(name, schema, 'orders')` or `forFeature([{ collection }])`. */
  collection: string | undefined;
  schema: SchemaRef | undefined;
  start: number;
  /**
   * `model(...)` called bare needs the file to import Mongoose. A `forFeature` entry named `Order.name` is the class's,
   * whose own file's `@Schema` declares it: only a collection known here adds anything, and a guess could contradict
   * it.
   */
  kind: 'model' | 'bare' | 'class';
}

/**
 * Mongoose: models declared with `mongoose.model('Order', schema)` (or `model`, `connection.model`), Nest's
 * `@Schema()` classes and `MongooseModule.forFeature`; reads and writes through model statics (`Order.find()`,
 * `this.orderModel.create()` on an `@InjectModel` property, `mongoose.model('Order').find()`), document saves
 * (`new Order(x).save()`, or a variable holding a new or loaded document in the same function), and the native
 * driver's `db.collection('orders').insertOne()`. A chain (`Order.find().sort().lean()`) is one access, decided by
 * the method called on the model.
 *
 * Accesses name the model as the code writes it; declarations, possibly in another file, map it to its collection.
 * An identifier is a model when this file assigns it a `model(...)`, or else when it looks like a class, is no
 * global like `Object`, and is bound here to nothing else: imported models. In a file that does not import
 * Mongoose (`const { User } = require('../models')`) such an access is tentative: it counts only if some file
 * declares a Mongoose model of that name. Bindings are per file, not per scope; documents are only followed
 * through variables within one function.
 */
export const mongoose: DataDetector = {
  name: 'mongoose',
  trigger: String.raw`mongo|\.collection\(`,
  staticMethods: [...MODEL_READS, ...MODEL_WRITES].filter((method) => method !== 'where'),
  create(context) {
    let importsMongoose = false;
    // A file naming another ORM calls that ORM's models: no guess on its class-like names.
    const otherOrm = /sequelize|typeorm|prisma/i.test(context.text);
    const locals = new Set<string>();
    /** Variables holding a model, by the start of the `model(...)` call that made it. */
    const modelVariables = new Map<string, number>();
    const schemas = new Map<string, SchemaRef>();
    const schemaClasses = new Map<string, { collection: string | undefined; start: number }>();
    const declarations: Declaration[] = [];
    /** `this.orderModel` -> 'Order', from `@InjectModel(Order.name)`. */
    const injected = new Map<string, string>();
    /** Variables holding one model's document, by function and name, to the model reference it came from. */
    const documents = new Map<string, string>();
    /** Variables holding a driver collection, to its name. */
    const handles = new Map<string, string>();
    // Which model an access names is only settled once every binding and import of the file was seen.
    const candidates: Array<{
      model: () => ModelRef | undefined;
      access: FoundAccess['access'];
      start: number;
      function: string | undefined;
    }> = [];

    const modelOf = (reference: string): ModelRef | undefined => {
      if (injected.has(reference)) return importsMongoose ? { name: injected.get(reference)! } : undefined;
      if (modelVariables.has(reference)) return { name: reference };
      const looksImported = MODEL_LIKE.test(reference) && !locals.has(reference) && !NOT_MODELS.has(reference);
      if (!looksImported || (!importsMongoose && otherOrm)) return undefined;
      return { name: reference, ...(importsMongoose ? {} : { tentative: true }) };
    };
    const candidate = (model: () => ModelRef | undefined, access: FoundAccess['access'], start: number) =>
      candidates.push({ model, access, start, function: context.functionName() });
    const documentKey = (name: string) => `${context.functionName() ?? ''}\0${name}`;
    const collectionOf = (schema: SchemaRef | undefined): string | undefined => {
      if (!schema) return undefined;
      if ('collection' in schema) return schema.collection;
      // `schemas` holds no variable references, so this looks one variable up, no further.
      if ('variable' in schema) return collectionOf(schemas.get(schema.variable));
      const owner = schemaClasses.get(schema.forClass);
      return owner && (owner.collection ?? defaultCollection(schema.forClass));
    };
    const injectFrom = (decorators: ReadonlyArray<LazyNode<'Decorator'>>, property: string | undefined) => {
      const name = injectedModel(decorators);
      if (name !== undefined && property !== undefined) injected.set(`this.${property}`, name);
    };

    return {
      StringLiteral(node) {
        if (MONGOOSE_MODULES.has(node.value)) importsMongoose = true;
      },
      VariableDeclarator(node) {
        if (node.id.type !== 'BindingIdentifier') return;
        const name = node.id.name;
        const init = node.init && unwrap(node.init);
        // `const Token = require('../models/token.model')` imports, as `import` does.
        if (!init || !isRequire(init)) locals.add(name);
        if (!init) return;
        // `mongoose.models.Order || mongoose.model('Order', schema)` keeps the model across hot reloads.
        const made = init.type === 'LogicalExpression' ? unwrap(init.right) : init;
        if (made.type === 'CallExpression' && modelCall(made)?.declares) modelVariables.set(name, made.start);
        const schema = init.type === 'IdentifierReference' ? undefined : schemaOf(init);
        if (schema) schemas.set(name, schema);
        const document = documentSource(init);
        if (document !== undefined) documents.set(documentKey(name), document);
        const handle = collectionHandle(init);
        if (handle !== undefined) handles.set(name, handle);
      },
      Function(node) {
        if (node.id) locals.add(node.id.name);
      },
      Class(node) {
        if (!node.id) return;
        const name = node.id.name;
        locals.add(name);
        for (const decorator of node.decorators) {
          const schema = unwrap(decorator.expression);
          if (schema.type !== 'CallExpression' || calleeName(schema) !== 'Schema') continue;
          schemaClasses.set(name, {
            collection: stringOption(schema.arguments[0], 'collection'),
            start: node.id.start,
          });
          break;
        }
      },
      FormalParameters(node) {
        for (const item of node.items) {
          if (item.pattern.type !== 'BindingIdentifier') continue;
          locals.add(item.pattern.name);
          injectFrom(item.decorators, item.pattern.name);
        }
      },
      PropertyDefinition(node) {
        injectFrom(node.decorators, node.key.type === 'IdentifierName' ? node.key.name : undefined);
      },
      CallExpression(node) {
        const made = modelCall(node);
        if (made?.declares) {
          const [, schema, collection] = node.arguments;
          declarations.push({
            name: made.name,
            collection: stringValue(collection),
            schema: schema && schemaOf(unwrap(schema)),
            start: node.start,
            kind: made.bare ? 'bare' : 'model',
          });
        }
        const callee = unwrap(node.callee);
        if (callee.type !== 'StaticMemberExpression') return;
        const method = callee.property.name;
        const target = unwrap(callee.object);
        if (method === 'forFeature' && receiverName(target) === 'MongooseModule')
          return void declarations.push(...featuresOf(node.arguments[0]));

        const collection =
          collectionHandle(target) ?? (target.type === 'IdentifierReference' ? handles.get(target.name) : undefined);
        if (collection !== undefined) {
          const access = NATIVE_WRITES.has(method) ? 'write' : NATIVE_READS.has(method) ? 'read' : undefined;
          if (access)
            context.report({ table: collection, access, start: node.start, function: context.functionName() });
          return;
        }

        const access = MODEL_WRITES.has(method) ? 'write' : MODEL_READS.has(method) ? 'read' : undefined;
        if (access) {
          const lookup = target.type === 'CallExpression' ? modelCall(target) : undefined;
          if (lookup && !lookup.declares)
            candidate(() => (lookup.bare && !importsMongoose ? undefined : { name: lookup.name }), access, node.start);
          const reference = receiverName(target);
          if (reference !== undefined) candidate(() => modelOf(reference), access, node.start);
        }
        if (DOCUMENT_WRITES.has(method)) {
          const reference =
            target.type === 'NewExpression'
              ? receiverName(target.callee)
              : target.type === 'IdentifierReference'
                ? documents.get(documentKey(target.name))
                : undefined;
          if (reference !== undefined) candidate(() => modelOf(reference), 'write', node.start);
        }
      },
      finish() {
        const seen = new Set<string>();
        const declare = (name: string, table: string, start: number) => {
          if (seen.has(`${name}\0${table}`)) return;
          seen.add(`${name}\0${table}`);
          context.declare({ name, table, start });
        };
        if (importsMongoose)
          for (const [name, { collection, start }] of schemaClasses)
            declare(name, collection ?? defaultCollection(name), start);
        for (const { name, collection, schema, start, kind } of declarations) {
          if (kind === 'bare' && !importsMongoose) continue;
          const table = collection ?? collectionOf(schema) ?? (kind === 'class' ? undefined : defaultCollection(name));
          if (table === undefined) continue;
          declare(name, table, start);
          for (const [variable, made] of modelVariables) if (made === start) declare(variable, table, start);
        }
        for (const { model, access, start, function: fn } of candidates) {
          const ref = model();
          if (ref !== undefined)
            context.report({
              table: ref.name,
              access,
              start,
              function: fn,
              ...(ref.tentative ? { tentative: true } : {}),
            });
        }
      },
    };

    /** `new Order(x)` or `await Order.findById(id)`: the model reference the variable's document belongs to. */
    function documentSource(init: AnyNode): string | undefined {
      if (init.type === 'NewExpression') return receiverName(init.callee);
      if (init.type !== 'CallExpression') return undefined;
      const callee = unwrap(init.callee);
      return callee.type === 'StaticMemberExpression' && DOCUMENT_LOADS.has(callee.property.name)
        ? receiverName(callee.object)
        : undefined;
    }

    function featuresOf(list: AnyNode | undefined): Declaration[] {
      const array = list && unwrap(list);
      if (array?.type !== 'ArrayExpression') return [];
      return array.elements.flatMap((element) => {
        const entry = element && unwrap(element);
        if (entry?.type !== 'ObjectExpression') return [];
        const named = propertyOf(entry, 'name');
        const name = modelName(named);
        if (name === undefined) return [];
        const schema = propertyOf(entry, 'schema');
        const kind = stringValue(named) === undefined ? ('class' as const) : ('model' as const);
        return [
          {
            name,
            collection: stringValue(propertyOf(entry, 'collection')),
            schema: schema && schemaOf(unwrap(schema)),
            start: entry.start,
            kind,
          },
        ];
      });
    }
  },
};
