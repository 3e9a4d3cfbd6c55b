import type { DataAccess } from '@seams/graph';
import type { Callee } from '../contract/called-functions.ts';
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
 * The data evidence wins: an operation that reads tables and writes none is a read, one that writes any is a
 * write, whatever its name. Its accesses are its own body's and those of the project's functions it calls,
 * directly or through others (`callees`, as the contract's checker resolved the calls), so an operation that
 * hands its write to a helper or an injected service writes too. With no access anywhere, it is judged by its
 * name, and anything not named like a read is a write.
 */
export function operationAccess(
  operation: Pick<Operation, 'name' | 'file'>,
  data: readonly DataAccess[] = [],
  callees: readonly Callee[] = [],
): OperationAccess {
  const reached = new Set([`${operation.file}#${operation.name}`, ...callees.map((c) => `${c.file}#${c.function}`)]);
  const accesses = data.filter((a) => !a.test && a.function !== undefined && reached.has(`${a.from}#${a.function}`));
  if (accesses.length > 0)
    return { access: accesses.some((a) => a.access === 'write') ? 'write' : 'read', evidence: 'data' };
  return { access: isRead(operation.name.slice(operation.name.indexOf('.') + 1)) ? 'read' : 'write', evidence: 'name' };
}

/** True when an operation is known to be a read: as extract classified it, else by its name. */
export const readsOnly = (operation: Pick<Operation, 'name' | 'file' | 'access'>): boolean =>
  (operation.access ?? operationAccess(operation)).access === 'read';
