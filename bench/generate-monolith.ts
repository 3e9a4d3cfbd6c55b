// Deterministic synthetic TypeScript monolith, used to measure how the tools scale
// (1k / 10k / 50k files) on a codebase shaped like the ones seams is meant for:
// many business domains, layered folders, barrels, tsconfig `paths` aliases without
// baseUrl, type-only imports, cross-domain coupling and external packages.
//
//   node bench/generate-monolith.ts <dir> <fileCount>
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRng, type Rng } from './prng.ts';

/** Bump when the output changes, so cached trees under .bench/synthetic are rebuilt. */
export const GENERATOR_VERSION = 2;
export const MARKER_FILE = '.generated.json';
const SEED = 0x5ea115;

const DOMAIN_NOUNS = [
  'users',
  'orders',
  'billing',
  'catalog',
  'inventory',
  'shipping',
  'payments',
  'accounts',
  'auth',
  'search',
  'reviews',
  'pricing',
  'promotions',
  'returns',
  'support',
  'notifications',
  'analytics',
  'reports',
  'vendors',
  'warehouse',
  'checkout',
  'cart',
  'loyalty',
  'subscriptions',
  'tax',
  'compliance',
  'audit',
  'media',
  'content',
  'marketing',
  'partners',
  'contracts',
  'fulfilment',
  'procurement',
  'payroll',
  'scheduling',
  'messaging',
  'identity',
  'ledger',
  'risk',
];
const DOMAIN_QUALIFIERS = [
  'b2b',
  'retail',
  'legacy',
  'mobile',
  'internal',
  'partner',
  'regional',
  'global',
  'enterprise',
  'self-service',
  'wholesale',
  'marketplace',
  'backoffice',
  'realtime',
  'batch',
  'premium',
  'trial',
  'corporate',
  'edu',
  'public',
  'eu',
  'us',
  'apac',
  'latam',
  'kiosk',
  'pos',
  'web',
  'ops',
  'finance',
  'data',
];
const ENTITIES = [
  'account',
  'address',
  'invoice',
  'order',
  'product',
  'customer',
  'payment',
  'refund',
  'shipment',
  'carrier',
  'coupon',
  'discount',
  'ticket',
  'agent',
  'report',
  'metric',
  'session',
  'token',
  'role',
  'permission',
  'vendor',
  'contract',
  'item',
  'bundle',
  'category',
  'review',
  'rating',
  'message',
  'channel',
  'template',
  'schedule',
  'slot',
  'employee',
  'team',
  'budget',
  'ledger-entry',
  'transfer',
  'wallet',
  'plan',
  'subscription',
  'region',
  'store',
  'stock-level',
  'batch',
  'asset',
  'document',
  'signature',
  'event',
  'webhook',
  'audit-log',
];
const EXTERNALS = ['lodash', 'date-fns', 'uuid', 'axios', 'pino', 'ioredis', 'pg', 'bullmq'] as const;
const EXTERNAL_IMPORTS = [
  `import { pick } from 'lodash';`,
  `import { addDays } from 'date-fns';`,
  `import { v4 as uuid } from 'uuid';`,
  `import axios from 'axios';`,
  `import * as path from 'node:path';`,
  `import { EventEmitter } from 'events';`,
];

type ImportStyle = 'bare' | 'js' | 'ts';
type Domain = { name: string; entities: string[]; style: ImportStyle; views: boolean };
type Files = Map<string, string>;

const pascal = (s: string): string =>
  s
    .split(/[-_]/)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
const camel = (s: string): string => {
  const p = pascal(s);
  return p[0]!.toLowerCase() + p.slice(1);
};

/** Adds the extension a domain's code style uses to an extensionless module path. */
function spec(path: string, style: ImportStyle): string {
  return style === 'bare' ? path : `${path}.${style}`;
}

