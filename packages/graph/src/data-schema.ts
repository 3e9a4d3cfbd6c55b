import { z } from 'zod';

/** One place where a file reads or writes a table (or collection), as a detector saw it. */
export const DataAccess = z.object({
  from: z.string().describe('The file, relative to the graph root'),
  line: z.number().int().describe('1-based line of the access'),
  table: z.string().describe('Table or collection as the code names it (Prisma model, entity, collection, SQL table)'),
  access: z.enum(['read', 'write']),
  detector: z
    .string()
    .describe('Which detector saw it: prisma, typeorm, sequelize, mongoose, query-builder, sql, slonik'),
  function: z
    .string()
    .optional()
    .describe('The enclosing function or method, when there is one: transactions spanning services are found by it'),
  model: z
    .string()
    .optional()
    .describe('The name the code used, when a model declaration maps it to the table named in `table`'),
  test: z
    .literal(true)
    .optional()
    .describe('In a test, fixture or mock file: left out of table ownership and the data signal'),
});

export type DataAccess = z.infer<typeof DataAccess>;

/** A model, entity or schema declaration that maps a name used in code to a table or collection. */
export const DataModel = z.object({
  from: z.string().describe('The file that declares it, relative to the graph root'),
  line: z.number().int().describe('1-based line of the declaration'),
  name: z.string().describe('The name code uses: entity class, model name, Prisma delegate'),
  table: z.string().describe('The table or collection it maps to'),
  detector: z.string().describe('Which detector saw it'),
  references: z
    .array(z.string())
    .optional()
    .describe(
      "Tables this one's foreign keys point to, where the declaration says (SQL schemas, Prisma relations, TypeORM relations, Sequelize associations)",
    ),
});

export type DataModel = z.infer<typeof DataModel>;

/** A data node: one table or collection, with what declares it. */
export const DataTable = z.object({
  name: z.string().describe('The table or collection name accesses are counted against'),
  models: z.array(DataModel).describe('Declarations mapping code names to it; empty when only accesses name it'),
});

export type DataTable = z.infer<typeof DataTable>;
