import { TypeFlags, type Type } from 'ts-morph';
import type { TypeRef } from './contract-model.ts';
import { literalText, typeRef } from './type-text.ts';
import { report, type At, type Walk } from './type-walk.ts';

/** Types without members: keywords, literals, template strings, and the few of them JSON has no form for. */
export function describePrimitive(type: Type, at: At, walk: Walk): TypeRef | undefined {
  const flags = type.getFlags();
  if (type.isAny()) return typeRef('any', {});
  if (type.isUnknown()) return typeRef('unknown', {});
  if (type.isNever()) return typeRef('never', { not: {} });
  if (type.isVoid()) return typeRef('void', {});
  if (type.isUndefined()) return typeRef('undefined', {});
  if (type.isNull()) return typeRef('null', { type: 'null' });
  if (type.isString()) return typeRef('string', { type: 'string' });
  if (type.isNumber()) return typeRef('number', { type: 'number' });
  if (type.isBoolean()) return typeRef('boolean', { type: 'boolean' });
  if (type.isBooleanLiteral()) return typeRef(type.getText(), { const: type.getText() === 'true' });
  if (type.isStringLiteral() || type.isNumberLiteral()) {
    const value = type.getLiteralValue() as string | number;
    return typeRef(literalText(value), { const: value });
  }
  if (type.isTemplateLiteral() || flags & TypeFlags.StringMapping) {
    const text = type.getText();
    return typeRef(text.includes('import(') ? 'string' : text, { type: 'string' });
  }
  if (flags & TypeFlags.NonPrimitive) return typeRef('object', { type: 'object' });
  if (flags & TypeFlags.BigIntLike)
    return unsupported('bigint', at, walk, 'a bigint', 'JSON cannot carry it: send it as a string');
  if (flags & TypeFlags.ESSymbolLike)
    return unsupported('symbol', at, walk, 'a symbol', 'JSON cannot carry it: use a string');
  if (type.isTypeParameter()) {
    return unsupported(
      'unknown',
      at,
      walk,
      `generic (\`${type.getText()}\`)`,
      'a remote call needs concrete types: declare the types it is called with',
    );
  }
  return undefined;
}

function unsupported(text: string, at: At, walk: Walk, what: string, advice: string): TypeRef {
  report(walk, at, 'unsupported-type', what, advice);
  return typeRef(text, {});
}
