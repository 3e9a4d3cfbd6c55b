import { receiverName, unwrap, type AnyNode, type FoundAccess } from '../types.ts';

const WRITES = new Set([
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'recover',
  'increment',
  'decrement',
  'clear',
]);
// `create` and `merge` only build objects and `query` is raw SQL the sql detector reads: none of them is listed.
const READS = new Set([
  'find',
  'findOne',
  'findBy',
  'findOneBy',
  'findAndCount',
  'findAndCountBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findByIds',
  'count',
  'countBy',
  'exist',
  'exists',
  'existsBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'preload',
  'reload',
  'findTrees',
  'findRoots',
  'findDescendants',
  'findDescendantsTree',
  'findAncestors',
  'findAncestorsTree',
  'countDescendants',
  'countAncestors',
]);
const REPOSITORY_GETTERS = new Set(['getRepository', 'getTreeRepository', 'getMongoRepository']);
// A query builder reads or writes where it runs, so one built up over several statements is one access.
const BUILDER_RUNS = new Set([
  'execute',
  'getMany',
  'getOne',
  'getOneOrFail',
  'getRawMany',
  'getRawOne',
  'getCount',
  'getManyAndCount',
  'getRawAndEntities',
  'getExists',
  'stream',
]);
const BUILDER_WRITES = new Set(['insert', 'update', 'delete', 'softDelete', 'restore']);
// `.update(Order)`, `.insert().into(Order)`, `.delete().from(Order)`, `.select().from(Order, 'o')`.
const BUILDER_TARGETS = new Set(['update', 'into', 'from']);

export const MANAGER = { manager: true } as const;

/** What a chain of calls starts from; names and `this` are only known at the end of the file. */
export type Root =
  | { repository: string }
  /** An EntityManager or a DataSource: its methods take the entity first. */
  | typeof MANAGER
  /** Active record: the entity class itself, or an instance it created; tentative outside a file declaring entities. */
  | { entity: string; tentative?: boolean }
  | { name: string; start: number }
  | { self: number };

interface Call {
  method: string;
  args: AnyNode[];
}

export interface Chain {
  root: Root;
  /** The methods called, nearest the root first. */
  calls: Call[];
}

export type Access = Pick<FoundAccess, 'table' | 'access'>;

/** An entity class passed as a value: `Order` in `getRepository(Order)` or `manager.save(Order, o)`. */
export function entityName(node: AnyNode | undefined): string | undefined {
  const target = node && unwrap(node);
  return target?.type === 'IdentifierReference' && /^[A-Z]/.test(target.name) ? target.name : undefined;
}

/**
 * Follows `a.b(...).c(...)` down to what it starts from; undefined when that cannot be a repository, manager or entity.
 */
export function chainOf(start: AnyNode): Chain | undefined {
  const calls: Call[] = [];
  const done = (root: Root): Chain => ({ root, calls: calls.reverse() });
  let current = unwrap(start);
  while (true) {
    const name = receiverName(current);
    if (name !== undefined) return done({ name, start: current.start });
    if (current.type === 'ThisExpression') return done({ self: current.start });
    // `this.dataSource.manager`, `queryRunner.manager`, `repo.manager`.
    if (current.type === 'StaticMemberExpression')
      return current.property.name === 'manager' ? done(MANAGER) : undefined;
    if (current.type === 'NewExpression')
      return current.callee.type === 'IdentifierReference' && current.callee.name === 'DataSource'
        ? done(MANAGER)
        : undefined;
    if (current.type !== 'CallExpression') return undefined;
    const callee = unwrap(current.callee);
    const args = current.arguments;
    if (callee.type === 'IdentifierReference') {
      if (REPOSITORY_GETTERS.has(callee.name)) {
        const entity = entityName(args[0]);
        if (entity !== undefined) return done({ repository: entity });
      }
      // TypeORM 0.2's global `getManager()`; any other plain call is no handle.
      return callee.name === 'getManager' ? done(MANAGER) : undefined;
    }
    if (callee.type !== 'StaticMemberExpression') return undefined;
    const method = callee.property.name;
    const entity = REPOSITORY_GETTERS.has(method) ? entityName(args[0]) : undefined;
    if (entity !== undefined) return done({ repository: entity });
    calls.push({ method, args });
    current = unwrap(callee.object);
  }
}

/**
 * What a resolved chain does: an access, `'handle'` when it only yields a repository, manager, query builder or
 * unsaved instance (so a variable holding it is followed), or undefined for anything else.
 */
export function classify({ root, calls }: Chain): Access | 'handle' | undefined {
  if ('manager' in root) {
    const [first, ...rest] = calls;
    if (!first) return 'handle';
    if (first.method === 'createQueryBuilder') return builder(entityName(first.args[0]), rest);
    const entity = entityName(first.args[0]);
    return entity === undefined ? undefined : methodAccess(entity, first.method);
  }
  if ('repository' in root || 'entity' in root) {
    const table = 'repository' in root ? root.repository : root.entity;
    // `Invoice.create({...})` is an unsaved instance: its own `save()` or `remove()` is what writes.
    const own = 'entity' in root && calls[0]?.method === 'create' ? calls.slice(1) : calls;
    const [first, ...rest] = own;
    if (!first) return 'handle';
    return first.method === 'createQueryBuilder' ? builder(table, rest) : methodAccess(table, first.method);
  }
  return undefined;
}

function methodAccess(table: string, method: string): Access | undefined {
  return WRITES.has(method) ? { table, access: 'write' } : READS.has(method) ? { table, access: 'read' } : undefined;
}

function builder(entity: string | undefined, calls: Call[]): Access | 'handle' | undefined {
  if (!calls.some((call) => BUILDER_RUNS.has(call.method))) return 'handle';
  const table =
    entity ??
    calls
      .map((call) => (BUILDER_TARGETS.has(call.method) ? entityName(call.args[0]) : undefined))
      .find((name) => name !== undefined);
  return table === undefined
    ? undefined
    : { table, access: calls.some((call) => BUILDER_WRITES.has(call.method)) ? 'write' : 'read' };
}
