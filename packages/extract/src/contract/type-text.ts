import type { JsonSchema, TypeRef } from './contract-model.ts';

// How tightly a type text binds, so that members get parentheses only where TypeScript needs them:
// `(() => void) | null`, `(string | null)[]`.
export const FUNCTION = 0;
export const UNION = 1;
export const INTERSECTION = 2;
export const OPERATOR = 3;
const ATOM = 4;

const precedence = new WeakMap<TypeRef, number>();

export function typeRef(text: string, schema: JsonSchema, binds: number = ATOM): TypeRef {
  const ref = { text, schema };
  if (binds !== ATOM) precedence.set(ref, binds);
  return ref;
}

/** The text of `ref` as an operand of something that binds at least as tightly as `min`. */
export function operand(ref: TypeRef, min: number = ATOM): string {
  return (precedence.get(ref) ?? ATOM) < min ? `(${ref.text})` : ref.text;
}

export function literalText(value: string | number | boolean): string {
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value);
}

export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : literalText(name);
}

/** A JSDoc comment as written, re-indented to `indent`. */
export function docComment(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? indent + line.trim() : `${indent} ${line.trim()}`))
    .join('\n');
}
