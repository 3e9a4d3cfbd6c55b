import { describe, expect, it } from 'vitest';
import { dependenciesOf } from '../src/dependencies.ts';
import { infrastructureClients } from '../src/infrastructure-clients.ts';
import { barrelsOf, findSharedKernel } from '../src/shared-kernel.ts';
import { handGraph } from './hand-graph.ts';

// Five small domains (a file and its helper each), a logger they all use, and a `user` domain built the CommonJS
// way: an index that loads its mixins (`require('./create')(User)`), which every domain uses too.
const domains = ['orders', 'carts', 'payments', 'shipping', 'catalog'];
const files = [
  ...domains.flatMap((d) => [`src/${d}/${d}.ts`, `src/${d}/${d}-helper.ts`]),
  'src/lib/log.ts',
  'src/lib/log-format.ts',
  'src/user/index.ts',
  'src/user/create.ts',
  'src/user/data.ts',
  'src/user/delete.ts',
];
const imports: Array<[string, string]> = [
  ...domains.flatMap((d): Array<[string, string]> => [
    [`src/${d}/${d}.ts`, `src/${d}/${d}-helper.ts`],
    [`src/${d}/${d}.ts`, 'src/lib/log.ts'],
    [`src/${d}/${d}.ts`, 'src/user/index.ts'],
  ]),
  ['src/lib/log.ts', 'src/lib/log-format.ts'],
  ['src/user/index.ts', 'src/user/create.ts'],
  ['src/user/index.ts', 'src/user/data.ts'],
  ['src/user/index.ts', 'src/user/delete.ts'],
];

// An import of a package by `from`, naming `names`.
const external = (from: string, pkg: string, names: string[]) => ({
  from,
  specifier: pkg,
  package: pkg,
  builtin: false,
  kind: 'import' as const,
  line: 1,
  names,
});

describe('findSharedKernel', () => {
  it('takes the hub every domain uses and what only it uses, and leaves a facade and its mixins to their domain', () => {
    const kernel = findSharedKernel(files, dependenciesOf(handGraph(files, imports)), { seed: 1 });
    // log.ts: 5 users, each in a part of its own; log-format.ts: used only by log.ts, beside it.
    // user/index.ts has as many users, but composes 3 files of its folder that nothing else uses: a face.
    expect(kernel.map((k) => k.path)).toEqual(['src/lib/log-format.ts', 'src/lib/log.ts']);
    expect(kernel[0]!.reason).toBe('used only by the shared kernel');
  });

  it('does not cascade from a kernel file into a domain folder', () => {
    // The logger also writes to an audit sink that lives in the orders' folder: used only by the kernel, but orders'.
    const withSink = [...files, 'src/orders/audit-sink.ts'];
    const graph = handGraph(withSink, [...imports, ['src/lib/log.ts', 'src/orders/audit-sink.ts']]);
    const kernel = findSharedKernel(withSink, dependenciesOf(graph), { seed: 1 });
    expect(kernel.map((k) => k.path)).toEqual(['src/lib/log-format.ts', 'src/lib/log.ts']);
  });

  it('leaves a hub named after a domain folder above it to that domain', () => {
    // A guard of the team domain kept in team/guards/, used by every domain like the logger: same spread,
    // but it carries `team`, the name of the folder holding it two levels up, with other files below it.
    const withGuard = [...files, 'src/team/team.ts', 'src/team/guards/team-member.guard.ts'];
    const graph = handGraph(withGuard, [
      ...imports,
      ['src/team/team.ts', 'src/lib/log.ts'],
      ...domains.map((d): [string, string] => [`src/${d}/${d}.ts`, 'src/team/guards/team-member.guard.ts']),
    ]);
    const kernel = findSharedKernel(withGuard, dependenciesOf(graph), { seed: 1 });
    expect(kernel.map((k) => k.path)).toEqual(['src/lib/log-format.ts', 'src/lib/log.ts']);
  });
});

