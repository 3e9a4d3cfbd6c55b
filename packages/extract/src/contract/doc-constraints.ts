import type { JsonSchema } from './contract-model.ts';

const NUMERIC = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'] as const;
const LENGTHS = ['minLength', 'maxLength'] as const;
const FORMATS = new Set(['email', 'uuid', 'uri', 'url', 'date-time', 'date']);

/**
 * The runtime checks a property's JSDoc states, in the tags JSON Schema generators read
 * (`@minimum 1`, `@maxLength 200`, `@pattern ^[A-Z]{3}$`, `@format email`, `@integer`), added to
 * its schema so the service validates them too. Only for a plain number or string schema: a
 * reference or union keeps its own checks.
 */
export function withDocConstraints(schema: JsonSchema, docs: readonly string[]): JsonSchema {
  const tags = new Map<string, string>();
  for (const doc of docs)
    for (const [, tag, value] of doc.matchAll(/@(\w+)[ \t]*([^\n*@]*)/g)) tags.set(tag!, value!.trim());
  if (tags.size === 0) return schema;
  const checks: JsonSchema = {};
  if (schema.type === 'number' || schema.type === 'integer') {
    for (const name of NUMERIC) {
      const value = Number(tags.get(name));
      if (tags.has(name) && Number.isFinite(value)) checks[name] = value;
    }
    if (tags.has('integer')) checks.type = 'integer';
  } else if (schema.type === 'string') {
    for (const name of LENGTHS) {
      const value = Number(tags.get(name));
      if (tags.has(name) && Number.isInteger(value) && value >= 0) checks[name] = value;
    }
    const pattern = tags.get('pattern');
    if (pattern && validPattern(pattern)) checks.pattern = pattern;
    const format = tags.get('format');
    if (format && FORMATS.has(format)) checks.format = format;
  }
  return { ...schema, ...checks };
}

function validPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
