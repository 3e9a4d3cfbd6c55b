import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataModel } from '@seams/graph';
import { schemaModels } from './data/prisma/schema-models.ts';

/** The models declared by database schema files. Read on every run: they are few and small, and not source to cache. */
export function readDataSchemas(root: string, schemas: readonly string[]): DataModel[] {
  return schemas.flatMap((path) => {
    try {
      return schemaModels(path, readFileSync(join(root, path), 'utf8'));
    } catch {
      // An unreadable schema only loses its table names; the accesses are still counted as the code names them.
      return [];
    }
  });
}
