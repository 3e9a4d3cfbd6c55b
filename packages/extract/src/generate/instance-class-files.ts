import type { ContractModel, InstanceClass, Operation } from '../contract/contract-model.ts';
import { propertyKey } from './contract-files.ts';
import { LOCAL_OUTCOME } from './routing-file.ts';
import { envPrefix, header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import { importPath } from './import-path.ts';
import { readsOnly } from './operation-access.ts';
import type { Layout } from './service-files.ts';

const memberOf = (operation: Operation) => operation.name.slice(operation.name.indexOf('.') + 1);

const classesOf = (model: ContractModel, remote: readonly Operation[]) =>
  (model.instanceClasses ?? []).map((cls) => ({
    cls,
    methods: remote.filter((o) => o.instance === 'method' && o.owner === cls.name && o.file === cls.file),
  }));

/**
 * The facade's part for the classes the monolith constructs. Each becomes a subclass under the same name.
 * Routed local, `new X(...)` is the real constructor: the same fields, `instanceof`, behaviour. Routed
 * remote, it returns a proxy of X's prototype instead, and the service builds the instance and keeps it
 * under a handle; the proxy's async methods run there. Where an instance lives is decided once, when it is
 * built (`X.new`'s mode): its state is in one place, so its methods follow it. In shadow, the local
 * instance serves and a twin in the service replays each routed call, compared as operations are.
 */
export function instanceFacade(
  model: ContractModel,
  remote: readonly Operation[],
  alias: (file: string) => string,
): { code: string; entries: Set<string> } {
  const classes = classesOf(model, remote);
  const entries = new Set(classes.map(({ cls }) => `${cls.file}#${cls.name}`));
  if (classes.length === 0) return { code: '', entries };
  const blocks = classes.map(({ cls, methods }) => classBlock(cls, methods, `${alias(cls.file)}.${cls.name}`));
  const adopt = remote.some((o) => o.returnsInstance) ? [ADOPT_HELPER] : [];
  return { code: [INSTANCE_HELPERS, ...adopt, ...blocks].join('\n\n'), entries };
}

function classBlock(cls: InstanceClass, methods: readonly Operation[], local: string): string {
  const key = (member: string) => stringLiteral(`${cls.name}.${member}`);
  const prototype = `local${cls.name}`;
  const routed = methods.map(
    (o) => `${cls.name}.prototype.${memberOf(o)} = function (...args) {
  return onInstance(this, ${key(memberOf(o))}, () => ${prototype}.${memberOf(o)}.apply(this, args), (handle) => remote[${key(memberOf(o))}](handle, ...args)${readsOnly(o) ? `, 'read'` : ''});
};`,
  );
  const kept = cls.localOnly.map(
    (member) => `${cls.name}.prototype.${member} = function (...args) {
  return onLocalInstance(this, ${key(member)}, () => ${prototype}.${member}.apply(this, args));
};`,
  );
  if (!cls.constructed)
    return `// ${cls.name} as the monolith receives it from the service's functions: routed remote, a proxy of an instance the service keeps.
export class ${cls.name} extends ${local} {}
const ${prototype} = ${local}.prototype;
${[...routed, ...kept].join('\n')}`;
  return `// ${cls.name} as the monolith constructs it: the real class where it is routed local, a proxy of an instance the
// service keeps where it is routed remote (${cls.name}.new's mode, read at each construction).
export class ${cls.name} extends ${local} {
  constructor(...args: ConstructorParameters<typeof ${local}>) {
    const placed = placement(${key('new')});
    if (placed === 'remote') {
      const proxy = Object.create(new.target.prototype) as ${cls.name};
      keepRemote(instanceHandles, proxy, () => remote[${key('new')}](...args), (handle) => remote[${key('release')}](handle));
      return proxy;
    }
    super(...args);
    if (placed === 'shadow') keepRemote(instanceTwins, this, () => remote[${key('new')}](...args), (handle) => remote[${key('release')}](handle));
  }
}
const ${prototype} = ${local}.prototype;
${[...routed, ...kept].join('\n')}`;
}

// Emitted when a function of the service resolves to an instance.
const ADOPT_HELPER = `// An instance a function of the service built, as the facade's class: a proxy of it, with its handle.
function adoptInstance<T extends object>(cls: { prototype: T }, handle: string, release: (handle: string) => Promise<void>): T {
  const proxy = Object.create(cls.prototype) as T;
  keepRemote(instanceHandles, proxy, () => Promise.resolve(handle), release);
  return proxy;
}`;

// Emitted once per facade with a remote instance class: where instances live, their handles, shadow twins.
const INSTANCE_HELPERS = `// Instances of the service's classes built by the monolith: the handle of each remote one (or of a shadow's twin).
const instanceHandles = new WeakMap<object, Promise<string>>();
const instanceTwins = new WeakMap<object, Promise<string>>();
const instanceReleases = new WeakMap<object, () => Promise<void>>();
interface Finalizer {
  register(target: object, release: () => Promise<void>): void;
}
// A handle is released when the monolith drops its object; the service's idle limit covers the rest (a crash, an old runtime).
const Registry = (globalThis as { FinalizationRegistry?: new (cleanup: (release: () => Promise<void>) => void) => Finalizer }).FinalizationRegistry;
const finalizer = Registry ? new Registry((release) => void release().catch(() => undefined)) : undefined;

// Where a new instance lives: its class's \`new\` mode; a percentage is drawn once, for the instance's whole life.
function placement(operation: string): 'local' | 'remote' | 'shadow' {
  const mode = modeOf(SERVICE, operation);
  if (mode.kind === 'percent') return Math.random() * 100 < mode.percent ? 'remote' : 'local';
  return mode.kind;
}

function keepRemote(handles: WeakMap<object, Promise<string>>, target: object, create: () => Promise<string>, release: (handle: string) => Promise<void>): void {
  const handle = create().catch(rebuild);
  // A constructor the service refused fails the instance's first call, with the service's error; never as an unhandled rejection.
  handle.catch(() => undefined);
  handles.set(target, handle);
  const drop = () => handle.then(release);
  if (handles === instanceHandles) instanceReleases.set(target, drop);
  finalizer?.register(target, drop);
}

/** Releases a remote instance now (else the service drops it when this object is collected, or after its idle limit). */
export async function releaseInstance(target: object): Promise<void> {
  const drop = instanceReleases.get(target);
  instanceReleases.delete(target);
  if (drop) await drop();
}

// One async method of an instance, where the instance lives.
// In shadow, its twin replays a read only, as operations are (a write would happen twice on a shared database).
function onInstance<T>(target: object, operation: string, local: () => Promise<T>, remoteCall: (handle: string) => Promise<T>, access: 'read' | 'write' = 'write'): Promise<T> {
  const handle = instanceHandles.get(target);
  if (handle) return handle.then(remoteCall).catch(rebuild);
  const twin = instanceTwins.get(target);
  return twin && shadowReplays(SERVICE, operation, access) ? shadowed(operation, local, () => twin.then(remoteCall)) : local();
}

// A method a remote instance does not answer (synchronous, or of data JSON cannot carry): the monolith never calls it.
function onLocalInstance<T>(target: object, operation: string, local: () => T): T {
  if (instanceHandles.has(target)) throw new Error(\`seams: \${operation} is not routed: this instance lives in the \${SERVICE} service, which answers only its async methods\`);
  return local();
}

// The local instance's answer is the caller's; its twin's, compared in the background, as operations in shadow are.
async function shadowed<T>(operation: string, local: () => Promise<T>, twin: () => Promise<T>): Promise<T> {
${LOCAL_OUTCOME}
  const expected: unknown = thrown ? { threw: true } : JSON.parse(JSON.stringify(result ?? null));
  trackShadow(() =>
    twin().then(
      (other) => {
        if (thrown || shadowDiffers(SERVICE, expected, other ?? null)) reportShadow({ service: SERVICE, operation, local: expected, remote: other });
      },
      (error: Error) => {
        if (!thrown) reportShadow({ service: SERVICE, operation, local: expected, error: error.message });
      },
    ),
  );
  if (thrown) throw thrown.error;
  return result as T;
}`;

/**
 * A function of the service that resolves to a remote-instance class: routed remote, the service keeps what it
 * returned and the caller gets a proxy. Its mode is read at each call, like an operation's; in shadow it serves
 * locally (a local instance and a proxy cannot be compared as JSON).
 */
export function instanceFactory(operation: Operation, local: string): string {
  const owner = operation.returnsInstance!;
  const key = stringLiteral(operation.name);
  return `export const ${operation.name}: typeof ${local} = (...args) =>
  placement(${key}) === 'remote'
    ? remote.${operation.name}(...args).then((handle) => adoptInstance(${owner}, handle, (kept) => remote[${stringLiteral(`${owner}.release`)}](kept))).catch(rebuild)
    : ${local}(...args);`;
}

/** What the facade imports from routing.ts for its instance classes. */
export const INSTANCE_ROUTING_IMPORTS = ['modeOf', 'reportShadow', 'shadowDiffers', 'shadowReplays', 'trackShadow'];

/** The service's call of one instance operation, on the instance its handle names. */
export function instanceCall(operation: Operation): string {
  const owner = operation.owner!;
  const kind = stringLiteral(owner);
  const call =
    operation.instance === 'new'
      ? `async (...args) => keep(${kind}, new ${owner}(...args))`
      : operation.instance === 'release'
        ? `async ($handle) => release(${kind}, $handle)`
        : `async ($handle, ...args) => instanceOf<${owner}>(${kind}, $handle).${memberOf(operation)}(...args)`;
  return `${propertyKey(operation.name)}: ${call}`;
}

/** The service's call of a function that resolves to an instance: it keeps the instance and answers its handle. */
export const factoryCall = (operation: Operation): string =>
  `${operation.name}: async (...args) => keep(${stringLiteral(operation.returnsInstance!)}, await ${operation.name}(...args))`;

/** What operations.ts imports for the instance classes: each class, and the registry. */
export function instanceImports(path: string, model: ContractModel): string[] {
  const classes = model.instanceClasses ?? [];
  if (classes.length === 0) return [];
  return [
    ...classes.map((cls) => `import { ${cls.name} } from '${importPath(path, cls.file)}';`),
    `import { instanceOf, keep, release } from './instances';`,
  ];
}

/**
 * instances.ts: the instances the service keeps for the monolith, bounded: at most so many at once, each
 * dropped after it sits idle, or when the monolith releases it. Handles are 32 random bytes, so a caller
 * that holds the shared secret still cannot reach another caller's instance without its handle.
 */
export function instancesFile(origin: Origin, model: ContractModel, layout: Layout): GeneratedFile | undefined {
  if ((model.instanceClasses ?? []).length === 0) return undefined;
  const env = envPrefix(origin.service);
  return {
    path: `${layout.service}/src/instances.ts`,
    content: `${header(origin, 'the instances the service keeps for the monolith, under handles')}
import { randomBytes } from 'node:crypto';

const SERVICE = ${stringLiteral(origin.service)};
const number = (text: string | undefined, fallback: number) => (text && Number(text) > 0 ? Number(text) : fallback);
/** At most this many instances at once (${env}_MAX_INSTANCES, default 1000): past it, a construction is refused with 429. */
const MAX_INSTANCES = number(process.env['${env}_MAX_INSTANCES'], 1000);
/** An instance not called for this long is dropped (${env}_INSTANCE_IDLE_MS, default 15 minutes). */
const IDLE_MS = number(process.env['${env}_INSTANCE_IDLE_MS'], 15 * 60_000);

interface Kept {
  kind: string;
  instance: object;
  used: number;
}
const kept = new Map<string, Kept>();

// An error with a status: the server answers it as is, and the facade rethrows it to the caller.
const refused = (status: number, code: string, message: string) => Object.assign(new Error(message), { name: 'InstanceError', status, code });

function sweep(now: number): void {
  kept.forEach((entry, handle) => {
    if (now - entry.used > IDLE_MS) kept.delete(handle);
  });
}

/** Keeps a new instance and answers its handle. */
export function keep(kind: string, instance: object): string {
  const now = Date.now();
  sweep(now);
  if (kept.size >= MAX_INSTANCES) throw refused(429, 'TOO_MANY_INSTANCES', \`\${SERVICE} keeps \${MAX_INSTANCES} instances already: release some, or raise ${env}_MAX_INSTANCES\`);
  const handle = randomBytes(32).toString('hex');
  kept.set(handle, { kind, instance, used: now });
  return handle;
}

/** The instance a handle names, when it is of this class and still kept. */
export function instanceOf<T>(kind: string, handle: string): T {
  const entry = kept.get(handle);
  const now = Date.now();
  if (!entry || entry.kind !== kind || now - entry.used > IDLE_MS) {
    if (entry?.kind === kind) kept.delete(handle);
    throw refused(410, 'INSTANCE_GONE', \`no \${kind} under this handle: it was released, sat idle too long, or the service restarted\`);
  }
  entry.used = now;
  return entry.instance as T;
}

/** Drops an instance; releasing one already gone is not an error. */
export function release(kind: string, handle: string): void {
  if (kept.get(handle)?.kind === kind) kept.delete(handle);
}
`,
  };
}
