import {
  receiverName,
  stringValue,
  unwrap,
  type AnyNode,
  type DataDetector,
  type FoundAccess,
  type LazyNode,
} from '../types.ts';

// Calls that change rows; every other method called on a table handle counts as a read.
const WRITES = new Set([
  'insert',
  'insertMany',
  'update',
  'updateMany',
  'upsert',
  'delete',
  'deleteMany',
  'del',
  'remove',
  'truncate',
  'increment',
  'decrement',
  'save',
  'clear',
  'restore',
]);
// Knex's own query starters: `.from('t')` and `.into('t')` name a table only after one of these (so `Buffer.from('x')`
// does not).
const QUERY_VERBS = new Set([
  'select',
  'insert',
  'update',
  'del',
  'delete',
  'count',
  'first',
  'pluck',
  'sum',
  'avg',
  'min',
  'max',
  'distinct',
  'increment',
  'decrement',
  'truncate',
]);
// Callables that take a table name: `knex('orders')`, `db('orders')`, `trx('orders')`, also as `this.knex(...)`.
const BUILDERS = new Set(['knex', 'db', 'trx', 'this.knex', 'this.db', 'this.trx']);
const NOT_TABLES = new Set(['console']);
// Knex's alias form names the table first: `knex('employee as emp')`, `.from('time_log AS tl')`.
const tableOf = (node: AnyNode | undefined) => stringValue(node)?.replace(/\s+as\s+[\w$]+\s*$/i, '');
// A chain names its table in a string literal: `knex('t')`, `db.table<T>('t')`, `.from('t')`. Matching the quote first
// and looking behind it keeps `Array.from(items)` and `db(config)` from getting the whole file walked.
const TABLE_CALL = String.raw`\(\s*['"\`](?<=(?:\.(?:table|from|into)|(?<![\w$])(?:knex|db|trx))(?:<[^>()]*>)?\(\s*['"\`])`;

/**
 * Where a chain of calls starts: a table named right there, or a name whose table is only known at the end of the file.
 */
type Root = { table: string } | { helper: string } | { variable: string };

interface Chain {
  root: Root;
  /** The methods called on the handle, outermost first. */
  methods: string[];
}

/**
 * Knex-style builders and table handles: `knex('orders').where(...).update(...)`, `knex.select().from('orders')`,
 * `db.table<Order>('orders').insert(...)`, and a handle behind a helper in the same file:
 * `const orders = () => db.table('orders')` then `orders().find(...)`, or `const orders = db.table('orders')`.
 * A chain is one access: a write when any method in it is a known write, otherwise a read.
 */
export const queryBuilder: DataDetector = {
  name: 'query-builder',
  trigger: TABLE_CALL,
  create(context) {
    const helpers = new Map<string, string>();
    const variables = new Map<string, string>();
    const candidates: Array<{ chain: Chain; start: number; function: string | undefined }> = [];
    // Calls inside a chain start where the outermost does: only the outermost, seen first, is the access.
    const seen = new Set<number>();
    const declareHelper = (name: string, returned: AnyNode | null | undefined) => {
      const chain = returned && chainOf(returned);
      if (chain && 'table' in chain.root && chain.methods.length === 0) helpers.set(name, chain.root.table);
    };
    return {
      CallExpression(node) {
        if (seen.has(node.start)) return;
        seen.add(node.start);
        const chain = chainOf(node);
        // A bare handle (`db.table('t')`) reads or writes nothing by itself.
        if (chain && chain.methods.length > 0)
          candidates.push({ chain, start: node.start, function: context.functionName() });
      },
      VariableDeclarator(node) {
        if (node.id.type !== 'BindingIdentifier' || !node.init) return;
        const init = unwrap(node.init);
        if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')
          declareHelper(node.id.name, returnedBy(init));
        else {
          const chain = chainOf(init);
          if (chain && 'table' in chain.root && chain.methods.length === 0)
            variables.set(node.id.name, chain.root.table);
        }
      },
      Function(node) {
        if (node.type === 'FunctionDeclaration' && node.id) declareHelper(node.id.name, returnedBy(node));
      },
      finish() {
        for (const { chain, start, function: fn } of candidates) {
          const { root } = chain;
          const table =
            'table' in root ? root.table : 'helper' in root ? helpers.get(root.helper) : variables.get(root.variable);
          if (table === undefined) continue;
          const found: FoundAccess = {
            table,
            access: chain.methods.some((m) => WRITES.has(m)) ? 'write' : 'read',
            start,
            function: fn,
          };
          context.report(found);
        }
      },
    };
  },
};

/** The expression a function returns when its body is just that: `() => x` or `{ return x; }`. */
function returnedBy(
  fn: LazyNode<'ArrowFunctionExpression' | 'FunctionExpression' | 'FunctionDeclaration'>,
): AnyNode | undefined {
  const body = fn.body;
  // An arrow's expression body is the expression itself in oxc's lazy AST.
  if (body && body.type !== 'FunctionBody') return body;
  const only = body?.body.length === 1 ? body.body[0] : undefined;
  return only?.type === 'ReturnStatement' && only.argument ? only.argument : undefined;
}

/** Follows `a(...).b(...).c(...)` down to what it is called on; undefined when that is no table handle. */
function chainOf(start: AnyNode): Chain | undefined {
  const methods: string[] = [];
  let current = unwrap(start);
  while (true) {
    if (current.type === 'IdentifierReference')
      return methods.length > 0 ? { root: { variable: current.name }, methods } : undefined;
    if (current.type !== 'CallExpression') return undefined;
    const callee = unwrap(current.callee);
    const args = current.arguments;
    const builder = receiverName(callee);
    if (builder !== undefined && BUILDERS.has(builder)) {
      const table = tableOf(args[0]);
      return table === undefined ? undefined : { root: { table }, methods };
    }
    if (callee.type === 'IdentifierReference') return { root: { helper: callee.name }, methods };
    if (callee.type !== 'StaticMemberExpression') return undefined;
    const method = callee.property.name;
    const table = args.length === 1 ? tableOf(args[0]) : undefined;
    if (table !== undefined && method === 'table' && !NOT_TABLES.has(receiverName(callee.object) ?? ''))
      return { root: { table }, methods };
    if (table !== undefined && (method === 'from' || method === 'into')) {
      const inner = startedQuery(callee.object);
      if (inner) return { root: { table }, methods: [...methods, ...inner] };
    }
    methods.push(method);
    current = unwrap(callee.object);
  }
}

/**
 * The methods of `knex.select('id')` or `trx.insert(row)` before a `.from('t')`/`.into('t')`; undefined when it is no
 * query.
 */
function startedQuery(node: AnyNode): string[] | undefined {
  const methods: string[] = [];
  let current = unwrap(node);
  while (current.type === 'CallExpression') {
    const callee = unwrap(current.callee);
    if (callee.type !== 'StaticMemberExpression') break;
    methods.push(callee.property.name);
    current = unwrap(callee.object);
  }
  const root = receiverName(current);
  return (root !== undefined && BUILDERS.has(root)) || methods.some((m) => QUERY_VERBS.has(m)) ? methods : undefined;
}
