import type { TypeRef } from './contract-model.ts';
import { typeRef } from './type-text.ts';
import { report, type At, type Walk } from './type-walk.ts';

/**
 * How deep one description may nest, and how many types it may visit, before the rest is `unknown`.
 * A recursive generic (`Chain<T>` holding a `Chain<[T]>`) is a new type at every level, so neither
 * names nor identity end the walk; real data seldom nests past a dozen levels.
 */
export const MAX_DEPTH = 32;
export const MAX_TYPES = 5_000;

const ADVICE =
  'declare what crosses the boundary as a plain, non-generic interface of the project, so the contract can name it';

/**
 * Runs each step of a type walk within the budget, and turns a stack overflow inside TypeScript's
 * checker (deep mapped types) into an `unknown` for that one type, with a note for the person.
 * Each walk is told once; the rest of an exhausted walk is `unknown` silently.
 */
export function createBudget() {
  let depth = 0;
  let visited = 0;
  let told = new WeakSet<Walk>();
  const cut = (at: At, walk: Walk, what: string): TypeRef => {
    if (!told.has(walk)) {
      told.add(walk);
      report(walk, { ...at, path: shortPath(at.path) }, 'unsupported-type', what, ADVICE);
    }
    return typeRef('unknown', {});
  };

  return function within(at: At, walk: Walk, step: () => TypeRef): TypeRef {
    if (depth === 0) {
      visited = 0;
      told = new WeakSet();
    }
    if (depth >= MAX_DEPTH)
      return cut(at, walk, `a type seams cannot describe (it nests more than ${MAX_DEPTH} levels deep)`);
    if (++visited > MAX_TYPES)
      return cut(at, walk, `a type seams cannot describe (it holds more than ${MAX_TYPES} types)`);
    depth++;
    try {
      return step();
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      return cut(at, walk, "a type TypeScript's checker cannot expand (it overflowed the stack)");
    } finally {
      depth--;
    }
  };
}

export const isStackOverflow = (error: unknown): boolean =>
  error instanceof RangeError && /call stack/i.test(error.message);

// `theme.value.previous[0].value...`: enough of the path to find the field, not forty levels of it.
function shortPath(path: string): string {
  const segments = path.split('.');
  return segments.length <= 4 ? path : `${segments.slice(0, 4).join('.')}...`;
}
