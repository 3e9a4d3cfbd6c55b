import type { DataModel } from '@seams/graph';

const MODEL = /^[ \t]*model[ \t]+(\w+)[ \t]*\{([^}]*)\}/gm;
const MAP = /^[ \t]*@@map\(\s*(?:name:\s*)?"([^"]+)"/m;

/**
 * The models of a Prisma schema, each declared under the name the client uses for it (the delegate:
 * `model OrderItem` is `prisma.orderItem`) and mapped to its table: the `@@map` name, else the model name.
 */
export function schemaModels(from: string, text: string): DataModel[] {
  const models: DataModel[] = [];
  for (const match of text.matchAll(MODEL)) {
    const model = match[1]!;
    const line = text.slice(0, match.index).split('\n').length;
    const table = MAP.exec(match[2]!)?.[1] ?? model;
    models.push({ from, line, name: model[0]!.toLowerCase() + model.slice(1), table, detector: 'prisma' });
  }
  return models;
}
