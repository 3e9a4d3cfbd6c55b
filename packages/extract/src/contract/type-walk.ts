import type { Node, Type, TypeNode } from 'ts-morph';
import type { BlockerKind, TypeRef } from './contract-model.ts';

/** Where a walk stands: the declaration a person would edit, and the path to the value inside it. */
export interface At {
  file: string;
  line: number;
  /** A parameter, the result, or a named type (then the path starts with the type's name). */
  origin: 'parameter' | 'result' | 'type';
  path: string;
}

/** Something JSON cannot carry, found under a parameter, a result or a named type. */
export interface Issue extends At {
  kind: BlockerKind;
  /** What it is, after "is": "a function", "a Date". */
  what: string;
  /** What to do about it. */
  advice: string;
}

/** What one root (a parameter, a result, a named type's body) collects while it is described. */
export interface Walk {
  issues: Issue[];
  /** Names of the named types it references directly. */
  refs: Set<string>;
}

/** Describes a type for the contract; `node` is the type as written, when it is known to match. */
export type Describe = (type: Type, node: TypeNode | undefined, at: At, walk: Walk) => TypeRef;

export function report(walk: Walk, at: At, kind: BlockerKind, what: string, advice: string): void {
  walk.issues.push({ ...at, kind, what, advice });
}

/**
 * For text only (a callback's signature, a Map's arguments): the named types it mentions are
 * declared all the same, but what they contain does not cross on its own; the whole is reported.
 */
export const textOnly = (): Walk => ({ issues: [], refs: new Set() });

/** The position of a member: its own declaration when that is in the project, else the parent's. */
export function member(at: At, segment: string, declaration: Node | undefined, file: string | undefined): At {
  const path = at.path === '' ? segment : segment.startsWith('[') ? `${at.path}${segment}` : `${at.path}.${segment}`;
  if (!declaration || file === undefined) return { ...at, path };
  return { ...at, file, line: declaration.getStartLineNumber(), path };
}