function relSpec(fromFile: string, toModule: string, style: ImportStyle): string {
  const r = relative(dirname(fromFile), toModule).split('\\').join('/');
  return spec(r.startsWith('.') ? r : `./${r}`, style);
}

/** Pads a file with plausible code until it reaches its target length. */
function fill(lines: string[], target: number, prefix: string, rng: Rng): void {
  let i = 0;
  while (lines.length < target) {
    i++;
    const kind = rng.int(0, 3);
    if (kind === 0) {
      lines.push('', `/** Normalises ${prefix} input #${i} before it is stored or compared. */`);
      lines.push(
        `export function ${prefix}Normalize${i}(input: string): string {`,
        '  const trimmed = input.trim().toLowerCase();',
        `  return trimmed.length > ${i} ? trimmed : \`\${trimmed}-${i}\`;`,
        '}',
      );
    } else if (kind === 1) {
      lines.push(
        '',
        `const ${prefix}Limit${i} = ${rng.int(1, 500)};`,
        `function ${prefix}Clamp${i}(value: number): number {`,
        `  return Math.max(0, Math.min(${prefix}Limit${i}, value));`,
        '}',
      );
    } else if (kind === 2) {
      lines.push(
        '',
        `export type ${pascal(prefix)}Option${i} = {`,
        '  enabled: boolean;',
        `  weight: number;`,
        '  label?: string;',
        '};',
      );
    } else {
      lines.push(
        '',
        `export const ${prefix}Defaults${i} = Object.freeze({`,
        `  pageSize: ${rng.int(10, 100)},`,
        `  retries: ${rng.int(0, 5)},`,
        `  timeoutMs: ${rng.int(100, 5000)},`,
        '});',
      );
    }
  }
}

/** Cross-domain import: through the other domain's barrel, or deep into one of its files. */
function crossImport(from: string, self: Domain, others: Domain[], rng: Rng, layer: 'services' | 'models'): string {
  const other = rng.pick(others.filter((d) => d !== self).length ? others.filter((d) => d !== self) : others);
  const entity = rng.pick(other.entities);
  if (layer === 'models') {
    const target = `src/domains/${other.name}/models/${entity}.model`;
    // Some teams reach across with relative paths instead of the alias.
    const s = rng.chance(0.3)
      ? relSpec(from, target, self.style)
      : spec(`@domains/${other.name}/models/${entity}.model`, self.style);
    return `import type { ${pascal(entity)} as ${pascal(other.name)}${pascal(entity)} } from '${s}';`;
  }
  if (rng.chance(0.5))
    return `import { ${pascal(entity)}Service as ${pascal(other.name)}${pascal(entity)}Service } from '@domains/${other.name}';`;
  return `import { ${pascal(entity)}Service as ${pascal(other.name)}${pascal(entity)}Service } from '${spec(`@domains/${other.name}/services/${entity}.service`, self.style)}';`;
}

function modelFile(d: Domain, e: string, all: Domain[], rng: Rng): string {
  const path = `src/domains/${d.name}/models/${e}.model.ts`;
  const E = pascal(e);
  const imports = [`import type { Id, Timestamp } from '@shared/types';`, `import { z } from 'zod';`];
  const sibling = d.entities.find((x) => x !== e);
  if (sibling && rng.chance(0.6))
    imports.push(
      `import type { ${pascal(sibling)} } from '${relSpec(path, `src/domains/${d.name}/models/${sibling}.model`, d.style)}';`,
    );
  if (rng.chance(0.25)) imports.push(crossImport(path, d, all, rng, 'models'));
  const lines = [
    `// ${E} model of the ${d.name} domain.`,
    ...imports,
    '',
    `export interface ${E} {`,
    '  id: Id;',
    '  createdAt: Timestamp;',
    '  updatedAt: Timestamp;',
    `  name: string;`,
    `  status: '${e}-active' | '${e}-archived';`,
    '}',
    '',
    `export type ${E}Id = ${E}['id'];`,
    '',
    `export const ${camel(e)}Schema = z.object({`,
    '  id: z.string(),',
    '  name: z.string().min(1),',
    '  status: z.string(),',
    '});',
    '',
    `export function is${E}(value: unknown): value is ${E} {`,
    `  return typeof value === 'object' && value !== null && 'id' in value;`,
    '}',
  ];
  fill(lines, rng.int(30, 120), camel(e), rng);
  return lines.join('\n') + '\n';
}

