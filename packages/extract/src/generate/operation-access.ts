import type { DataAccess } from '@seams/graph';
import type { Operation } from '../contract/contract-model.ts';

/**
 * Whether an operation only reads, and how that is known. Shadow mode replays an operation to the service only
 * when it is a read (else both sides would make the write on a shared database); remote mode lets only a read
 * fall back to local.
 */
export type OperationAccess = NonNullable<Operation['access']>;

// Operations named like reads (getPayment, listOrders...), when nothing better is known.
const isRead = (name: string): boolean =>
  /^(get|list|find|fetch|read|search|count|lookup|query|load|describe|show|view|has|is|can|check)([A-Z_]|$)/.test(name);

/**
 * The data evidence wins: an operation whose own body reads tables and writes none is a read, one that writes any
 * is a write, whatever its name. Only accesses in its own body count (calls into other functions are not
 * followed), so an operation with none is judged by its name, and anything not named like a read is a write.
 */
export function operationAccess(
  operation: Pick<Operation, 'name' | 'file'>,
  data: readonly DataAccess[] = [],
): OperationAccess {
  const own = data.filter((a) => !a.test && a.from === operation.file && a.function === operation.name);
  if (own.length > 0) return { access: own.some((a) => a.access === 'write') ? 'write' : 'read', evidence: 'data' };
  return { access: isRead(operation.name.slice(operation.name.indexOf('.') + 1)) ? 'read' : 'write', evidence: 'name' };
}

/** True when an operation is known to be a read: as extract classified it, else by its name. */
export const readsOnly = (operation: Pick<Operation, 'name' | 'file' | 'access'>): boolean =>
  (operation.access ?? operationAccess(operation)).access === 'read';
