import type { ToNameAccess } from '../../facts.ts';
import type { PrismaRelation } from './schema-models.ts';

// Operations that link existing records: they write the row holding the foreign key, or the join table.
const LINKS = new Set(['connect', 'disconnect', 'set']);

/**
 * Nested writes named: each follows its relation path through the schema's relations to the tables it
 * writes. Creating, updating or deleting related records writes the related model (and an implicit
 * many-to-many's join table); linking writes the join table, or the related model when that side holds
 * the foreign key, and nothing else when the key is the calling model's own (already counted as its write).
 * A path the schema does not know (no schema.prisma analysed) is dropped: the model cannot be named.
 */
export function followNested(
  accesses: readonly ToNameAccess[],
  relations: ReadonlyMap<string, PrismaRelation>,
): ToNameAccess[] {
  return accesses.flatMap(({ via, ...access }) => {
    if (!via) return [access];
    let model = access.table;
    let relation: PrismaRelation | undefined;
    for (const step of via) {
      relation = relations.get(`${model}.${step.field}`);
      if (!relation) return [];
      model = relation.target;
    }
    const last = via.at(-1)!.op;
    const join = relation!.joinTable ? [relation!.joinTable] : [];
    const tables = LINKS.has(last)
      ? join.length > 0
        ? join
        : relation!.targetHoldsKey
          ? [model]
          : []
      : [model, ...join];
    return tables.map((table) => ({ ...access, table }));
  });
}
