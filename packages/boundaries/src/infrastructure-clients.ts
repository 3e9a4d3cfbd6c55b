import { posix } from 'node:path';
import type { Graph } from '@seams/graph';

/**
 * What a package makes when a file imports one of these names from it: a client every caller shares. The
 * names are the constructors and factories (`new PrismaClient()`, `createClient()`); a consumer imports types
 * (`Knex`, `EntityManager`) or the package's members to query.
 *
 * Loggers, configuration and HTTP clients (winston's `createLogger`, dotenv's `config`, `axios.create`) were tried
 * too and left out: on a small Express app the configuration file held the auth strategy beside it, and without it
 * the strategy took the user domain's model away from its routes (ARI 0.79 -> 0.53). Used widely, they are hubs.
 */
const CLIENT_PACKAGES: Record<string, { kind: string; makes: readonly string[] }> = {
  '@prisma/client': { kind: 'database client', makes: ['PrismaClient'] },
  typeorm: { kind: 'database client', makes: ['DataSource', 'createConnection', 'createConnections'] },
  mongoose: { kind: 'database client', makes: ['connect', 'createConnection'] },
  mongodb: { kind: 'database client', makes: ['MongoClient'] },
  knex: { kind: 'database client', makes: ['default', 'knex'] },
  kysely: { kind: 'database client', makes: ['Kysely'] },
  sequelize: { kind: 'database client', makes: ['Sequelize'] },
  'sequelize-typescript': { kind: 'database client', makes: ['Sequelize'] },
  'drizzle-orm': { kind: 'database client', makes: ['drizzle'] },
  '@mikro-orm/core': { kind: 'database client', makes: ['MikroORM'] },
  pg: { kind: 'database client', makes: ['Pool', 'Client', 'default'] },
  'pg-promise': { kind: 'database client', makes: ['default'] },
  postgres: { kind: 'database client', makes: ['default'] },
  mysql: { kind: 'database client', makes: ['createPool', 'createConnection'] },
  mysql2: { kind: 'database client', makes: ['createPool', 'createConnection', 'createPoolCluster'] },
  sqlite3: { kind: 'database client', makes: ['Database'] },
  'better-sqlite3': { kind: 'database client', makes: ['default'] },
  redis: { kind: 'cache client', makes: ['createClient', 'createCluster'] },
  ioredis: { kind: 'cache client', makes: ['default', 'Redis', 'Cluster'] },
};

/**
 * Most of these packages are imported whole in ESM (`import mongoose from 'mongoose'`, `import * as redis`), so
 * the graph cannot see which member is used: such a file counts only if it is a small singleton, importing at most
 * this many files of the app (its configuration) and exporting at most this many names.
 */
const SINGLETON_IMPORTS = 2;
const SINGLETON_EXPORTS = 3;
/**
 * A file importing the models of this many tables or fewer is a domain's (a service injecting its repository and the
 * `DataSource` to run a transaction); the data source that registers the entities imports every table's model.
 */
const DOMAIN_MODELS = 2;

/**
 * Files that make an infrastructure client the rest of the app shares: a database or ORM client or connection, a
 * cache client; each with what it makes (`database client (@prisma/client)`). A file that declares a table's model
 * (an entity, a schema) or queries through one is a domain's, whatever it imports; so is one that imports the model of
 * a table or two (it uses the client on its domain's tables), and one that imports another client of the app (it is
 * built on clients). A file is a client for what it makes and hands out, not for what it uses.
 */
export function infrastructureClients(
  graph: Pick<Graph, 'files' | 'edges' | 'externals'> & Partial<Pick<Graph, 'tables' | 'data'>>,
): Map<string, string> {
  // A model's declaration, or a query through the ORM's models, is a domain's model or repository; a client's own
  // queries are raw SQL at most (a lock, the migrations table). Built on the first client import only: most graphs
  // have few, and indexing every edge of a 50,000-file graph for none cost a quarter of a second.
  let domainData: Set<string> | undefined;
  const isDomainData = (file: string) =>
    (domainData ??= new Set([
      ...tableModels(graph),
      ...(graph.data ?? []).filter((access) => access.detector !== 'sql').map((access) => access.from),
    ])).has(file);
  let exportCount: Map<string, number> | undefined;
  let appImports: Map<string, Set<string>> | undefined;
  const importsOf = (file: string): ReadonlySet<string> => {
    if (!appImports) {
      appImports = new Map();
      for (const { from, to } of graph.edges)
        (appImports.get(from) ?? appImports.set(from, new Set()).get(from)!).add(to);
    }
    return appImports.get(file) ?? new Set();
  };
  const isSingleton = (file: string) => {
    exportCount ??= new Map(graph.files.map((f) => [f.path, f.exports.length]));
    return importsOf(file).size <= SINGLETON_IMPORTS && (exportCount.get(file) ?? 0) <= SINGLETON_EXPORTS;
  };
  // The tables each file declares a model of (one schema file may declare them all).
  let tablesOf: Map<string, Set<string>> | undefined;
  // The tables whose models a file imports: a domain's service imports its own; a data source, every one.
  const tablesUsed = (file: string) => {
    if (!tablesOf) {
      tablesOf = new Map();
      for (const table of graph.tables ?? [])
        for (const { from } of table.models)
          (tablesOf.get(from) ?? tablesOf.set(from, new Set()).get(from)!).add(table.name);
    }
    return new Set([...importsOf(file)].flatMap((to) => [...(tablesOf!.get(to) ?? [])])).size;
  };
  // Its own domain's model lies beside it (`broadcast/broadcast.entity.ts`); a small app's data source registering its
  // two entities imports them from elsewhere (`entities/`).
  const usesModels = (file: string) => {
    const used = tablesUsed(file);
    const folder = posix.dirname(file);
    return (
      used > 0 &&
      used <= DOMAIN_MODELS &&
      [...importsOf(file)].some((to) => tablesOf!.has(to) && posix.dirname(to) === folder)
    );
  };

  const clients = new Map<string, string>();
  for (const external of graph.externals) {
    const client = CLIENT_PACKAGES[external.package];
    if (!client || external.kind === 'type' || clients.has(external.from) || isDomainData(external.from)) continue;
    const makes = external.names.some((name) => client.makes.includes(name));
    const whole = external.names.some((name) => name === 'default' || name === '*');
    if ((makes && !usesModels(external.from)) || (whole && isSingleton(external.from)))
      clients.set(external.from, `${client.kind} (${external.package})`);
  }
  // A file built on another client of the app uses clients: Express middlewares over the storage adapters, whose rate
  // limiter makes a redis store of its own, are no client the app shares.
  const made = new Set(clients.keys());
  for (const file of made) if ([...importsOf(file)].some((to) => to !== file && made.has(to))) clients.delete(file);
  return clients;
}

/** Files that declare a table's model (an ORM entity, a schema), as the data detectors found them. */
export function tableModels(graph: Partial<Pick<Graph, 'tables'>>): Set<string> {
  return new Set((graph.tables ?? []).flatMap((table) => table.models.map((model) => model.from)));
}