describe('infrastructure clients in the shared kernel', () => {
  // A small app: two domains (articles, profiles) of three files each, a Prisma client both domains' services use,
  // and a repository of the profiles domain that the articles service uses too.
  const appFiles = [
    'src/prisma/prisma-client.ts',
    'src/articles/article.controller.ts',
    'src/articles/article.service.ts',
    'src/articles/article.mapper.ts',
    'src/profiles/profile.controller.ts',
    'src/profiles/profile.service.ts',
    'src/profiles/profile.repository.ts',
  ];
  const appImports: Array<[string, string]> = [
    ['src/articles/article.controller.ts', 'src/articles/article.service.ts'],
    ['src/articles/article.service.ts', 'src/articles/article.mapper.ts'],
    ['src/articles/article.controller.ts', 'src/articles/article.mapper.ts'],
    ['src/profiles/profile.controller.ts', 'src/profiles/profile.service.ts'],
    ['src/profiles/profile.service.ts', 'src/profiles/profile.repository.ts'],
    ['src/profiles/profile.controller.ts', 'src/profiles/profile.repository.ts'],
    ['src/articles/article.service.ts', 'src/profiles/profile.repository.ts'],
    ['src/articles/article.service.ts', 'src/prisma/prisma-client.ts'],
    ['src/profiles/profile.service.ts', 'src/prisma/prisma-client.ts'],
  ];
  const app = {
    ...handGraph(appFiles, appImports, {
      // The repository queries the profile table through the ORM: a domain's, whatever it imports.
      data: [
        { from: 'src/profiles/profile.repository.ts', line: 3, table: 'Profile', access: 'read', detector: 'prisma' },
      ],
    }),
    externals: [
      external('src/prisma/prisma-client.ts', '@prisma/client', ['PrismaClient']),
      external('src/profiles/profile.repository.ts', '@prisma/client', ['PrismaClient', 'Profile']),
    ],
  };

  it('finds the file that makes the client, not the repository that queries through it', () => {
    expect(infrastructureClients(app)).toEqual(
      new Map([['src/prisma/prisma-client.ts', 'database client (@prisma/client)']]),
    );
  });

  it('shares the database client two domains use, and leaves the repository they both use to its domain', () => {
    const dependencies = dependenciesOf(app);
    // The hub rule alone needs 4 users in 4 parts: neither file is a hub on so small an app.
    expect(findSharedKernel(appFiles, dependencies, { seed: 1 })).toEqual([]);
    // The first clustering gives two parts, one per domain (the client goes with one of them); the client's two
    // users are in both. The repository also has users in both, but it is not a client.
    expect(findSharedKernel(appFiles, dependencies, { seed: 1, clients: infrastructureClients(app) })).toEqual([
      { path: 'src/prisma/prisma-client.ts', reason: 'database client (@prisma/client) used by 2 files in 2 parts' },
    ]);
  });

  it('leaves a client only one domain uses to that domain', () => {
    const oneUser = appImports.filter(([from, to]) => !(from.includes('profile') && to.includes('prisma')));
    const graph = { ...handGraph(appFiles, oneUser, { data: app.data ?? [] }), externals: app.externals };
    expect(
      findSharedKernel(appFiles, dependenciesOf(graph), { seed: 1, clients: infrastructureClients(graph) }),
    ).toEqual([]);
  });

  it('counts a whole-package import only in a small singleton, and never a model declaration', () => {
    const graph = {
      ...handGraph(['src/db.ts', 'src/user/user.model.ts', 'src/user/user.service.ts'], []),
      externals: [
        external('src/db.ts', 'mongoose', ['default']),
        external('src/user/user.model.ts', 'mongoose', ['default']),
        external('src/user/user.service.ts', 'typeorm', ['EntityManager']),
      ],
      tables: [
        {
          name: 'users',
          models: [{ from: 'src/user/user.model.ts', line: 2, name: 'User', table: 'users', detector: 'mongoose' }],
        },
      ],
    };
    expect([...infrastructureClients(graph).keys()]).toEqual(['src/db.ts']);
  });
});

