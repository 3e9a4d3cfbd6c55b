import type { DataModel } from '@seams/graph';

const MODEL = /^[ \t]*model[ \t]+(\w+)[ \t]*\{([^}]*)\}/gm;
const MAP = /^[ \t]*@@map\(\s*(?:name:\s*)?"([^"]+)"/m;
// A field holding the foreign key: `team Team @relation(fields: [teamID], references: [id])`.
const RELATION = /^[ \t]*\w+[ \t]+(\w+)\??[ \t]+[^\n]*@relation\([^)\n]*\bfields:/gm;

/**
 * The models of a Prisma schema, each declared under the name the client uses for it (the delegate:
 * `model OrderItem` is `prisma.orderItem`) and mapped to its table: the `@@map` name, else the model
 * name. A relation whose `fields` this model holds is a foreign key to the other model's table.
 */
export function schemaModels(from: string, text: string): DataModel[] {
  const found = [...text.matchAll(MODEL)].map((match) => ({
    model: match[1]!,
    body: match[2]!,
    line: text.slice(0, match.index).split('\n').length,
    table: MAP.exec(match[2]!)?.[1] ?? match[1]!,
  }));
  const tableOf = new Map(found.map(({ model, table }) => [model, table]));
  return found.map(({ model, body, line, table }) => {
    // A model in another file of a multi-file schema keeps its own name, the default table name.
    const references = [
      ...new Set([...body.matchAll(RELATION)].map((relation) => tableOf.get(relation[1]!) ?? relation[1]!)),
    ].filter((target) => target !== table);
    return {
      from,
      line,
      name: model[0]!.toLowerCase() + model.slice(1),
      table,
      detector: 'prisma',
      ...(references.length > 0 ? { references } : {}),
    };
  });
}
