import type { DataAccess, DataModel, DataTable } from '@seams/graph';
import { followNested } from './data/prisma/follow-nested.ts';
import type { PrismaRelation } from './data/prisma/schema-models.ts';
import { isTestFile } from './data/is-test-file.ts';
import { snakeCase } from './data/typeorm/entity.ts';
import type { ToNameAccess, ToNameModel } from './facts.ts';

/**
 * The data nodes. Detectors report the name the code uses (an entity class, a Prisma delegate); a model
 * declared anywhere maps that name to its table, so `Order`, `order` and `orders` in SQL meet on one node.
 * A name two declarations map to different tables stays as written: guessing would merge unrelated data.
 * A tentative access (a name the detector could not prove a model) is kept only when a declaration of
 * the same detector names it: `User.findOne()` in a service counts once `mongoose.model('User', ...)` exists.
 * Prisma nested writes are named through the schema's relations. Tests are kept apart: their accesses are
 * flagged `test` (and make no data node on their own), and what they declare is not a table of the app.
 * A declaration of keys only (a Sequelize association) adds its references to the models declared under its name.
 * A name no declaration maps meets the declared table spelled with or without `public.`, and a slonik schema
 * object's name the declared table of its snake_case name.
 */
export function nameTables(
  accesses: readonly ToNameAccess[],
  allModels: readonly ToNameModel[],
  relations: ReadonlyMap<string, PrismaRelation> = new Map(),
): { data: DataAccess[]; tables: DataTable[] } {
  const appModels = allModels.filter((model) => !isTestFile(model.from));
  const models = withKeys(
    appModels.filter((model) => !model.keysOnly),
    appModels.filter((model) => model.keysOnly),
  );
  const targets = new Map<string, Set<string>>();
  for (const model of models)
    (targets.get(model.name) ?? targets.set(model.name, new Set()).get(model.name)!).add(model.table);
  const tableOf = (name: string) => {
    const target = targets.get(name);
    return target?.size === 1 ? [...target][0]! : name;
  };
  const declaredBy = new Set(models.map((model) => `${model.detector}\u0000${model.name}`));
  // A name no model maps meets a declared table spelled with or without Postgres's default schema (`public.orders`
  // is `orders`), and slonik's schema object (`OrganizationRoles`) the declared table of its snake_case name.
  const declaredTables = new Set(models.map((model) => model.table));
  const declaredAs = (name: string) =>
    [name, name.startsWith('public.') ? name.slice('public.'.length) : `public.${name}`].find((spelling) =>
      declaredTables.has(spelling),
    );
  const tableOfAccess = (access: ToNameAccess) => {
    const table = tableOf(access.table);
    if (table !== access.table) return table;
    return declaredAs(table) ?? (access.detector === 'slonik' ? declaredAs(snakeCase(table)) : undefined) ?? table;
  };
  const data = followNested(accesses, relations).flatMap(({ tentative, ...access }): DataAccess[] => {
    if (tentative && !declaredBy.has(`${access.detector}\u0000${access.table}`)) return [];
    const table = tableOfAccess(access);
    const named = table === access.table ? access : { ...access, table, model: access.table };
    return [isTestFile(access.from) ? { ...named, test: true } : named];
  });
  const byName = new Map<string, DataModel[]>();
  for (const access of data) if (!access.test && !byName.has(access.table)) byName.set(access.table, []);
  for (const model of models) {
    // An entity's relations name other entities by class: their tables are what the keys point to.
    const named =
      (model.detector === 'typeorm' || model.detector === 'sequelize') && model.references
        ? { ...model, references: [...new Set(model.references.map(tableOf))] }
        : model;
    (byName.get(model.table) ?? byName.set(model.table, []).get(model.table)!).push(named);
  }
  const tables = [...byName]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, declared]) => ({ name, models: declared }));
  return { data, tables };
}

/** The declared models with the references that declarations of keys only add to their name (same detector). */
function withKeys(declared: readonly DataModel[], keysOnly: readonly ToNameModel[]): DataModel[] {
  const added = new Map<string, Set<string>>();
  for (const { detector, name, references } of keysOnly) {
    const key = `${detector}\u0000${name}`;
    const set = added.get(key) ?? added.set(key, new Set()).get(key)!;
    for (const reference of references ?? []) set.add(reference);
  }
  return declared.map((model) => {
    const more = added.get(`${model.detector}\u0000${model.name}`);
    if (!more) return model;
    return { ...model, references: [...new Set([...(model.references ?? []), ...more])].sort() };
  });
}
