/*
 * A walk of oxc's lazy AST that enters only the nodes whose span holds one of a few offsets.
 *
 * oxc's lazy visitor walks every node of a file even when it calls handlers for few of them, and on a minified
 * 900 kB bundle that walk costs more than the parse. A reader that only cares about nodes spelling a word
 * (`require(`, `exports.x =`) can find where the text spells it and descend only into the nodes around those
 * offsets: a few dozen nodes instead of a million. Children are read through the lazy nodes' own getters, in the
 * order the node class declares them, which is the order oxc's visitor walks them (both are generated from one
 * field list; the contract test packages/analyze/test/visit-around.test.ts checks the two agree on real code).
 */

/** A handler per node `type` (oxc's lazy type names: `StaticMemberExpression`, not `MemberExpression`). */
export type AroundHandlers = Record<string, ((node: never) => void) | undefined>;

interface Spanned {
  readonly start: number;
  readonly end: number;
  readonly type?: string;
}

// The getters of each lazy node class that may hold children, in declaration order; read once per class.
const fieldsByClass = new Map<object, string[]>();

function fieldsOf(node: object): string[] {
  const prototype = Object.getPrototypeOf(node) as object;
  let fields = fieldsByClass.get(prototype);
  if (!fields) {
    fields = Object.entries(Object.getOwnPropertyDescriptors(prototype))
      .filter(([name, descriptor]) => descriptor.get && name !== 'start' && name !== 'end' && name !== 'type')
      .map(([name]) => name);
    fieldsByClass.set(prototype, fields);
  }
  return fields;
}

const isNode = (value: unknown): value is Spanned =>
  typeof value === 'object' && value !== null && typeof (value as Spanned).start === 'number';

/*
 * Two spans of oxc-parser 0.159 do not hold all of their node: a function's parameter list is measured in UTF-8 bytes,
 * not string offsets, where the text has non-ASCII characters before it, and a class exported after its decorators
 * (`@d export class A {}`) starts after them, as does the export statement. Such nodes are entered whenever their
 * parent is (they are few and shallow), and so is a list element right after an offset no element holds.
 */
const LOOSE_SPANS = new Set(['FormalParameters', 'ClassDeclaration', 'ClassExpression']);

/** Index of the first offset at or after `from` (offsets ascending). */
function firstAtOrAfter(offsets: readonly number[], from: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first element from `index` on that ends after `offset`; holes (`[a, , b]`) are passed over. */
function firstEndingAfter(elements: ReadonlyArray<Spanned | null>, index: number, offset: number): number {
  let low = index;
  let high = elements.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const element = elements[middle];
    // A hole cannot be compared: look at the rest one by one.
    if (!isNode(element)) return firstEndingAfterByScan(elements, low, offset);
    if (element.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function firstEndingAfterByScan(elements: ReadonlyArray<Spanned | null>, index: number, offset: number): number {
  for (let i = index; i < elements.length; i++) {
    const element = elements[i];
    if (isNode(element) && element.end > offset) return i;
  }
  return elements.length;
}

/**
 * Calls `handlers` on entering each node whose span [start, end) holds one of `offsets` (ascending), in the order
 * oxc's lazy visitor would call them. Nodes holding none of them are not entered, nor built, nor are their children.
 */
export function visitAround(root: object, offsets: readonly number[], handlers: AroundHandlers): void {
  if (offsets.length === 0) return;
  const holds = (start: number, end: number) => {
    const at = firstAtOrAfter(offsets, start);
    return at < offsets.length && offsets[at]! < end;
  };
  // `from`: where the node surely starts (a loose span's parent's start).
  const enter = (node: Spanned, from: number) => {
    if (node.type !== undefined) handlers[node.type]?.(node as never);
    const record = node as unknown as Record<string, unknown>;
    for (const field of fieldsOf(node)) {
      const child = record[field];
      if (Array.isArray(child)) enterElements(child as Array<Spanned | null>, from);
      else if (typeof child !== 'object' || child === null) continue;
      // Without a span (an import's `with { type: 'json' }` clause) an object is looked into as a part of its node.
      else if (!isNode(child) || LOOSE_SPANS.has(child.type!)) enter(child as Spanned, from);
      else if (holds(child.start, child.end)) enter(child, child.start);
    }
  };
  // A list's elements are in source order and do not overlap: the ones to enter are found by binary search, so a
  // statement list of thousands builds only the few elements it has to. An element is entered when it holds an
  // offset, or when the offset lies between it and the element before (where its decorators may be).
  const enterElements = (elements: ReadonlyArray<Spanned | null>, from: number) => {
    let index = 0;
    for (let at = firstAtOrAfter(offsets, from); at < offsets.length;) {
      index = firstEndingAfter(elements, index, offsets[at]!);
      if (index === elements.length) return;
      const element = elements[index]!;
      enter(element, Math.min(element.start, offsets[at]!));
      index++;
      at = firstAtOrAfter(offsets, element.end);
    }
  };
  if (isNode(root) && holds(root.start, root.end)) enter(root, root.start);
}
