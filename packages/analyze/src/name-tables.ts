import type { DataAccess, DataModel, DataTable } from '@seams/graph';
import type { ToNameAccess } from './facts.ts';

/**
 * The data nodes. Detectors report the name the code uses (an entity class, a Prisma delegate); a model
 * declared anywhere maps that name to its table, so `Order`, `order` and `orders` in SQL meet on one node.
 * A name two declarations map to different tables stays as written: guessing would merge unrelated data.
 * A tentative access (a name the detector could not prove a model) is kept only when a declaration of
 * the same detector names it: `User.findOne()` in a service counts once `mongoose.model('User', ...)` exists.
 */
export function nameTables(
  accesses: readonly ToNameAccess[],
  models: readonly DataModel[],
): { data: DataAccess[]; tables: DataTable[] } {
  const targets = new Map<string, Set<string>>();
  for (const model of models)
    (targets.get(model.name) ?? targets.set(model.name, new Set()).get(model.name)!).add(model.table);
  const declaredBy = new Set(models.map((model) => `${model.detector}\u0000${model.name}`));
  const data = accesses.flatMap(({ tentative, ...access }): DataAccess[] => {
    if (tentative && !declaredBy.has(`${access.detector}\u0000${access.table}`)) return [];
    const target = targets.get(access.table);
    const table = target?.size === 1 ? [...target][0]! : access.table;
    return [table === access.table ? access : { ...access, table, model: access.table }];
  });
  const byName = new Map<string, DataModel[]>();
  for (const access of data) if (!byName.has(access.table)) byName.set(access.table, []);
  for (const model of models) (byName.get(model.table) ?? byName.set(model.table, []).get(model.table)!).push(model);
  const tables = [...byName]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, declared]) => ({ name, models: declared }));
  return { data, tables };
}