function repositoryFile(d: Domain, e: string, rng: Rng): string {
  const path = `src/domains/${d.name}/repositories/${e}.repository.ts`;
  const E = pascal(e);
  const imports = [
    `import type { ${E} } from '${relSpec(path, `src/domains/${d.name}/models/${e}.model`, d.style)}';`,
    `import { db } from '${spec('@infra/db', d.style)}';`,
    `import { logger } from '@infra/logger';`,
    `import { NotFoundError } from '@shared/errors';`,
  ];
  if (rng.chance(0.4)) imports.push(`import { randomUUID } from 'node:crypto';`);
  if (rng.chance(0.2)) imports.push(`import { Pool } from 'pg';`);
  const lines = [`// Persistence for ${E} records.`, ...imports, ''];
  const sibling = d.entities.find((x) => x !== e);
  if (sibling && rng.chance(0.1)) {
    // A type pulled in inline with import('...').T: no import statement, still an edge.
    lines.push(
      `export type ${E}Related = import('${relSpec(path, `src/domains/${d.name}/models/${sibling}.model`, d.style)}').${pascal(sibling)};`,
      '',
    );
  }
  lines.push(
    `export class ${E}Repository {`,
    `  private readonly table = '${d.name}_${e.replace(/-/g, '_')}';`,
    '',
    `  async findById(id: string): Promise<${E}> {`,
    '    const row = await db.query(`select * from ${this.table} where id = $1`, [id]);',
    `    if (!row) throw new NotFoundError('${e}', id);`,
    `    logger.debug('loaded ${e}', { id });`,
    `    return row as ${E};`,
    '  }',
    '',
    `  async save(item: ${E}): Promise<void> {`,
    '    await db.query(`insert into ${this.table} values ($1)`, [item]);',
    '  }',
    '}',
  );
  fill(lines, rng.int(30, 120), camel(e) + 'Repo', rng);
  return lines.join('\n') + '\n';
}

function serviceFile(d: Domain, e: string, all: Domain[], rng: Rng): string {
  const path = `src/domains/${d.name}/services/${e}.service.ts`;
  const E = pascal(e);
  const imports = [
    `import { ${E}Repository } from '${relSpec(path, `src/domains/${d.name}/repositories/${e}.repository`, d.style)}';`,
    // Mixed value/type import through the models barrel (a directory import).
    rng.chance(0.5)
      ? `import { type ${E}, ${camel(e)}Schema } from '../models${d.style === 'bare' ? '' : `/index.${d.style}`}';`
      : `import type { ${E} } from '${relSpec(path, `src/domains/${d.name}/models/${e}.model`, d.style)}';`,
    `import { cache } from '@infra/cache';`,
  ];
  if (rng.chance(0.5)) imports.push(`import { queue } from '${spec('@infra/queue', d.style)}';`);
  if (rng.chance(0.4)) imports.push(crossImport(path, d, all, rng, 'services'));
  if (rng.chance(0.15)) imports.push(crossImport(path, d, all, rng, 'services'));
  if (rng.chance(0.1)) imports.push(`import { formatMoney } from '@shared/legacy/format.js';`);
  if (rng.chance(0.2)) imports.push(rng.pick(EXTERNAL_IMPORTS));
  if (rng.chance(0.15)) imports.push(`import type { Result } from '@shared';`);
  const lines = [
    `// Business rules for ${E}.`,
    ...imports,
    '',
    `export class ${E}Service {`,
    `  private readonly repository = new ${E}Repository();`,
    '',
    `  async get(id: string): Promise<${E}> {`,
    `    const cached = await cache.get<${E}>(\`${e}:\${id}\`);`,
    '    if (cached) return cached;',
    '    return this.repository.findById(id);',
    '  }',
  ];
  if (rng.chance(0.12)) {
    // Lazily loaded collaborator: a dynamic import edge.
    const other = rng.pick(d.entities);
    lines.push(
      '',
      '  async audit(id: string): Promise<void> {',
      `    const { ${pascal(other)}Repository } = await import('${relSpec(path, `src/domains/${d.name}/repositories/${other}.repository`, d.style)}');`,
      `    await new ${pascal(other)}Repository().findById(id);`,
      '  }',
    );
  }
  lines.push('}');
  fill(lines, rng.int(30, 120), camel(e) + 'Svc', rng);
  return lines.join('\n') + '\n';
}