describe('the shared kernel never swallows a domain', () => {
  it('leaves a model only a kernel hub imports to its domain', () => {
    // A layered app: the database hub every domain uses sits in models/ with the models, and is the only importer
    // of the notification model (it registers it), which notifications/ names. The connection's pool, beside it and
    // used only by it, is infrastructure; the model is not.
    const layered = [...files, 'src/models/database.ts', 'src/models/pool.ts', 'src/models/Notification.ts'];
    const graph = handGraph(layered, [
      ...imports,
      ...domains.map((d): [string, string] => [`src/${d}/${d}.ts`, 'src/models/database.ts']),
      ['src/models/database.ts', 'src/models/pool.ts'],
      ['src/models/database.ts', 'src/models/Notification.ts'],
    ]);
    const kernel = (models?: Set<string>) =>
      findSharedKernel(layered, dependenciesOf(graph), { seed: 1, ...(models ? { models } : {}) }).map((k) => k.path);
    const infrastructure = ['src/lib/log-format.ts', 'src/lib/log.ts', 'src/models/database.ts', 'src/models/pool.ts'];
    // Without knowing it declares a table, the model is "used only by the shared kernel", beside a kernel file.
    expect(kernel()).toEqual([
      'src/lib/log-format.ts',
      'src/lib/log.ts',
      'src/models/database.ts',
      'src/models/Notification.ts',
      'src/models/pool.ts',
    ]);
    expect(kernel(new Set(['src/models/Notification.ts']))).toEqual(infrastructure);
  });

  it('leaves a model every domain uses to its domain: it is the entity, not a hub', () => {
    // Same spread as the logger (5 users in 5 parts), but it declares the notification table.
    const withModel = [...files, 'src/models/Notification.ts'];
    const graph = handGraph(withModel, [
      ...imports,
      ...domains.map((d): [string, string] => [`src/${d}/${d}.ts`, 'src/models/Notification.ts']),
    ]);
    const kernel = (models?: Set<string>) =>
      findSharedKernel(withModel, dependenciesOf(graph), { seed: 1, ...(models ? { models } : {}) }).map((k) => k.path);
    expect(kernel()).toContain('src/models/Notification.ts');
    expect(kernel(new Set(['src/models/Notification.ts']))).toEqual(['src/lib/log-format.ts', 'src/lib/log.ts']);
  });

  it('cascades from a composition root only into what builds on the kernel, not into a leaf it wires', () => {
    // A plugin's hooks file wires every domain and nothing imports it (a composition root). Beside it, two files
    // it alone imports: its request schema, a leaf, and a health route over the logger, built on the kernel alone.
    // The root goes to its group, the health route joins the kernel, the schema stays out: it is the plugin's.
    const withHooks = [
      ...files,
      'src/plugins/chat/hooks.ts',
      'src/plugins/chat/schema.ts',
      'src/plugins/chat/health.ts',
    ];
    const graph = handGraph(withHooks, [
      ...imports,
      ...domains.map((d): [string, string] => ['src/plugins/chat/hooks.ts', `src/${d}/${d}.ts`]),
      ['src/plugins/chat/hooks.ts', 'src/plugins/chat/schema.ts'],
      ['src/plugins/chat/hooks.ts', 'src/plugins/chat/health.ts'],
      ['src/plugins/chat/health.ts', 'src/lib/log.ts'],
    ]);
    const kernel = findSharedKernel(withHooks, dependenciesOf(graph), { seed: 1 });
    expect(kernel.map((k) => [k.path, k.group ?? k.reason.replace(/ by \d+ files in \d+ parts/, '')])).toEqual([
      ['src/lib/log-format.ts', 'used only by the shared kernel'],
      ['src/lib/log.ts', 'used'],
      ['src/plugins/chat/health.ts', 'used only by the shared kernel'],
      ['src/plugins/chat/hooks.ts', 'composition roots'],
    ]);
  });

  it('takes a file that wires every domain for a composition root only when its one importer is no hub', () => {
    // src/app.ts wires the five domains and only src/main.ts, imported by nothing, imports it: the app's root.
    // src/user/queue.ts wires them as much, but its one importer is the user facade, which the five domains import:
    // a mixin the facade loads (`require('./queue')(User)`), the user domain's, not a root.
    const withRoots = [...files, 'src/main.ts', 'src/app.ts', 'src/user/queue.ts'];
    const graph = handGraph(withRoots, [
      ...imports,
      ['src/main.ts', 'src/app.ts'],
      ['src/user/index.ts', 'src/user/queue.ts'],
      ...domains.flatMap((d): Array<[string, string]> => [
        ['src/app.ts', `src/${d}/${d}.ts`],
        ['src/user/queue.ts', `src/${d}/${d}.ts`],
      ]),
    ]);
    const kernel = findSharedKernel(withRoots, dependenciesOf(graph), { seed: 1 });
    expect(kernel.map((k) => [k.path, k.group ?? k.reason.replace(/ by \d+ files in \d+ parts/, '')])).toEqual([
      ['src/app.ts', 'composition roots'],
      ['src/lib/log-format.ts', 'used only by the shared kernel'],
      ['src/lib/log.ts', 'used'],
    ]);
  });
});

