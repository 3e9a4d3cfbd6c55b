import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataModel } from '@seams/graph';
import { schemaModels as prismaModels, schemaRelations, type PrismaRelation } from './data/prisma/schema-models.ts';
import { applySql, sqlModels, type SqlSchema } from './data/sql/schema-models.ts';

// A bigger .sql file is a data dump, not a schema.
const MAX_SCHEMA_BYTES = 1024 * 1024;

export interface DataSchemas {
  models: DataModel[];
  /** The relation fields of the Prisma schema, which name the models nested writes reach. */
  relations: Map<string, PrismaRelation>;
}

/**
 * The models declared by database schema files: Prisma schemas, and SQL schemas and migrations applied
 * in path order (the order the tools run migrations in), so what a later migration drops or renames is
 * gone. Read on every run: they are few and small, and not source to cache.
 */
export function readDataSchemas(root: string, schemas: readonly string[]): DataSchemas {
  // Discovery lists them sorted: migration folders and files named by timestamp come in the order they ran.
  const prisma: DataModel[] = [];
  const prismaTexts: string[] = [];
  const sql: SqlSchema = new Map();
  for (const path of schemas) {
    const text = read(join(root, path));
    if (text === undefined) continue;
    if (path.endsWith('.prisma')) {
      prisma.push(...prismaModels(path, text));
      prismaTexts.push(text);
    } else applySql(sql, path, text);
  }
  // In the order of the files declaring them, as each file's own models are.
  const order = new Map(schemas.map((path, i) => [path, i]));
  const models = [...prisma, ...sqlModels(sql)].sort(
    (a, b) => order.get(a.from)! - order.get(b.from)! || a.line - b.line,
  );
  return { models, relations: schemaRelations(prismaTexts.join('\n')) };
}

function read(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_SCHEMA_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    // An unreadable schema only loses its table names; the accesses are still counted as the code names them.
    return undefined;
  }
}