function routesFile(d: Domain, e: string, rng: Rng): string {
  const path = `src/domains/${d.name}/routes/${e}.routes.ts`;
  const E = pascal(e);
  const imports = [
    `import { Router, type Request, type Response } from 'express';`,
    `import { ${E}Service } from '${relSpec(path, `src/domains/${d.name}/services/${e}.service`, d.style)}';`,
    `import type { ${E} } from '${relSpec(path, `src/domains/${d.name}/models/${e}.model`, d.style)}';`,
    `import { asyncHandler } from '@infra/http';`,
  ];
  if (rng.chance(0.3)) imports.push(`import { z } from 'zod';`);
  if (rng.chance(0.2)) imports.push(`import { ValidationError } from '${spec('@shared/errors', d.style)}';`);
  const lines = [
    `// HTTP endpoints for ${E}.`,
    ...imports,
    '',
    `export const ${camel(e)}Routes = Router();`,
    `const service = new ${E}Service();`,
    '',
    `${camel(e)}Routes.get('/${d.name}/${e}/:id', asyncHandler(async (req: Request, res: Response) => {`,
    `  const item: ${E} = await service.get(String(req.params.id));`,
    '  res.json(item);',
    '}));',
  ];
  fill(lines, rng.int(30, 120), camel(e) + 'Http', rng);
  return lines.join('\n') + '\n';
}

function viewFile(d: Domain, e: string, rng: Rng): string {
  const path = `src/domains/${d.name}/views/${e}.view.tsx`;
  const E = pascal(e);
  const lines = [
    `// Back-office screen for ${E}.`,
    `import React from 'react';`,
    `import type { ${E} } from '${relSpec(path, `src/domains/${d.name}/models/${e}.model`, d.style)}';`,
    `import { formatDate } from '@shared/format';`,
    '',
    `export function ${E}View({ item }: { item: ${E} }) {`,
    '  return (',
    `    <section className="${e}">`,
    '      <h1>{item.name}</h1>',
    '      <time>{formatDate(item.createdAt)}</time>',
    '    </section>',
    '  );',
    '}',
  ];
  fill(lines, rng.int(30, 80), camel(e) + 'View', rng);
  return lines.join('\n') + '\n';
}

