import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataModel } from '@seams/graph';
import { schemaModels as prismaModels } from './data/prisma/schema-models.ts';
import { schemaModels as sqlModels } from './data/sql/schema-models.ts';

// A bigger .sql file is a data dump, not a schema.
const MAX_SCHEMA_BYTES = 1024 * 1024;

/** The models declared by database schema files. Read on every run: they are few and small, and not source to cache. */
export function readDataSchemas(root: string, schemas: readonly string[]): DataModel[] {
  return schemas.flatMap((path) => {
    try {
      if (statSync(join(root, path)).size > MAX_SCHEMA_BYTES) return [];
      return (path.endsWith('.prisma') ? prismaModels : sqlModels)(path, readFileSync(join(root, path), 'utf8'));
    } catch {
      // An unreadable schema only loses its table names; the accesses are still counted as the code names them.
      return [];
    }
  });
}