describe('a barrel is not a composition root', () => {
  it('leaves the internal module re-exporting every domain, and still takes the root that imports each', () => {
    // src/core/internal.ts re-exports every domain's file (the "internal module" against import cycles), like
    // src/app.ts imports each; nothing imports either. Only re-exports: a barrel, which starts nothing.
    const withBarrel = [...files, 'src/app.ts', 'src/core/internal.ts'];
    const graph = handGraph(withBarrel, [
      ...imports,
      ...domains.flatMap((d): Array<[string, string]> => [
        ['src/app.ts', `src/${d}/${d}.ts`],
        ['src/core/internal.ts', `src/${d}/${d}.ts`],
      ]),
    ]);
    const edges = graph.edges.map((edge) =>
      edge.from === 'src/core/internal.ts' ? { ...edge, kind: 'reexport' as const } : edge,
    );
    const barrels = barrelsOf(edges);
    expect([...barrels]).toEqual(['src/core/internal.ts']);
    const roots = (options: { barrels?: Set<string> }) =>
      findSharedKernel(withBarrel, dependenciesOf({ edges }), { seed: 1, ...options })
        .filter((k) => k.group === 'composition roots')
        .map((k) => k.path);
    expect(roots({})).toEqual(['src/app.ts', 'src/core/internal.ts']);
    expect(roots({ barrels })).toEqual(['src/app.ts']);
  });
});

describe('a helper a large share of the files imports', () => {
  // Four large domains (a service and four handlers, linked in a chain) and twelve small ones (a file and its helper):
  // 16 first-pass parts, so the spread rule needs 6 (35%). Every handler of the large domains (16 of 49 files)
  // imports an error class, and the user domain's facade, which composes three files of its folder.
  const large = ['orders', 'carts', 'payments', 'shipping'];
  const small = Array.from({ length: 12 }, (_, i) => `area${String.fromCharCode(97 + i)}`);
  const handlers = (d: string) => [1, 2, 3, 4].map((n) => `src/${d}/${d}-handler-${n}.ts`);
  const wideFiles = [
    ...large.flatMap((d) => [`src/${d}/${d}.ts`, ...handlers(d)]),
    ...small.flatMap((d) => [`src/${d}/${d}.ts`, `src/${d}/${d}-helper.ts`]),
    'src/errors/request-error.ts',
    'src/user/index.ts',
    'src/user/create.ts',
    'src/user/data.ts',
    'src/user/delete.ts',
  ];
  const wideImports: Array<[string, string]> = [
    ...large.flatMap((d) =>
      handlers(d).flatMap((handler, i): Array<[string, string]> => [
        [`src/${d}/${d}.ts`, handler],
        [handler, i < 3 ? handlers(d)[i + 1]! : `src/${d}/${d}.ts`],
        [handler, 'src/errors/request-error.ts'],
        [handler, 'src/user/index.ts'],
      ]),
    ),
    ...small.map((d): [string, string] => [`src/${d}/${d}.ts`, `src/${d}/${d}-helper.ts`]),
    ['src/user/index.ts', 'src/user/create.ts'],
    ['src/user/index.ts', 'src/user/data.ts'],
    ['src/user/index.ts', 'src/user/delete.ts'],
  ];
  const kernelOf = (options: { minShare?: number; minComposed?: number } = {}) =>
    findSharedKernel(wideFiles, dependenciesOf(handGraph(wideFiles, wideImports)), { seed: 1, ...options }).map((k) => [
      k.path,
      k.reason,
    ]);

  it('shares the error class 16 of 49 files import from 4 of 16 parts, not the facade imported as widely', () => {
    // 16 users >= 25% of 49 (13), from 4 parts >= half the 6 the spread rule needs (4): a hub. The facade has the
    // same users, but it is the user domain's face.
    expect(kernelOf()).toEqual([['src/errors/request-error.ts', 'used by 16 files in 4 parts']]);
    // Were three composed files not a face, the facade would pass the same test.
    expect(kernelOf({ minComposed: 4 }).map(([path]) => path)).toContain('src/user/index.ts');
  });

  it('needs the share: by spread alone, 4 of 16 parts is a neighbourhood, not the whole app', () => {
    expect(kernelOf({ minShare: 0.5 })).toEqual([]);
  });
});

