import type { z } from 'zod';
import { contractKindOf, type ContractKind } from './contract-kind.ts';
import { FormatError, type ErrorCode } from './errors.ts';

interface Contract<T> {
  schema: z.ZodType<T>;
  version: number;
  /** What the file is, for messages: 'graph', 'plan'. */
  kind: ContractKind;
  code: ErrorCode;
  /** The command that writes a fresh one. */
  remedy: string;
  /** Where a file of this kind comes from, for the message when another seams file was passed. */
  expected: string;
  /** A quicker check giving what the schema would, or undefined to leave `json` to the schema. */
  fast?: (json: unknown) => T | undefined;
}

/** Validates a versioned contract file read from JSON; the error names the first offending field. */
export function parseContract<T>(contract: Contract<T>, json: unknown, origin: string): T {
  const kind = contractKindOf(json);
  if (kind && kind !== contract.kind)
    throw new FormatError(contract.code, `${origin} is a seams ${kind}, not a ${contract.kind}: ${contract.expected}.`);
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== contract.version) {
    throw new FormatError(
      contract.code,
      `${origin} has ${contract.kind} format version ${version}; this seams reads version ${contract.version}. Re-run '${contract.remedy}'.`,
    );
  }
  const fast = contract.fast?.(json);
  if (fast) return fast;
  const result = contract.schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new FormatError(
      contract.code,
      `${origin} is not a seams ${contract.kind}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    );
  }
  return result.data;
}
