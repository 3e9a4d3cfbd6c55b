import type { ContractModel, ImportSource, NestModule, Operation, Provider } from '../contract/contract-model.ts';
import { propertyKey, remoteOperations } from './contract-files.ts';
import { header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import { importPath } from './import-path.ts';
import { readsOnly } from './operation-access.ts';
import type { Layout } from './service-files.ts';

const method = (operation: Operation) => operation.name.slice(operation.name.indexOf('.') + 1);

/** The injected classes the facade stands in for: those with a method that can go remote. */
function facadedProviders(model: ContractModel): Array<{ provider: Provider; operations: Operation[] }> {
  const remote = remoteOperations(model);
  return (model.providers ?? []).flatMap((provider) => {
    const operations = remote.filter((o) => o.owner === provider.name && o.file === provider.file);
    return operations.length > 0 ? [{ provider, operations }] : [];
  });
}

/** The NestJS modules that provide one of the facaded classes: the facade declares them again. */
export function facadedModules(model: ContractModel): NestModule[] {
  const names = new Set(facadedProviders(model).map(({ provider }) => provider.name));
  return (model.modules ?? []).filter((m) => m.provides.some((p) => names.has(p)));
}

const source = (path: string, from: ImportSource) => from.module ?? importPath(path, from.file);

/**
 * The facade's part for injected classes. Each becomes a subclass under the same name, with the same
 * constructor and container decorator, so the container builds it as it built the class and the type
 * is the class's own; its async methods are routed, the rest run here as before. A NestJS module that
 * provides one is declared again with the subclass in the class's place, under both tokens.
 */
export function providerFacade(
  path: string,
  model: ContractModel,
  alias: (file: string) => string,
): { imports: Array<{ source: string; name: string }>; code: string; entries: Set<string> } {
  const facaded = facadedProviders(model);
  const entries = new Set<string>();
  const imports: Array<{ source: string; name: string }> = [];
  const need = (from: ImportSource, name: string) => imports.push({ source: source(path, from), name });
  const blocks = facaded.map(({ provider, operations }) => {
    entries.add(`${provider.file}#${provider.name}`);
    for (const decorator of provider.decorators) need(decorator.from, decorator.name);
    const local = `${alias(provider.file)}.${provider.name}`;
    const prototype = `local${provider.name}`;
    const methods = operations.map((o) => {
      const access = readsOnly(o) ? `, 'read'` : '';
      return `${provider.name}.prototype.${method(o)} = function (...args) {
  return route(SERVICE, '${o.name}', () => ${prototype}.${method(o)}.apply(this, args), () => remote[${stringLiteral(o.name)}](...args).catch(rebuild)${access});
};`;
    });
    return `// ${provider.name} as the monolith injects it: the same constructor and decorators, its async methods routed.
${provider.decorators.map((d) => `${d.text}\n`).join('')}export class ${provider.name} extends ${local} {}
const ${prototype} = ${local}.prototype;
${methods.join('\n')}`;
  });
  const modules = facadedModules(model);
  const moduleBlocks = modules.map((module) => {
    entries.add(`${module.file}#${module.name}`);
    need(module.moduleFrom, 'Module');
    const local = `${alias(module.file)}.${module.name}`;
    const swaps = facaded
      .filter(({ provider }) => module.provides.includes(provider.name))
      .map(({ provider }) => `[${alias(provider.file)}.${provider.name}, ${provider.name}]`);
    // It extends the module: what the class itself does (configure() applying middleware, hooks) still runs.
    return `// ${module.name} as the monolith imports it: its lists, with each facade provided in its class's place.
@Module(withFacades(${local}, [${swaps.join(', ')}]))
export class ${module.name} extends ${local} {}`;
  });
  const helper = modules.length
    ? `// Nest keeps a module's lists as metadata on its class: the same lists, each facaded class swapped for its
// facade, which is also provided under the class (for code that still injects the class itself).
function withFacades(module: object, facades: Array<[object, object]>): Parameters<typeof Module>[0] {
  const metadata = Reflect as unknown as { getMetadata?: (key: string, target: object) => unknown };
  if (typeof metadata.getMetadata !== 'function') throw new Error('seams: the facade reads Nest module metadata: load reflect-metadata first, as Nest does');
  const read = (key: string): unknown[] => {
    const list = metadata.getMetadata!(key, module);
    return Array.isArray(list) ? list : [];
  };
  // Nest up to 7 keys providers by class name: a facade named as its class would be the alias's own target.
  for (const [original, facade] of facades)
    if ((facade as { name?: string }).name === (original as { name?: string }).name)
      Object.defineProperty(facade, 'name', { value: \`\${(original as { name?: string }).name}Facade\` });
  const swap = (item: unknown) => facades.find(([original]) => original === item)?.[1] ?? item;
  const exported = read('exports');
  return {
    imports: read('imports'),
    controllers: read('controllers'),
    providers: [...read('providers').map(swap), ...facades.map(([original, facade]) => ({ provide: original, useExisting: facade }))],
    exports: [...exported.map(swap), ...facades.filter(([original]) => exported.includes(original)).map(([original]) => original)],
  } as Parameters<typeof Module>[0];
}`
    : '';
  return {
    imports,
    code: [...blocks, ...moduleBlocks, ...(helper ? [helper] : [])].join('\n\n'),
    entries,
  };
}

/** The service's call of one provider method: on the one instance providers.ts builds or takes from Nest's container. */
export const providerCall = (operation: Operation): string =>
  `${propertyKey(operation.name)}: (...args) => Promise.resolve(providers.${operation.owner}).then((instance) => instance.${method(operation)}(...args))`;

/**
 * providers.ts: the instances the service serves, built once as the monolith's container builds them:
 * from the constructor parameters' classes. Where seams cannot (a parameter injected by token, an
 * interface), the getter says so at the first call, for a person to build it as the monolith does.
 */
export function providersFile(
  origin: Origin,
  model: ContractModel,
  layout: Layout,
  nest = false,
): GeneratedFile | undefined {
  const facaded = facadedProviders(model);
  if (facaded.length === 0) return undefined;
  const path = `${layout.service}/src/providers.ts`;
  if (nest)
    return nestProvidersFile(
      origin,
      path,
      facaded.map(({ provider }) => provider),
    );
  const byFile = new Map<string, Set<string>>();
  const need = (file: string, name: string) => (byFile.get(file) ?? byFile.set(file, new Set()).get(file)!).add(name);
  const members = facaded.map(({ provider }) => {
    need(provider.file, provider.name);
    if ('reason' in provider.construct)
      return `  get ${provider.name}(): ${provider.name} {
    throw new Error(${stringLiteral(`build ${provider.name} here as the monolith's container does: ${provider.construct.reason}`)});
  },`;
    for (const cls of provider.construct.classes) need(cls.file, cls.name);
    return `  ${provider.name}: ${provider.construct.expression},`;
  });
  return {
    path,
    content: `${header(origin, 'the instances of the injected classes the service serves')}
${[...byFile].map(([file, names]) => `import { ${[...names].join(', ')} } from '${importPath(path, file)}';`).join('\n')}

/** One instance of each injected class, built as a container would: its constructor's classes, in turn. */
export const providers = {
${members.join('\n')}
};
`,
  };
}

// A NestJS service boots the monolith's modules (nest-module.ts): its classes come from that container, their
// own injected dependencies (repositories, configuration, other services) resolved as in the monolith.
function nestProvidersFile(origin: Origin, path: string, providers: readonly Provider[]): GeneratedFile {
  const byFile = new Map<string, string[]>();
  for (const p of providers) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p.name]);
  return {
    path,
    content: `${header(origin, "the instances of the injected classes the service serves, from Nest's container")}
${[...byFile].map(([file, names]) => `import { ${names.join(', ')} } from '${importPath(path, file)}';`).join('\n')}
import { provided } from './nest-module';

/** Each injected class as the Nest application of the service's modules provides it. */
export const providers = {
${providers.map((p) => `  get ${p.name}(): Promise<${p.name}> {\n    return provided(${p.name});\n  },`).join('\n')}
};
`,
  };
}
