import type { NestBootstrap } from '../routes/app-setup.ts';
import { importLines } from '../routes/copy-expression.ts';
import type { ServiceRoute } from '../routes/service-routes.ts';
import { envPrefix, header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import { importPath } from './import-path.ts';
import { routesSettingsSource } from './route-server-file.ts';
import { routeTableSource } from './route-table.ts';

/** What the service's Nest application is built from: the modules declaring its controllers, and the bootstrap. */
export interface NestService {
  modules: ReadonlyArray<{ name: string; file: string }>;
  bootstrap: NestBootstrap | undefined;
}

/**
 * nest-module.ts, nest-setup.ts and nest-main.ts in the service: a Nest application of the monolith's own
 * modules (their controllers, providers and middleware, resolved by Nest's container as in the monolith),
 * set up as the monolith's bootstrap sets its app up (global prefix, pipes, filters, CORS), behind the
 * shared secret, answering only the service's routes. providers.ts takes the injected classes from the same
 * module's container.
 */
export function nestServiceFiles(
  origin: Origin,
  serviceFolder: string,
  routes: readonly ServiceRoute[],
  nest: NestService,
): GeneratedFile[] {
  return [
    nestModuleFile(origin, serviceFolder, nest),
    nestSetupFile(origin, serviceFolder, nest.bootstrap),
    nestMainFile(origin, serviceFolder, routes),
  ];
}

function nestModuleFile(origin: Origin, serviceFolder: string, nest: NestService): GeneratedFile {
  const path = `${serviceFolder}/src/nest-module.ts`;
  const root = nest.bootstrap?.root;
  const imports = [
    ...(root ? [{ name: root.name, file: root.file }] : []),
    ...nest.modules.filter((m) => m.name !== root?.name),
  ].map((m) => `import { ${m.name} } from '${importPath(path, m.file)}';`);
  return {
    path,
    content: `${header(origin, `the Nest module ${origin.service} boots: the monolith's own modules`)}
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
${imports.join('\n')}

// Nest keeps a module's lists as metadata on its class (reflect-metadata, which @nestjs/core loads).
const metadata = Reflect as unknown as { getMetadata(key: string, target: object): unknown };
const listed = (key: string, target: object): unknown[] => {
  const list = metadata.getMetadata(key, target);
  return Array.isArray(list) ? list : [];
};
const moduleClass = (item: unknown): object | undefined =>
  typeof item === 'function' ? item : item && typeof item === 'object' && 'module' in item ? (item as { module: object }).module : undefined;

/** The monolith's modules that declare ${origin.service}'s controllers. */
const SERVICE_MODULES: object[] = [${nest.modules.map((m) => m.name).join(', ')}];
${
  root
    ? `
// What the monolith's root module (${root.name}) imports to configure every module (TypeOrmModule.forRoot(), a
// config or database module) comes along; its other feature modules, those with controllers, stay out.
const configuring = listed('imports', ${root.name}).filter((item) => {
  const cls = moduleClass(item);
  return cls === undefined || (!SERVICE_MODULES.includes(cls) && listed('controllers', cls).length === 0);
});
// Its global guards, pipes, filters and interceptors (providers under APP_GUARD and the like) too.
const ENHANCERS = ['APP_GUARD', 'APP_PIPE', 'APP_FILTER', 'APP_INTERCEPTOR'];
const enhancers = listed('providers', ${root.name}).filter(
  (item) => typeof item === 'object' && item !== null && ENHANCERS.includes(String((item as { provide?: unknown }).provide)),
);
`
    : `
const configuring: unknown[] = [];
const enhancers: unknown[] = [];
`
}
/** The service's root module, built as \`@Module\` builds one. */
export class ServiceModule {}
Module({ imports: [...configuring, ...SERVICE_MODULES] as Parameters<typeof Module>[0]['imports'], providers: enhancers as Parameters<typeof Module>[0]['providers'] })(ServiceModule);

interface Container {
  get<T>(type: new (...args: never[]) => T, options?: { strict: boolean }): T;
}

let container: Promise<Container> | undefined;

/** The running Nest application serves its container (nest-main.ts calls this once it is up). */
export function useContainer(app: Container): void {
  container = Promise.resolve(app);
}

/** The container the injected classes come from: the running app's, else one application context of the module. */
export function nestContainer(): Promise<Container> {
  if (!container) container = NestFactory.createApplicationContext(ServiceModule) as Promise<Container>;
  return container;
}

/** The instance of an injected class, with its own dependencies, as the monolith's container builds it. */
export async function provided<T>(type: new (...args: never[]) => T): Promise<T> {
  return (await nestContainer()).get(type, { strict: false });
}
`,
  };
}

function nestSetupFile(origin: Origin, serviceFolder: string, bootstrap: NestBootstrap | undefined): GeneratedFile {
  const calls = bootstrap?.calls ?? [];
  const where = bootstrap ? ` (${bootstrap.file})` : '';
  return {
    path: `${serviceFolder}/src/nest-setup.ts`,
    content: `${header(origin, `what the monolith's bootstrap${where} does to its Nest app, done to the service's`)}
${importLines([...calls, ...(bootstrap?.options ? [bootstrap.options] : [])]).join('\n')}

/** NestFactory.create's options, as the monolith passes them. */
export const createOptions = ${bootstrap?.options ? `${bootstrap.options.code} as import('@nestjs/common').NestApplicationOptions` : '{}'};

/** The monolith's calls on its app, in order: the global prefix, pipes, filters, guards, CORS, middleware. */
export function setUp(app: import('@nestjs/common').INestApplication): void {
${calls.length > 0 ? calls.map((c) => `  app.${c.method}(${c.code});`).join('\n') : '  // The monolith sets nothing up on its app.'}
}
`,
  };
}

function nestMainFile(origin: Origin, serviceFolder: string, routes: readonly ServiceRoute[]): GeneratedFile {
  const env = envPrefix(origin.service);
  return {
    path: `${serviceFolder}/src/nest-main.ts`,
    content: `${header(origin, `starts ${origin.service}'s routes: a Nest application of the monolith's own modules`)}
import { createHash, timingSafeEqual } from 'crypto';
import type { IncomingMessage, ServerResponse, Server } from 'http';
import type { AddressInfo } from 'net';
import { NestFactory } from '@nestjs/core';
import { ServiceModule, useContainer } from './nest-module';
import { createOptions, setUp } from './nest-setup';

const SERVICE = ${stringLiteral(origin.service)};
const TOKEN_HEADER = 'x-seams-token';

${routeTableSource(routes)}
${routesSettingsSource(origin.service)}
const send = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

/** Before everything Nest does: health, the secret, the body limit, and only the service's routes. */
function gate(settings: RoutesSettings) {
  return (request: IncomingMessage & { originalUrl?: string }, response: ServerResponse, next: () => void): void => {
    const url = request.originalUrl ?? request.url;
    if (request.method === 'GET' && url === '/__seams/health') return send(response, 200, { status: 'ok', service: SERVICE });
    if (!authorized(request.headers[TOKEN_HEADER], settings))
      return send(response, 401, { error: { code: 'BAD_TOKEN', message: \`\${SERVICE} needs the monolith's token (${env}_TOKEN)\` } });
    delete request.headers[TOKEN_HEADER];
    if (!routeOf(request.method, url)) return send(response, 404, { error: { code: 'NO_ROUTE', message: \`\${SERVICE} does not serve this route\` } });
    if (Number(request.headers['content-length'] ?? 0) > settings.maxBodyBytes)
      return send(response, 413, { error: { code: 'BODY_TOO_LARGE', message: \`bodies above \${settings.maxBodyBytes} bytes are refused\` } });
    next();
  };
}

async function main(): Promise<void> {
  const settings = routesSettingsFromEnv();
  if (!settings.token && !settings.insecure)
    throw new Error(\`\${SERVICE} routes: set ${env}_TOKEN to the secret the monolith sends (or ${env}_INSECURE=1 for local development only)\`);
  const app = await NestFactory.create(ServiceModule, createOptions);
  app.use(gate(settings));
  setUp(app);
  // Only this machine can call it unless HOST says otherwise (a container sets HOST=0.0.0.0).
  await app.listen(Number(process.env.PORT ?? 4011), process.env.HOST || '127.0.0.1');
  const server = app.getHttpServer() as Server & { requestTimeout?: number };
  // Nest before 8 returns from listen before the socket is bound.
  if (!server.listening) await new Promise((bound) => server.once('listening', bound));
  useContainer(app);
  server.headersTimeout = settings.headersTimeoutMs;
  server.requestTimeout = settings.requestTimeoutMs;
  const { address, port } = server.address() as AddressInfo;
  console.log(\`\${SERVICE} routes listening on http://\${address.includes(':') ? \`[\${address}]\` : address}:\${port}\`);
  // Finish the requests under way on SIGTERM (a deploy or a rollback), then exit.
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: Error) => {
  console.error(\`\${SERVICE} routes: \${error.message}\`);
  process.exit(1);
});
`,
  };
}
