import type { JsonSchema } from '../contract/build-contract.ts';

/**
 * zod 4 source for a JSON Schema of the subset the contract builder emits, so the service
 * validates with code a person can read (no schema interpreter at run time). `$ref`s become the
 * named schemas, declared lazily so that order and recursion do not matter.
 */
export function zodSource(schema: JsonSchema, indent = ''): string {
  if (typeof schema.$ref === 'string') return `z.lazy(() => ${refName(schema.$ref)})`;
  if (Array.isArray(schema.enum)) return enumSource(schema.enum);
  if ('const' in schema) return `z.literal(${literal(schema.const)})`;
  if (Array.isArray(schema.anyOf)) return nullableOr(schema.anyOf as JsonSchema[], indent);
  if (Array.isArray(schema.allOf))
    return (schema.allOf as JsonSchema[])
      .map((part) => zodSource(part, indent))
      .reduce((a, b) => `z.intersection(${a}, ${b})`);
  switch (schema.type) {
    case 'string':
      return `${FORMATS[schema.format as string] ?? 'z.string()'}${stringChecks(schema)}`;
    case 'number':
      return `z.number()${numberChecks(schema)}`;
    case 'integer':
      return `z.number().int()${numberChecks(schema)}`;
    case 'boolean':
      return 'z.boolean()';
    case 'null':
      return 'z.null()';
    case 'array':
      if (Array.isArray(schema.prefixItems))
        return `z.tuple([${(schema.prefixItems as JsonSchema[]).map((item) => zodSource(item, indent)).join(', ')}])`;
      return `z.array(${zodSource((schema.items as JsonSchema | undefined) ?? {}, indent)})`;
    case 'object':
      return objectSource(schema, indent);
    default:
      return 'z.unknown()';
  }
}

const FORMATS: Record<string, string> = {
  'date-time': 'z.string().datetime()',
  date: 'z.string().date()',
  email: 'z.string().email()',
  uuid: 'z.string().uuid()',
  uri: 'z.string().url()',
  url: 'z.string().url()',
};

// The checks a contract carries beyond the type (from the monolith's JSDoc tags), as zod methods.
const numberChecks = (schema: JsonSchema): string =>
  [
    typeof schema.minimum === 'number' ? `.min(${schema.minimum})` : '',
    typeof schema.exclusiveMinimum === 'number' ? `.gt(${schema.exclusiveMinimum})` : '',
    typeof schema.maximum === 'number' ? `.max(${schema.maximum})` : '',
    typeof schema.exclusiveMaximum === 'number' ? `.lt(${schema.exclusiveMaximum})` : '',
    typeof schema.multipleOf === 'number' ? `.multipleOf(${schema.multipleOf})` : '',
  ].join('');

const stringChecks = (schema: JsonSchema): string =>
  [
    typeof schema.minLength === 'number' ? `.min(${schema.minLength})` : '',
    typeof schema.maxLength === 'number' ? `.max(${schema.maxLength})` : '',
    typeof schema.pattern === 'string' ? `.regex(new RegExp(${literal(schema.pattern)}, 'u'))` : '',
  ].join('');

const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

// Strings in single quotes, as the rest of the generated code writes them.
const literal = (value: unknown): string =>
  typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);

function enumSource(values: unknown[]): string {
  if (values.length === 1) return `z.literal(${literal(values[0])})`;
  if (values.every((v) => typeof v === 'string')) return `z.enum([${values.map(literal).join(', ')}])`;
  return `z.union([${values.map((v) => `z.literal(${literal(v)})`).join(', ')}])`;
}

function nullableOr(options: JsonSchema[], indent: string): string {
  const nonNull = options.filter((o) => o.type !== 'null');
  const body =
    nonNull.length === 1
      ? zodSource(nonNull[0]!, indent)
      : `z.union([${nonNull.map((o) => zodSource(o, indent)).join(', ')}])`;
  return nonNull.length < options.length ? `${body}.nullable()` : body;
}

// One field a line, as a person would write it.
function objectSource(schema: JsonSchema, indent: string): string {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const inner = `${indent}  `;
  const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
  const fields = Object.entries(properties).map(
    ([name, value]) => `${inner}${key(name)}: ${zodSource(value, inner)}${required.has(name) ? '' : '.optional()'},`,
  );
  const extra = schema.additionalProperties;
  if (fields.length === 0 && extra && typeof extra === 'object')
    return `z.record(z.string(), ${zodSource(extra as JsonSchema, indent)})`;
  return fields.length > 0 ? `z.object({\n${fields.join('\n')}\n${indent}})` : 'z.object({})';
}