function domainFiles(files: Files, d: Domain, all: Domain[], rng: Rng): void {
  const base = `src/domains/${d.name}`;
  for (const e of d.entities) {
    files.set(`${base}/models/${e}.model.ts`, modelFile(d, e, all, rng));
    files.set(`${base}/repositories/${e}.repository.ts`, repositoryFile(d, e, rng));
    files.set(`${base}/services/${e}.service.ts`, serviceFile(d, e, all, rng));
    files.set(`${base}/routes/${e}.routes.ts`, routesFile(d, e, rng));
    if (d.views) files.set(`${base}/views/${e}.view.tsx`, viewFile(d, e, rng));
  }
  const ext = d.style === 'bare' ? '' : `.${d.style}`;
  files.set(`${base}/models/index.ts`, d.entities.map((e) => `export * from './${e}.model${ext}';`).join('\n') + '\n');
  files.set(
    `${base}/services/index.ts`,
    d.entities.map((e) => `export { ${pascal(e)}Service } from './${e}.service${ext}';`).join('\n') + '\n',
  );
  files.set(
    `${base}/index.ts`,
    [
      `// Public surface of the ${d.name} domain.`,
      `export * from './services${d.style === 'bare' ? '' : `/index${ext}`}';`,
      `export type * from './models/index${ext}';`,
      ...d.entities.map((e) => `export { ${camel(e)}Routes } from './routes/${e}.routes${ext}';`),
    ].join('\n') + '\n',
  );
}

function sharedAndInfraFiles(files: Files, rng: Rng): void {
  const f = (path: string, lines: string[], prefix: string): void => {
    fill(lines, rng.int(30, 80), prefix, rng);
    files.set(path, lines.join('\n') + '\n');
  };
  f(
    'src/shared/types.ts',
    [
      '// Primitive types shared by every domain.',
      'export type Id = string;',
      'export type Timestamp = number;',
      'export type Money = { amount: number; currency: string };',
    ],
    'types',
  );
  f(
    'src/shared/errors.ts',
    [
      "import type { Id } from './types';",
      '',
      'export class NotFoundError extends Error {',
      '  constructor(kind: string, id: Id) {',
      '    super(`${kind} ${id} not found`);',
      '  }',
      '}',
      'export class ValidationError extends Error {}',
    ],
    'errors',
  );
  f(
    'src/shared/result.ts',
    [
      "import type { ValidationError } from './errors';",
      '',
      'export type Result<T> = { ok: true; value: T } | { ok: false; error: ValidationError };',
    ],
    'result',
  );
  f(
    'src/shared/format.ts',
    [
      "import { format } from 'date-fns';",
      "import type { Timestamp } from './types.ts';",
      '',
      'export function formatDate(t: Timestamp): string {',
      "  return format(t, 'yyyy-MM-dd');",
      '}',
    ],
    'format',
  );
  files.set(
    'src/shared/index.ts',
    [
      "export * from './types';",
      "export * from './errors';",
      "export * from './result';",
      "export * from './format';",
      '',
    ].join('\n'),
  );
  // Legacy CommonJS that predates the TypeScript migration: require() edges.
  files.set(
    'src/shared/legacy/clock.js',
    ["'use strict';", 'module.exports = { now: () => Date.now() };', ''].join('\n'),
  );
  files.set(
    'src/shared/legacy/format.js',
    [
      "'use strict';",
      "const { inspect } = require('node:util');",
      "const clock = require('./clock');",
      '',
      'function formatMoney(amount, currency) {',
      '  return `${amount.toFixed(2)} ${currency} @${clock.now()} ${inspect({})}`;',
      '}',
      'module.exports = { formatMoney };',
      '',
    ].join('\n'),
  );
  f(
    'src/infra/config.ts',
    [
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'node:path';",
      '',
      "export const config = JSON.parse(readFileSync(join(process.cwd(), 'config.json'), 'utf8'));",
    ],
    'config',
  );
  f(
    'src/infra/logger.ts',
    [
      "import pino from 'pino';",
      "import { config } from './config';",
      '',
      'export const logger = pino({ level: config.logLevel });',
    ],
    'logger',
  );
  f(
    'src/infra/db.ts',
    [
      "import { Pool } from 'pg';",
      "import { config } from './config.js';",
      "import { logger } from './logger';",
      '',
      'const pool = new Pool(config.db);',
      'export const db = {',
      '  async query(sql: string, params: unknown[]): Promise<unknown> {',
      "    logger.debug('sql', { sql });",
      '    return (await pool.query(sql, params)).rows[0];',
      '  },',
      '};',
    ],
    'db',
  );
  f(
    'src/infra/cache.ts',
    [
      "import Redis from 'ioredis';",
      "import { config } from './config';",
      '',
      'const redis = new Redis(config.redis);',
      'export const cache = {',
      '  async get<T>(key: string): Promise<T | undefined> {',
      '    const raw = await redis.get(key);',
      '    return raw ? (JSON.parse(raw) as T) : undefined;',
      '  },',
      '};',
    ],
    'cache',
  );
  f(
    'src/infra/queue.ts',
    [
      "import { Queue } from 'bullmq';",
      "import { logger } from './logger';",
      "import type { Id } from '@shared/types';",
      '',
      "export const queue = new Queue('jobs');",
      'export function enqueue(id: Id): void {',
      "  logger.info('enqueue', { id });",
      '}',
    ],
    'queue',
  );
  f(
    'src/infra/http.ts',
    [
      "import type { Request, Response, NextFunction } from 'express';",
      "import { ValidationError } from '@shared/errors';",
      '',
      'export const asyncHandler = (fn: (req: Request, res: Response) => Promise<void>) =>',
      '  (req: Request, res: Response, next: NextFunction) => fn(req, res).catch((e) => next(e instanceof ValidationError ? e : e));',
    ],
    'http',
  );
  // TypeScript's CommonJS interop form: import x = require(...).
  f(
    'src/infra/clock.ts',
    [
      "import legacyClock = require('../shared/legacy/clock.js');",
      "import type { Timestamp } from '@shared/types';",
      '',
      'export const now = (): Timestamp => legacyClock.now();',
    ],
    'clock',
  );
  files.set(
    'src/infra/index.ts',
    [
      "export * from './config';",
      "export * from './db';",
      "export * from './logger';",
      "export * from './cache';",
      "export * from './queue';",
      "export * from './http';",
      "export * from './clock';",
      '',
    ].join('\n'),
  );
}

