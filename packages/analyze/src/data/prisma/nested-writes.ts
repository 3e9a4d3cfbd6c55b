import { unwrap, type AnyNode, type LazyNode } from '../types.ts';

type Property = LazyNode<'ObjectProperty'>;

/** One step into a relation: the field of the model reached so far, and the nested operation on it. */
interface NestedStep {
  field: string;
  op: string;
}

/** A nested write as the code shows it: the steps from the called model; the schema names the models later. */
export interface NestedWrite {
  via: NestedStep[];
  start: number;
}

// Prisma's nested operations on a relation field, and where each keeps the data of the related record.
const NESTED_DATA: Record<string, readonly string[] | 'self'> = {
  create: 'self',
  createMany: ['data'],
  connectOrCreate: ['create'],
  upsert: ['create', 'update'],
  update: ['data'],
  updateMany: ['data'],
  delete: [],
  deleteMany: [],
  connect: [],
  disconnect: [],
  set: [],
};
// Where the top-level call keeps its data: `prisma.article.create({ data })`, `upsert({ create, update })`.
const TOP_DATA: Record<string, readonly string[]> = {
  create: ['data'],
  createMany: ['data'],
  createManyAndReturn: ['data'],
  update: ['data'],
  updateMany: ['data'],
  updateManyAndReturn: ['data'],
  upsert: ['create', 'update'],
};
// A relation nested in a relation nested in a call is already rare; deeper is data, not structure.
const MAX_DEPTH = 4;

/**
 * The nested writes in a Prisma write call's argument: `article.create({ data: { tagList: { connectOrCreate:
 * ... } } })` gives `tagList`/`connectOrCreate`. Only object literals are followed: data built elsewhere and
 * passed in is not seen (its relations are not in the call).
 */
export function nestedWrites(method: string, argument: AnyNode | undefined): NestedWrite[] {
  const found: NestedWrite[] = [];
  for (const data of dataIn(argument, TOP_DATA[method] ?? [])) visitData(data, [], found);
  return found;
}

function visitData(data: AnyNode, path: NestedStep[], found: NestedWrite[]): void {
  if (path.length >= MAX_DEPTH) return;
  for (const property of properties(data)) {
    const field = keyOf(property);
    const relation = field === undefined ? undefined : unwrap(property.value);
    if (field === undefined || relation?.type !== 'ObjectExpression') continue;
    for (const nested of properties(relation)) {
      const op = keyOf(nested);
      const where = op === undefined ? undefined : NESTED_DATA[op];
      if (op === undefined || where === undefined) continue;
      const steps = [...path, { field, op }];
      found.push({ via: steps, start: nested.start });
      const value = unwrap(nested.value);
      const records = where === 'self' ? elements(value) : dataIn(value, where);
      for (const record of records) visitData(record, steps, found);
    }
  }
}

/** The object literals under the given keys of an object literal (each, when an array of them). */
function dataIn(node: AnyNode | undefined, keys: readonly string[]): AnyNode[] {
  const object = node && unwrap(node);
  if (object?.type !== 'ObjectExpression') return [];
  return properties(object)
    .filter((property) => keys.includes(keyOf(property) ?? ''))
    .flatMap((property) => elements(unwrap(property.value)));
}

function elements(node: AnyNode): AnyNode[] {
  if (node.type === 'ObjectExpression') return [node];
  if (node.type !== 'ArrayExpression') return [];
  return node.elements.flatMap((element) => {
    const value = element && unwrap(element);
    return value?.type === 'ObjectExpression' ? [value] : [];
  });
}

function properties(object: AnyNode): Property[] {
  if (object.type !== 'ObjectExpression') return [];
  return object.properties.filter((property) => property.type === 'ObjectProperty');
}

function keyOf(property: Property): string | undefined {
  const key = property.key;
  if (property.computed) return undefined;
  return key.type === 'IdentifierName' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
}
