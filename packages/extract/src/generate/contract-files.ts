import type { ContractModel, Operation } from '../contract/build-contract.ts';
import { header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import { zodSource } from './zod-source.ts';

// Data that does not survive JSON (callbacks, class instances, Dates, Maps) keeps an operation local.
const TYPE_BLOCKERS = new Set(['callback', 'class-instance', 'unsupported-type']);

/** Async operations whose data survives JSON: what could go remote. */
export const routableOperations = (model: ContractModel): Operation[] =>
  model.operations.filter(
    (operation) =>
      operation.async && !model.blockers.some((b) => b.operation === operation.name && TYPE_BLOCKERS.has(b.kind)),
  );

/**
 * The operations the facade and the service serve remotely: the routable functions, and the routable
 * methods of the injected classes the facade stands in for (by a subclass under the same name), and the
 * constructor, async methods and release of the classes the monolith constructs as remote instances. A default
 * export has no name to serve it under: it stays local (the facade re-exports it).
 */
export const remoteOperations = (model: ContractModel): Operation[] =>
  routableOperations(model).filter(
    (operation) =>
      (operation.owner === undefined && operation.name !== 'default') ||
      (model.providers ?? []).some((p) => p.name === operation.owner && p.file === operation.file) ||
      (model.instanceClasses ?? []).some((c) => c.name === operation.owner && c.file === operation.file),
  );

const pascal = (name: string) => name.replace(/(^|[-_ ])(\w)/g, (_m, _s, c: string) => c.toUpperCase());

/** An operation's name as a property key: `findById`, or `'UsersService.findById'` for a method of a provider. */
export const propertyKey = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name));

export const contractName = (service: string): string => `${pascal(service)}Contract`;

/**
 * An operation's parameters as TypeScript: `name?: T` only where every later one may be left out too; a defaulted
 * one before a required one (`constructor(routes = [], appId)`) is `routes: T | undefined`, since an optional
 * parameter cannot precede a required one (TS1016).
 */
export function parameterList(params: Operation['params']): string {
  const lastRequired = params.findLastIndex((p) => !p.optional);
  return params
    .map((p, i) => {
      if (!p.optional) return `${p.name}: ${p.type.text}`;
      if (i > lastRequired) return `${p.name}?: ${p.type.text}`;
      const text = /=>/.test(p.type.text) ? `(${p.type.text})` : p.type.text;
      return /\bundefined\b/.test(p.type.text) ? `${p.name}: ${p.type.text}` : `${p.name}: ${text} | undefined`;
    })
    .join(', ');
}

const signature = (operation: Operation) =>
  `${propertyKey(operation.name)}(${parameterList(operation.params)}): Promise<${operation.returns.text}>`;

/** contract.ts: the types crossing the boundary, and the service as one interface. */
export function contractFile(origin: Origin, model: ContractModel, path: string): GeneratedFile {
  const operations = remoteOperations(model);
  const members = operations.map(
    (operation) => `${operation.doc ? `  /** ${operation.doc} */\n` : ''}  ${signature(operation)};`,
  );
  return {
    path,
    content: `${header(origin, 'the types and operations that cross the boundary')}
${model.types.map((type) => type.text).join('\n\n')}

/** Everything the rest of the monolith calls on ${origin.service}, as the extracted service serves it. */
export interface ${contractName(origin.service)} {
${members.join('\n')}
}

/** The operations, in the order of the contract. */
export const OPERATIONS = [${operations.map((o) => `'${o.name}'`).join(', ')}] as const;

export type OperationName = (typeof OPERATIONS)[number];
`,
  };
}

/** schemas.ts: zod schemas of every type and of each operation's arguments and result. */
export function schemasFile(origin: Origin, model: ContractModel, path: string): GeneratedFile {
  const types = model.types.map((type) => `export const ${type.name}: z.ZodType = ${zodSource(type.schema)};`);
  const operations = remoteOperations(model).map((operation) => {
    const args = operation.params.map(
      (p) => `      ${p.name}: ${zodSource(p.type.schema, '      ')}${p.optional ? '.optional()' : ''},`,
    );
    const names = operation.params.map((p) => `'${p.name}'`).join(', ');
    return `  ${propertyKey(operation.name)}: {
    params: [${names}],
    args: z.object({
${args.join('\n')}
    }),
    result: ${operation.returns.text === 'void' ? 'z.unknown()' : zodSource(operation.returns.schema, '    ')},
  },`;
  });
  return {
    path,
    content: `${header(origin, 'runtime validation of the contract (zod)')}
import { z } from 'zod';

${types.join('\n\n')}

/** Per operation: its parameter names in call order, its named arguments (the request body) and its result (the response body). */
export const operationSchemas = {
${operations.join('\n')}
};
`,
  };
}

/** openapi.json: the same contract as OpenAPI 3.1, one POST per operation, with the shared error shape. */
export function openApiFile(origin: Origin, model: ContractModel, path: string, version: string): GeneratedFile {
  const paths: Record<string, unknown> = {
    '/health': {
      get: {
        operationId: 'health',
        summary: 'Liveness',
        responses: {
          '200': {
            description: 'The service is up',
            content: json({
              type: 'object',
              properties: { status: { const: 'ok' }, service: { type: 'string' } },
              required: ['status', 'service'],
            }),
          },
        },
      },
    },
  };
  for (const operation of remoteOperations(model)) {
    const properties = Object.fromEntries(operation.params.map((p) => [p.name, p.type.schema]));
    const required = operation.params.filter((p) => !p.optional).map((p) => p.name);
    paths[`/v1/${operation.name}`] = {
      post: {
        operationId: operation.name,
        ...(operation.doc ? { summary: operation.doc } : {}),
        requestBody: {
          required: true,
          content: json({ type: 'object', properties, required, additionalProperties: false }),
        },
        security: [{ token: [] }],
        responses: {
          '200': {
            description: 'The result, and the events the operation published',
            content: json({
              type: 'object',
              properties: { result: operation.returns.text === 'void' ? {} : operation.returns.schema, events: EVENTS },
              required: ['result', 'events'],
            }),
          },
          '400': { description: 'The arguments do not match the contract', content: json(ERROR) },
          '401': { description: "The facade's token is missing or wrong", content: json(ERROR) },
          '413': { description: 'The body is above the limit', content: json(ERROR) },
          '415': { description: 'The body is not application/json', content: json(ERROR) },
          '4XX': { description: "The operation refused: the error's own status", content: json(ERROR) },
          '500': { description: 'The operation failed', content: json(ERROR) },
        },
      },
    };
  }
  const schemas = Object.fromEntries(model.types.map((type) => [type.name, type.schema]));
  schemas.Error = {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: { name: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, details: {} },
        required: ['name', 'message'],
      },
      events: EVENTS,
    },
    required: ['error'],
  };
  const document = {
    openapi: '3.1.0',
    info: {
      title: `${origin.service} service`,
      version,
      description: `Extracted from the monolith by seams extract (${origin.plan}).`,
    },
    paths,
    components: {
      schemas,
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'The shared secret of the service' } },
    },
  };
  return { path, content: JSON.stringify(document, null, 2) + '\n' };
}

const ERROR = { $ref: '#/components/schemas/Error' };
const EVENTS = { type: 'array', maxItems: 100, items: { type: 'object' } };

const json = (schema: unknown) => ({ 'application/json': { schema } });