function utilFile(k: number, rng: Rng): string {
  const lines = [
    `// Grab-bag helpers (${k}).`,
    `import type { Id } from '../types';`,
    `import { ${rng.pick(['debounce', 'pick', 'chunk'])} } from 'lodash';`,
  ];
  if (k > 1) lines.push(`import { util${k - 1}Id } from './util-${k - 1}';`);
  lines.push('', `export function util${k}Id(id: Id): string {`, '  return id.trim();', '}');
  fill(lines, rng.int(30, 90), `util${k}`, rng);
  return lines.join('\n') + '\n';
}

const DOMAINS_PER_REGISTRY = 40;

function appFiles(files: Files, domains: Domain[]): void {
  const registries: string[] = [];
  for (let i = 0; i * DOMAINS_PER_REGISTRY < domains.length; i++) {
    const chunk = domains.slice(i * DOMAINS_PER_REGISTRY, (i + 1) * DOMAINS_PER_REGISTRY);
    const lines = ["import type { Router } from 'express';"];
    chunk.forEach((d, j) =>
      lines.push(`import { ${camel(d.entities[0]!)}Routes as r${j} } from '@domains/${d.name}';`),
    );
    lines.push('', `export const routers${i}: Router[] = [${chunk.map((_, j) => `r${j}`).join(', ')}];`, '');
    files.set(`src/app/registry-${i}.ts`, lines.join('\n'));
    registries.push(`registry-${i}`);
  }
  files.set(
    'src/app/index.ts',
    [
      ...registries.map((r, i) => `import { routers${i} } from './${r}';`),
      '',
      `export const routers = [${registries.map((_, i) => `...routers${i}`).join(', ')}];`,
      '',
    ].join('\n'),
  );
  files.set(
    'src/main.ts',
    [
      "import express from 'express';",
      "import { existsSync } from 'node:fs';",
      "import { routers } from '@app/index';",
      "import { logger, config } from '@infra/index';",
      '',
      'const app = express();',
      'for (const r of routers) app.use(r);',
      "if (existsSync('.env')) logger.info('env file present');",
      'app.listen(config.port);',
      '',
    ].join('\n'),
  );
}

