import type { ContractModel } from '../contract/build-contract.ts';
import { contractName, remoteOperations } from './contract-files.ts';
import { header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import { facadeDefaults } from './default-exports.ts';
import { importPath } from './import-path.ts';
import type { Layout } from './service-files.ts';
import type { EventBusUse } from '../find-event-bus.ts';
import { errorImports, rebuildSource, type ThrownError } from './error-rebuild.ts';
import { facadedModules, providerFacade } from './provider-files.ts';
import { readsOnly } from './operation-access.ts';
import { INSTANCE_ROUTING_IMPORTS, instanceFacade, instanceFactory } from './instance-class-files.ts';

/**
 * The facade in the monolith (branch by abstraction): the same names and types as the service's
 * code, each call routed local, remote, shadow or by percentage. Errors thrown remotely are rebuilt
 * as the monolith's own classes, so `instanceof` and error codes keep working for callers.
 * Everything that cannot go remote (types, sync functions, classes, values) is re-exported as is.
 * Events the service publishes on the monolith's bus are relayed back and published here. `routed`: the
 * entries the facade routes rather than re-exports (the codemod points only imports of those at it).
 */
export function facadeFile(
  origin: Origin,
  model: ContractModel,
  layout: Layout,
  entries: readonly string[],
  errors: readonly ThrownError[],
  bus: EventBusUse | undefined,
): GeneratedFile & { routed: ReadonlySet<string> } {
  const path = `${layout.facade}/${origin.service}.facade.ts`;
  const remote = remoteOperations(model);
  const remoteNames = new Set(remote.map((o) => `${o.file}#${o.name}`));
  const files = [...new Set([...remote.map((o) => o.file), ...facadedModules(model).map((m) => m.file)])];
  const alias = new Map(files.map((file, i) => [file, `local${i + 1}`]));
  const providers = providerFacade(path, model, (file) => alias.get(file)!);
  const instances = instanceFacade(model, remote, (file) => alias.get(file)!);
  const typeEntries = new Set(model.others.filter((o) => o.kind === 'type').map((o) => o.entry));
  const passThrough = new Map<string, { values: string[]; types: string[] }>();
  const routed = new Set<string>();
  for (const entry of entries) {
    if (remoteNames.has(entry) || providers.entries.has(entry) || instances.entries.has(entry)) {
      routed.add(entry);
      continue;
    }
    const [file, name] = entry.split('#') as [string, string];
    const group = passThrough.get(file) ?? passThrough.set(file, { values: [], types: [] }).get(file)!;
    (typeEntries.has(entry) ? group.types : group.values).push(name);
  }
  // One default per module: the others' defaults get names (the codemod imports them by those).
  const defaults = facadeDefaults(entries);
  const exported = (file: string, name: string) => {
    const as = name === 'default' ? defaults.get(file) : undefined;
    return as && as !== 'default' ? `default as ${as}` : name;
  };
  const reexports = [...passThrough].flatMap(([file, { values, types }]) => [
    ...(values.length
      ? [`export { ${values.map((name) => exported(file, name)).join(', ')} } from '${importPath(path, file)}';`]
      : []),
    ...(types.length
      ? [`export type { ${types.map((name) => exported(file, name)).join(', ')} } from '${importPath(path, file)}';`]
      : []),
  ]);
  const operations = remote
    .filter((o) => o.owner === undefined)
    .map((o) => {
      const local = `${alias.get(o.file)}.${o.name}`;
      if (o.returnsInstance) return instanceFactory(o, local);
      const access = readsOnly(o) ? `, 'read'` : '';
      return `export const ${o.name}: typeof ${local} = (...args) =>\n  route(SERVICE, '${o.name}', () => ${local}(...args), () => remote.${o.name}(...args).catch(rebuild)${access});`;
    });
  // Only what the facade uses: a monolith may compile with noUnusedLocals.
  const routingImports = ['breakerOf', 'endpointOf', 'isShadowCall', 'timeoutOf', 'tokenOf'];
  if (remote.some((o) => o.owner === undefined && !o.returnsInstance) || providers.code) routingImports.push('route');
  if (instances.code) routingImports.push(...INSTANCE_ROUTING_IMPORTS);
  routingImports.sort();
  const client = `create${contractName(origin.service).replace(/Contract$/, '')}Client`;
  const relay = bus
    ? `
  // Events the service published during a call are published here too, where the monolith's subscribers
  // are, unless the call only shadows a local one (which published them already).
  ${bus.types ? `knownEvents: [${bus.types.map(stringLiteral).join(', ')}],` : '// The events are checked to be objects: not every publish names its type, so there is no list to check them against.'}
  onEvents: async (events) => {
    if (isShadowCall()) return;
    for (const event of events) await ${bus.binding}.${bus.method}(event as Parameters<typeof ${bus.binding}.${bus.method}>[0]);
  },`
    : '';
  const calls = [...operations, ...[providers.code, instances.code].filter(Boolean)];
  // Only what the facade uses: with nothing remote (extract --force) there is no client, routing or rebuild.
  const caller = calls.length
    ? `import { ${client}, RemoteError } from '${importPath(path, `${layout.service}/src/client.ts`)}';
import { ${routingImports.join(', ')} } from './routing';
`
    : '';
  const callerSetup = calls.length
    ? `
const SERVICE = ${stringLiteral(origin.service)};
const remote = ${client}(() => endpointOf(SERVICE), {
  token: () => tokenOf(SERVICE),
  timeoutMs: (operation) => timeoutOf(SERVICE, operation),
  breaker: breakerOf(SERVICE),
  // Shadow calls never keep the process alive.
  background: isShadowCall,${relay}
});

${rebuildSource(errors)}

${calls.join('\n\n')}
`
    : '';
  return {
    path,
    routed,
    content: `${header(origin, `the facade the monolith calls instead of ${origin.name}'s code`)}
${files.map((file) => `import * as ${alias.get(file)} from '${importPath(path, file)}';`).join('\n')}
${errorImports(path, calls.length ? errors : [], providers.imports).join('\n')}${bus && calls.length ? `\nimport { ${bus.binding} } from '${importPath(path, bus.file)}';` : ''}
${caller}
// What a caller catches when the service cannot answer (down, hung, circuit open) or answers with an error of no known class.
export { RemoteError, ServiceUnavailableError } from '${importPath(path, `${layout.service}/src/client.ts`)}';
${callerSetup}${reexports.length ? `\n// Not remote (types, synchronous functions, values): served by the monolith's code as before.\n${reexports.join('\n')}\n` : ''}`,
  };
}
