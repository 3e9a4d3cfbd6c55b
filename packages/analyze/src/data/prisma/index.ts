import { receiverName, unwrap, type AnyNode, type DataDetector } from '../types.ts';
import { nestedWrites } from './nested-writes.ts';

const WRITES = new Set([
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
]);
const READS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
]);
// The usual names of a PrismaClient besides those naming Prisma (`prismaService`, `this.prismaClient`);
// a transaction's client is added per file as its callback's parameter.
const CLIENTS = ['db', 'this.db'];
const NAMES_PRISMA = /prisma/i;

/**
 * Prisma Client: `prisma.<model>.<method>(...)`, also on `this.prisma` and on the `tx` of
 * `prisma.$transaction(async (tx) => ...)`. The table is the model's delegate as written (`orderItem`),
 * not the database table it maps to. Only Prisma's query methods count, so `prisma.$connect()` does not.
 * A write's nested writes (`data: { tagList: { connectOrCreate } }`) are reported with the relation path
 * they take; the tables step follows it through the schema's relations to the model written.
 */
export const prisma: DataDetector = {
  name: 'prisma',
  trigger: String.raw`prisma|\$transaction`,
  create(context) {
    const clients = new Set(CLIENTS);
    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== 'StaticMemberExpression') return;
        const method = callee.property.name;
        // Parents are visited first: the callback's parameter is a client before the calls inside it are seen.
        if (method === '$transaction') return void transactionClient(node.arguments[0], clients);
        const access = WRITES.has(method) ? 'write' : READS.has(method) ? 'read' : undefined;
        const model = unwrap(callee.object);
        if (!access || model.type !== 'StaticMemberExpression') return;
        const client = receiverName(model.object);
        if (
          client === undefined ||
          !(clients.has(client) || NAMES_PRISMA.test(client)) ||
          model.property.name.startsWith('$')
        )
          return;
        const table = model.property.name;
        const fn = context.functionName();
        context.report({ table, access, start: node.start, function: fn });
        if (access === 'write')
          for (const { via, start } of nestedWrites(method, node.arguments[0]))
            context.report({ table, access, start, function: fn, via });
      },
    };
  },
};

function transactionClient(callback: AnyNode | undefined, clients: Set<string>): void {
  const fn = callback && unwrap(callback);
  if (fn?.type !== 'ArrowFunctionExpression' && fn?.type !== 'FunctionExpression') return;
  const first = fn.params.items[0];
  if (first?.pattern.type === 'BindingIdentifier') clients.add(first.pattern.name);
}