function domainNames(): () => string {
  let i = 0;
  return () => {
    const n = i++;
    if (n < DOMAIN_NOUNS.length) return DOMAIN_NOUNS[n]!;
    const m = n - DOMAIN_NOUNS.length;
    const combos = DOMAIN_QUALIFIERS.length * DOMAIN_NOUNS.length;
    const name = `${DOMAIN_QUALIFIERS[m % DOMAIN_QUALIFIERS.length]}-${DOMAIN_NOUNS[Math.floor(m / DOMAIN_QUALIFIERS.length) % DOMAIN_NOUNS.length]}`;
    return m < combos ? name : `${name}-${Math.floor(m / combos) + 1}`;
  };
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    strict: true,
    allowJs: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    // Paths are resolved relative to this file: no baseUrl on purpose.
    paths: {
      '@shared': ['./src/shared/index.ts'],
      '@shared/*': ['./src/shared/*'],
      '@infra/*': ['./src/infra/*'],
      '@domains/*': ['./src/domains/*'],
      '@app/*': ['./src/app/*'],
    },
  },
  include: ['src'],
};

/** Builds the whole tree in memory, exactly `fileCount` source files (for counts >= ~40). */
export function plan(fileCount: number): Files {
  const rng = createRng(SEED ^ fileCount);
  const files: Files = new Map();
  sharedAndInfraFiles(files, rng);
  const fixed = files.size + 2; // + app/index.ts, main.ts
  const registries = (n: number): number => Math.ceil(n / DOMAINS_PER_REGISTRY);
  const nextName = domainNames();
  const domains: Domain[] = [];
  let used = fixed;
  for (;;) {
    const entities = rng.sample(ENTITIES, rng.int(3, 10));
    const views = rng.chance(0.25);
    const size = entities.length * (views ? 5 : 4) + 3;
    if (used + size + registries(domains.length + 1) > fileCount) break;
    const style: ImportStyle = rng.chance(0.5) ? 'bare' : rng.chance(0.7) ? 'js' : 'ts';
    domains.push({ name: nextName(), entities, style, views });
    used += size;
  }
  for (const d of domains) domainFiles(files, d, domains, rng);
  appFiles(files, domains);
  for (let k = 1; files.size < fileCount; k++) files.set(`src/shared/utils/util-${k}.ts`, utilFile(k, rng));
  files.set('tsconfig.json', JSON.stringify(TSCONFIG, null, 2) + '\n');
  files.set(
    'package.json',
    JSON.stringify(
      {
        name: 'synthetic-monolith',
        private: true,
        type: 'module',
        dependencies: Object.fromEntries(['express', 'zod', 'react', ...EXTERNALS].map((p) => [p, '*'])),
      },
      null,
      2,
    ) + '\n',
  );
  return files;
}

export function generate(dir: string, fileCount: number): { files: number } {
  rmSync(dir, { recursive: true, force: true });
  const files = plan(fileCount);
  const made = new Set<string>();
  let sources = 0;
  for (const [path, text] of files) {
    const full = join(dir, path);
    const parent = dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, text);
    if (/\.(ts|tsx|js)$/.test(path)) sources++;
  }
  // Written last: a tree without the marker is a half-written one and gets rebuilt.
  writeFileSync(join(dir, MARKER_FILE), JSON.stringify({ version: GENERATOR_VERSION, fileCount, sources }) + '\n');
  return { files: sources };
}

if (import.meta.main) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: node bench/generate-monolith.ts <dir> <fileCount>');
    process.exit(2);
  }
  const t = performance.now();
  const { files } = generate(dir, Number(count));
  console.log(`${files} source files in ${dir} (${Math.round(performance.now() - t)} ms)`);
}
