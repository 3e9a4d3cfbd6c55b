import { unwrap, type AnyNode, type DataDetector, type LazyNode } from '../types.ts';
import { chainOf, classify, entityName, MANAGER, type Chain, type Root } from './chain.ts';
import { entityReferences, entityTable } from './entity.ts';

const REPOSITORY_TYPES = new Set(['Repository', 'MongoRepository', 'TreeRepository']);
const MANAGER_TYPES = new Set(['EntityManager', 'DataSource']);
// The usual names of a DataSource or EntityManager; typed, injected and transaction ones are added per file.
const MANAGERS = new Set(
  ['manager', 'entityManager', 'em', 'dataSource', 'ds', 'appDataSource']
    .flatMap((name) => [name, `this.${name}`])
    .concat('AppDataSource'),
);

/** A name's value from some offset on; `chain` undefined when it is known to be something else. */
interface Binding {
  start: number;
  chain: Chain | undefined;
}

/**
 * TypeORM: entity declarations (`@Entity('orders') class Order`, the table defaulting to the class name in
 * snake_case), and calls on what is known to be a repository or an entity manager: `ds.getRepository(Order)`,
 * `@InjectRepository(Order)` or `Repository<Order>` parameters and properties, a variable holding either,
 * `manager.save(Order, o)` also in `dataSource.transaction(async (manager) => ...)`, and query builders, which
 * count where they run (`getMany`, `execute`), as a write when `update`/`insert`/`delete` is in the chain.
 * The table reported is the entity class as the code names it; its declaration, maybe in another file, maps it.
 *
 * Active record: the lazy AST shows neither `extends BaseEntity` nor imports, so static calls on a class
 * (`Invoice.find()`) count in a file declaring an entity, where a TypeScript class answering `find` is one
 * extending BaseEntity; elsewhere they are tentative (a `User.find()` is as likely Mongoose's): they count only
 * if some file declares an entity of that name. `this.save()` counts inside an entity class.
 * Custom repositories (`extends Repository<Order>`) go unseen for the same reason.
 */