describe('a file that uses a client is not one', () => {
  const model = (from: string, table: string) => ({
    name: table,
    models: [{ from, line: 1, name: table, table, detector: 'typeorm' }],
  });

  it('leaves a domain service injecting the DataSource and Express middlewares with a redis store', () => {
    const files = [
      'src/data-source.ts',
      'src/broadcast/broadcast.entity.ts',
      'src/broadcast/broadcast.service.ts',
      'src/user/user.entity.ts',
      'src/role/role.entity.ts',
      'src/middlewares.ts',
      'src/cache/redis.ts',
      'src/db/drizzle.ts',
      'src/db/schema.ts',
    ];
    const graph = handGraph(files, [
      // The data source registers two entities, from their folders; the broadcast service uses its own, beside it.
      ['src/data-source.ts', 'src/user/user.entity.ts'],
      ['src/data-source.ts', 'src/role/role.entity.ts'],
      ['src/broadcast/broadcast.service.ts', 'src/broadcast/broadcast.entity.ts'],
      // One schema file declares three tables: the drizzle client importing it registers them all.
      ['src/db/drizzle.ts', 'src/db/schema.ts'],
      // The middlewares check the database through the data source, and build a rate limiter's redis store.
      ['src/middlewares.ts', 'src/data-source.ts'],
    ]);
    const app = {
      ...graph,
      externals: [
        external('src/data-source.ts', 'typeorm', ['DataSource']),
        external('src/broadcast/broadcast.service.ts', 'typeorm', ['DataSource', 'In']),
        external('src/middlewares.ts', 'redis', ['createClient']),
        external('src/cache/redis.ts', 'redis', ['createClient']),
        external('src/db/drizzle.ts', 'drizzle-orm', ['drizzle']),
      ],
      tables: [
        model('src/broadcast/broadcast.entity.ts', 'broadcast'),
        model('src/user/user.entity.ts', 'user'),
        model('src/role/role.entity.ts', 'role'),
        ...['posts', 'notes', 'tags'].map((table) => model('src/db/schema.ts', table)),
      ],
    };
    // The service imports one table's model (2 at most), from its own folder: a domain's. The data source imports two,
    // from other folders: a small app's client. The middlewares make a
    // redis client too, but they are built on the data source, another client: they use clients.
    expect(infrastructureClients(app)).toEqual(
      new Map([
        ['src/data-source.ts', 'database client (typeorm)'],
        ['src/cache/redis.ts', 'cache client (redis)'],
        ['src/db/drizzle.ts', 'database client (drizzle-orm)'],
      ]),
    );
  });
});
