import { z } from 'zod';

// Hand-written checks for the long lists of seams' JSON contracts, each as strict as the zod schema it stands in for
// (or stricter): they only ever answer "valid, and the schema would give this back as it is", never explain.

/** Whether a value passes one field's schema. */
export type Guard = (value: unknown) => boolean;

export const isString: Guard = (value) => typeof value === 'string';
export const isBoolean: Guard = (value) => typeof value === 'boolean';
export const isCount: Guard = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
export const isPositive: Guard = (value) => Number.isFinite(value) && (value as number) > 0;
export const isNumber: Guard = (value) => Number.isFinite(value);
export const isInteger: Guard = (value) => Number.isSafeInteger(value);
export const oneOf = (values: readonly string[]): Guard => {
  const allowed = new Set(values);
  return (value) => typeof value === 'string' && allowed.has(value);
};
export const isStringArray: Guard = (value) => {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
};
export const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
/** A record whose every key but `__proto__` (which the schema drops) holds a value `guard` passes. */
export const recordOf =
  (guard: Guard): Guard =>
  (value) => {
    if (!isPlain(value)) return false;
    for (const key in value) if (key === '__proto__' || !guard(value[key])) return false;
    return true;
  };

/** An array whose every element `guard` passes. */
export const arrayOf =
  (guard: Guard): Guard =>
  (value) => {
    if (!Array.isArray(value)) return false;
    for (let i = 0; i < value.length; i++) if (!guard(value[i])) return false;
    return true;
  };

/**
 * A guard for objects of `schema` that holds a guard per field (the compiler asks for one per field of the schema)
 * and passes only objects the schema would give back unchanged: plain, no other keys, keys in the schema's order.
 */
export function objectGuard<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  fields: { [Key in keyof Shape]: Guard },
): Guard {
  const keys = Object.keys(schema.shape);
  const guards = keys.map((key) => fields[key]!);
  const required = keys.map((key) => !z.safeParse(schema.shape[key]!, undefined).success);
  return (value) => {
    if (!isPlain(value)) return false;
    let at = 0;
    for (const key in value) {
      while (at < keys.length && keys[at] !== key) at++;
      if (at++ === keys.length) return false;
    }
    for (let i = 0; i < keys.length; i++) {
      const field = value[keys[i]!];
      if (field === undefined ? required[i] : !guards[i]!(field)) return false;
    }
    return true;
  };
}