export const typeorm: DataDetector = {
  name: 'typeorm',
  // `Entity(`: an entity declared through a project's own decorator, in a file that never names TypeORM.
  trigger: 'typeorm|getRepository|InjectRepository|Repository<|EntityManager|Entity\\(',
  // Statics only TypeORM's BaseEntity has: an entity imported into a file that never names TypeORM.
  staticMethods: [
    'findBy',
    'findOneBy',
    'findOneByOrFail',
    'findAndCountBy',
    'countBy',
    'existsBy',
    'sum',
    'average',
    'minimum',
    'maximum',
  ],
  create(context) {
    const bindings = new Map<string, Binding[]>();
    const entities: Array<{ name: string; start: number; end: number }> = [];
    const candidates: Array<{ chain: Chain; start: number; function: string | undefined }> = [];
    const transactions: Array<{ receiver: Chain; manager: string; start: number }> = [];
    // `class CrudService<T>` with a `Repository<T>`: T stands for each subclass's entity, no table of its own.
    const typeParameters = new Set<string>();
    const addTypeParameters = (node: { typeParameters?: LazyNode<'TSTypeParameterDeclaration'> | null }) => {
      for (const parameter of node.typeParameters?.params ?? []) typeParameters.add(parameter.name.name);
    };
    // Calls inside a chain start where the outermost does: only the outermost, seen first, is the access.
    const seen = new Set<number>();
    const bind = (name: string, start: number, chain: Chain | undefined) =>
      (bindings.get(name) ?? bindings.set(name, []).get(name)!).push({ start, chain });
    const bindHandle = (name: string, start: number, root: Root) => bind(name, start, { root, calls: [] });

    // The nearest binding before `at`; the first one for a use above it (a property declared below its methods).
    const bindingAt = (bound: Binding[], at: number) => {
      let found: Binding | undefined;
      for (const binding of bound) if (binding.start <= at && (!found || binding.start >= found.start)) found = binding;
      return (found ?? bound[0]!).chain;
    };
    const resolve = (chain: Chain, depth = 0): Chain | undefined => {
      const { root, calls } = chain;
      if ('self' in root) {
        const entity = entities.findLast((e) => e.start <= root.self && root.self < e.end);
        return entity && { root: { entity: entity.name }, calls };
      }
      if (!('name' in root)) return chain;
      const bound = bindings.get(root.name);
      if (bound) {
        const value = bindingAt(bound, root.start);
        const handle = value && depth < 8 ? resolve(value, depth + 1) : undefined;
        return handle && classify(handle) === 'handle'
          ? { root: handle.root, calls: [...handle.calls, ...calls] }
          : undefined;
      }
      if (MANAGERS.has(root.name)) return { root: MANAGER, calls };
      if (/^[A-Z]/.test(root.name))
        return { root: { entity: root.name, ...(entities.length > 0 ? {} : { tentative: true }) }, calls };
      return undefined;
    };

    return {
      Function: addTypeParameters,
      Class(node) {
        addTypeParameters(node);
        const table = entityTable(node);
        if (table === undefined || !node.id) return;
        const name = node.id.name;
        context.declare({ name, table, start: node.start, references: entityReferences(node) });
        entities.push({ name, start: node.start, end: node.end });
      },
      PropertyDefinition(node) {
        if (node.key.type !== 'IdentifierName') return;
        const root = injected(node);
        if (root) bindHandle(`this.${node.key.name}`, node.start, root);
        else if (node.value) bind(`this.${node.key.name}`, node.start, chainOf(node.value));
      },
      FormalParameters(node) {
        for (const param of node.items) {
          const pattern = param.pattern;
          if (pattern.type !== 'BindingIdentifier') continue;
          const name = pattern.name;
          const root = injected(param);
          // An untyped parameter is what its name usually is, and hides a same-named handle of another function.
          const value = root ?? (MANAGERS.has(name) ? MANAGER : undefined);
          bind(name, pattern.start, value && { root: value, calls: [] });
          if (root) bindHandle(`this.${name}`, pattern.start, root);
        }
      },
      VariableDeclarator(node) {
        if (node.id.type === 'BindingIdentifier')
          bind(node.id.name, node.start, node.init ? chainOf(node.init) : undefined);
      },
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type === 'StaticMemberExpression' && callee.property.name === 'transaction') {
          const receiver = chainOf(callee.object);
          const manager = firstParam(node.arguments.at(-1));
          if (receiver && manager) transactions.push({ receiver, manager: manager.name, start: manager.start });
        }
        if (seen.has(node.start)) return;
        seen.add(node.start);
        const chain = chainOf(node);
        if (chain) candidates.push({ chain, start: node.start, function: context.functionName() });
      },
      finish() {
        // In source order, so a transaction nested in another one's callback sees that one's manager.
        for (const { receiver, manager, start } of transactions) {
          const resolved = resolve(receiver);
          if (resolved && 'manager' in resolved.root && resolved.calls.length === 0)
            bindHandle(manager, start, MANAGER);
        }
        for (const { chain, start, function: fn } of candidates) {
          const resolved = resolve(chain);
          const found = resolved && classify(resolved);
          const tentative = resolved && 'entity' in resolved.root && resolved.root.tentative;
          if (found && found !== 'handle' && !typeParameters.has(found.table))
            context.report({ ...found, start, function: fn, ...(tentative ? { tentative } : {}) });
        }
      },
    };
  },
};

/**
 * What `@InjectRepository(Order)`, `@InjectEntityManager()` or a `Repository<Order>`/`EntityManager` type makes a
 * parameter or property.
 */
function injected(node: {
  decorators: ReadonlyArray<LazyNode<'Decorator'>>;
  typeAnnotation?: LazyNode<'TSTypeAnnotation'> | null;
}): Root | undefined {
  for (const decorator of node.decorators) {
    const call = unwrap(decorator.expression);
    if (call.type !== 'CallExpression' || call.callee.type !== 'IdentifierReference') continue;
    const name = call.callee.name;
    const entity = name === 'InjectRepository' ? entityName(call.arguments[0]) : undefined;
    if (entity !== undefined) return { repository: entity };
    if (name === 'InjectEntityManager' || name === 'InjectDataSource') return MANAGER;
  }
  const type = node.typeAnnotation?.typeAnnotation;
  if (type?.type !== 'TSTypeReference' || type.typeName.type !== 'IdentifierReference') return undefined;
  if (MANAGER_TYPES.has(type.typeName.name)) return MANAGER;
  const argument = type.typeArguments?.params[0];
  const entity =
    REPOSITORY_TYPES.has(type.typeName.name) &&
    argument?.type === 'TSTypeReference' &&
    argument.typeName.type === 'IdentifierReference'
      ? argument.typeName.name
      : undefined;
  return entity === undefined ? undefined : { repository: entity };
}

/** The first parameter of a callback, when it is a plain name: the transaction's entity manager. */
function firstParam(callback: AnyNode | undefined): LazyNode<'BindingIdentifier'> | undefined {
  const fn = callback && unwrap(callback);
  if (fn?.type !== 'ArrowFunctionExpression' && fn?.type !== 'FunctionExpression') return undefined;
  const first = fn.params.items[0];
  return first?.pattern.type === 'BindingIdentifier' ? first.pattern : undefined;
}
