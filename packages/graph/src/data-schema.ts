import { z } from 'zod';

/** One place where a file reads or writes a table (or collection), as a detector saw it. */
export const DataAccess = z.object({
  from: z.string().describe('The file, relative to the graph root'),
  line: z.number().int().describe('1-based line of the access'),
  table: z.string().describe('Table or collection as the code names it (Prisma model, entity, collection, SQL table)'),
  access: z.enum(['read', 'write']),
  detector: z.string().describe('Which detector saw it: prisma, typeorm, sequelize, mongoose, query-builder, sql'),
  function: z.string().optional().describe('The enclosing function or method, when there is one: transactions spanning services are found by it'),
});

export type DataAccess = z.infer<typeof DataAccess>;
