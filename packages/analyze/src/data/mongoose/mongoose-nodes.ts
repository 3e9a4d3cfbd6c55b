import { receiverName, stringValue, unwrap, type AnyNode, type LazyNode } from '../types.ts';

// The usual names of a Mongoose connection or a driver `Db`, also as `this.` properties (Nest's `@InjectConnection()`).
const CONNECTIONS = new Set(['connection', 'conn', 'db', 'this.connection', 'this.conn', 'this.db']);

/**
 * Where a model's collection comes from: the schema's `collection` option, a Nest `@Schema` class, or a schema
 * variable.
 */
export type SchemaRef = { collection: string | undefined } | { forClass: string } | { variable: string };

/**
 * `mongoose.model('Order', schema)`, `connection.model(...)` or `model(...)`: the model name, and whether it declares
 * or looks one up.
 */
export function modelCall(
  call: LazyNode<'CallExpression'>,
): { name: string; declares: boolean; bare: boolean } | undefined {
  const callee = unwrap(call.callee);
  const bare = callee.type === 'IdentifierReference' && callee.name === 'model';
  const owned =
    callee.type === 'StaticMemberExpression' &&
    callee.property.name === 'model' &&
    (receiverName(callee.object) === 'mongoose' || isConnection(callee.object));
  const name = bare || owned ? stringValue(call.arguments[0]) : undefined;
  return name === undefined ? undefined : { name, declares: call.arguments.length >= 2, bare };
}

/**
 * What a schema expression says about its collection: `new Schema(fields, { collection })` or
 * `SchemaFactory.createForClass(Order)`.
 */
export function schemaOf(node: AnyNode): SchemaRef | undefined {
  if (node.type === 'IdentifierReference') return { variable: node.name };
  if (node.type === 'NewExpression' && calleeName(node) === 'Schema')
    return { collection: stringOption(node.arguments[1], 'collection') };
  if (node.type !== 'CallExpression') return undefined;
  const callee = unwrap(node.callee);
  const owner = node.arguments[0] && unwrap(node.arguments[0]);
  if (
    callee.type === 'StaticMemberExpression' &&
    callee.property.name === 'createForClass' &&
    owner?.type === 'IdentifierReference'
  )
    return { forClass: owner.name };
  return undefined;
}

/** `db.collection('orders')` on a connection or driver `Db`: the collection's name. */
export function collectionHandle(node: AnyNode): string | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const callee = unwrap(node.callee);
  if (
    callee.type !== 'StaticMemberExpression' ||
    callee.property.name !== 'collection' ||
    !isDatabase(unwrap(callee.object))
  )
    return undefined;
  return node.arguments.length === 1 ? stringValue(node.arguments[0]) : undefined;
}

/** A Mongoose connection (`connection`, `this.db`, `mongoose.connection`) by its usual names. */
function isConnection(node: AnyNode): boolean {
  const target = unwrap(node);
  if (CONNECTIONS.has(receiverName(target) ?? '')) return true;
  return (
    target.type === 'StaticMemberExpression' &&
    target.property.name === 'connection' &&
    receiverName(target.object) === 'mongoose'
  );
}

/** What `.collection(name)` is called on: a connection, its `.db`, or the driver's `client.db('shop')`. */
function isDatabase(node: AnyNode): boolean {
  if (isConnection(node)) return true;
  if (node.type === 'StaticMemberExpression') return node.property.name === 'db' && isConnection(node.object);
  const callee = node.type === 'CallExpression' ? unwrap(node.callee) : undefined;
  return (
    callee?.type === 'StaticMemberExpression' &&
    callee.property.name === 'db' &&
    receiverName(callee.object) !== undefined
  );
}

/** `@InjectModel(Order.name)` or `@InjectModel('Order')` among decorators: the model name. */
export function injectedModel(decorators: ReadonlyArray<LazyNode<'Decorator'>>): string | undefined {
  for (const decorator of decorators) {
    const call = unwrap(decorator.expression);
    if (call.type === 'CallExpression' && calleeName(call) === 'InjectModel') return modelName(call.arguments[0]);
  }
  return undefined;
}

/** `'Order'` or `Order.name`; a bare class (`@InjectModel(Order)`) is Sequelize's, not Mongoose's. */
export function modelName(node: AnyNode | undefined): string | undefined {
  const target = node && unwrap(node);
  if (
    target?.type === 'StaticMemberExpression' &&
    target.property.name === 'name' &&
    target.object.type === 'IdentifierReference'
  )
    return target.object.name;
  return stringValue(target);
}

/** `Schema` for `Schema(...)`, `new Schema(...)` and `new mongoose.Schema(...)`. */
export function calleeName(node: LazyNode<'CallExpression' | 'NewExpression'>): string | undefined {
  const callee = unwrap(node.callee);
  return callee.type === 'IdentifierReference'
    ? callee.name
    : callee.type === 'StaticMemberExpression'
      ? callee.property.name
      : undefined;
}

/** The value of the plain (not computed) property `name` of an object literal. */
export function propertyOf(object: LazyNode<'ObjectExpression'>, name: string): AnyNode | undefined {
  for (const property of object.properties)
    if (
      property.type === 'ObjectProperty' &&
      !property.computed &&
      property.key.type === 'IdentifierName' &&
      property.key.name === name
    )
      return property.value;
  return undefined;
}

/** The string option `name` of an object literal argument: `{ collection: 'orders' }`. */
export function stringOption(node: AnyNode | undefined, name: string): string | undefined {
  const options = node && unwrap(node);
  return options?.type === 'ObjectExpression' ? stringValue(propertyOf(options, name)) : undefined;
}
