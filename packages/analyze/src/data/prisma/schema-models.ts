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
      name: delegate(model),
      table,
      detector: 'prisma',
      ...(references.length > 0 ? { references } : {}),
    };
  });
}

/** A relation field of a Prisma model, as nested writes through it need it. */
export interface PrismaRelation {
  /** The related model's delegate (`tag`). */
  target: string;
  /** The other side holds the foreign key: connecting a record here updates the related row. */
  targetHoldsKey: boolean;
  /** An implicit many-to-many's join table (`_ArticleToTag`, `_UserFavorites`), which every link writes. */
  joinTable?: string;
}

const FIELD = /^[ \t]*(\w+)[ \t]+(\w+)(\[\])?\??[ \t]*(.*)$/gm;
const RELATION_NAME = /@relation\(\s*(?:name:\s*)?"([^"]+)"/;

/** The relation fields of every model in a Prisma schema (all its files, joined), by `delegate.field`. */
export function schemaRelations(text: string): Map<string, PrismaRelation> {
  const bodies = new Map([...text.matchAll(MODEL)].map((match) => [match[1]!, match[2]!]));
  const fields = new Map(
    [...bodies].map(([model, body]) => [
      model,
      [...body.matchAll(FIELD)]
        .filter((field) => bodies.has(field[2]!))
        .map((field) => ({
          field: field[1]!,
          target: field[2]!,
          list: field[3] !== undefined,
          name: RELATION_NAME.exec(field[4]!)?.[1],
          holdsKey: /@relation\([^)\n]*\bfields:/.test(field[4]!),
        })),
    ]),
  );
  const relations = new Map<string, PrismaRelation>();
  for (const [model, own] of fields) {
    for (const relation of own) {
      // The other side: the field of the target pointing back under the same relation name (not itself).
      const opposite = fields
        .get(relation.target)!
        .find((other) => other.target === model && other.name === relation.name && other !== relation);
      const manyToMany = relation.list && opposite?.list === true;
      relations.set(`${delegate(model)}.${relation.field}`, {
        target: delegate(relation.target),
        targetHoldsKey: opposite?.holdsKey === true,
        ...(manyToMany ? { joinTable: `_${relation.name ?? [model, relation.target].sort().join('To')}` } : {}),
      });
    }
  }
  return relations;
}

function delegate(model: string): string {
  return model[0]!.toLowerCase() + model.slice(1);
}
