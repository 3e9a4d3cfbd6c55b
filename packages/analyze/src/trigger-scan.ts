import { literalFactors, type Factor } from './literal-factors.ts';

/*
 * The detectors' text tests without a regular-expression scan of every file. V8 tries each alternative of a
 * regular expression at each position of the text: over all the triggers that cost more than parsing. Instead one
 * pass of a case-insensitive Aho-Corasick automaton over the text finds the literal factors (literal-factors.ts) of
 * every registered alternative at once, and where one occurs, its check (a sticky pattern) tells whether that part
 * of the alternative matches there. An alternative with no factor passing its check cannot match anywhere and is
 * left out; the regular expression of the ones left runs only when some are (in most files: none). Leaving out an
 * alternative that matches nowhere changes no match: `matches` gives exactly what `(a0)|(a1)|...` would.
 */

/** The alternatives of `(a0)|(a1)|...`, each without capturing groups of its own. */
export interface TriggerScan {
  /** The matches of the whole pattern in `text`, in order, each with the index of the alternative that matched. */
  matches(text: string): Generator<{ alternative: number; match: RegExpExecArray }>;
  /** Whether the whole pattern matches somewhere in `text`. */
  test(text: string): boolean;
}

interface Registered {
  /** Factors of each alternative; undefined: it is tried on every text. */
  factors: Array<Factor[] | undefined>;
  /** Its first alternative's slot in the bit set of alternatives found. */
  firstSlot: number;
  flags: string;
}

const registered: Registered[] = [];
let slots = 0;
let automaton: Automaton | undefined;
// The last text scanned and what was found in it: every scan of one file shares one pass.
let lastText: string | undefined;
let lastFound: Uint32Array | undefined;

/** A scan for `(a0)|(a1)|...` with flags `flags` (`g` is added). */
export function createTriggerScan(alternatives: readonly string[], flags = ''): TriggerScan {
  const own: Registered = {
    factors: alternatives.map((source) => literalFactors(source, flags)),
    firstSlot: slots,
    flags,
  };
  registered.push(own);
  slots += alternatives.length;
  automaton = undefined;
  lastText = undefined;
  // One regular expression per set of alternatives left, and which alternative each of its groups is.
  const reduced = new Map<string, { pattern: RegExp; groups: number[] }>();
  const reducedFor = (text: string) => {
    const found = foundIn(text);
    const kept: number[] = [];
    for (let i = 0; i < alternatives.length; i++) {
      const slot = own.firstSlot + i;
      if (own.factors[i] === undefined || (found[slot >>> 5]! & (1 << (slot & 31))) !== 0) kept.push(i);
    }
    if (kept.length === 0) return undefined;
    const key = kept.join(',');
    let entry = reduced.get(key);
    if (!entry) {
      const source = kept.map((i) => `(${alternatives[i]})`).join('|');
      entry = { pattern: new RegExp(source, flags.includes('g') ? flags : flags + 'g'), groups: kept };
      reduced.set(key, entry);
    }
    return entry;
  };
  return {
    *matches(text) {
      const entry = reducedFor(text);
      if (!entry) return;
      // matchAll starts where the pattern's last test stopped.
      entry.pattern.lastIndex = 0;
      for (const match of text.matchAll(entry.pattern)) {
        let group = 1;
        while (match[group] === undefined && group < entry.groups.length) group++;
        yield { alternative: entry.groups[group - 1]!, match };
      }
    },
    test(text) {
      const entry = reducedFor(text);
      if (!entry) return false;
      entry.pattern.lastIndex = 0;
      return entry.pattern.test(text);
    },
  };
}

/** A bit per registered alternative: set when one of its factors occurs in `text` and passes its check there. */
function foundIn(text: string): Uint32Array {
  if (text === lastText) return lastFound!;
  automaton ??= buildAutomaton();
  lastFound = automaton.scan(text);
  lastText = text;
  return lastFound;
}

interface Automaton {
  scan(text: string): Uint32Array;
}

// Characters of the table: the 128 ASCII ones; any other character leads back to the start.
const ASCII = 128;

function buildAutomaton(): Automaton {
  // Each character that occurs in a factor (upper and lower case alike) is a column of the transition table, small
  // enough for the processor's fastest caches; every other character is column 0, which leads back to the start.
  const column = new Uint8Array(ASCII);
  let columns = 1;
  // The trie of every factor: children per state by column, and the factors that end there.
  const children: Array<Map<number, number>> = [new Map<number, number>()];
  const outputs: number[][] = [[]];
  // Per factor: its alternative's slot, length and check.
  const slotOf: number[] = [];
  const lengthOf: number[] = [];
  const checkOf: RegExp[] = [];
  const checks = new Map<string, RegExp>();
  for (const { factors, firstSlot, flags } of registered)
    factors.forEach((list, i) => {
      for (const factor of list ?? []) {
        let state = 0;
        for (let k = 0; k < factor.text.length; k++) {
          const code = factor.text.charCodeAt(k);
          if (column[code] === 0) {
            column[code] = columns;
            if (code >= 97 && code <= 122) column[code - 32] = columns;
            columns++;
          }
          let next = children[state]!.get(column[code]!);
          if (next === undefined) {
            next = children.length;
            children.push(new Map<number, number>());
            outputs.push([]);
            children[state]!.set(column[code]!, next);
          }
          state = next;
        }
        const key = `${flags}/${factor.check}`;
        let check = checks.get(key);
        if (!check) checks.set(key, (check = new RegExp(factor.check, flags.replace('g', '') + 'y')));
        outputs[state]!.push(slotOf.length);
        slotOf.push(firstSlot + i);
        lengthOf.push(factor.text.length);
        checkOf.push(check);
      }
    });
  // Breadth first: each state's failure link (its longest proper suffix in the trie) is settled before its children,
  // so every transition can be filled in from the failure state's and every output inherited from it.
  const states = children.length;
  const shift = Math.ceil(Math.log2(columns));
  const table = states <= 0xffff ? new Uint16Array(states << shift) : new Uint32Array(states << shift);
  const failure = new Int32Array(states);
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const row = state << shift;
    // A character that continues no factor from here goes where it goes from the failure state (at the start: to
    // the start); the rest lead to the children.
    if (state !== 0) table.copyWithin(row, failure[state]! << shift, (failure[state]! << shift) + columns);
    for (const [c, child] of children[state]!) {
      failure[child] = state === 0 ? 0 : table[row | c]!;
      table[row | c] = child;
      outputs[child]!.push(...outputs[failure[child]]!);
      queue.push(child);
    }
  }
  // States renumbered so that those where factors end come last: the scan tells them by one comparison.
  const order = [...outputs.keys()].sort(
    (a, b) => Number(outputs[a]!.length > 0) - Number(outputs[b]!.length > 0) || a - b,
  );
  const renumbered = new Int32Array(states);
  order.forEach((state, i) => (renumbered[state] = i));
  const firstHit = order.findIndex((state) => outputs[state]!.length > 0);
  const hitFrom = firstHit === -1 ? states : firstHit;
  const moved = table.slice();
  order.forEach((state, i) => {
    for (let c = 0; c < 1 << shift; c++) moved[(i << shift) | c] = renumbered[table[(state << shift) | c]!]!;
  });
  const ending = order.map((state) => outputs[state]!);
  const words = Math.max(1, Math.ceil(slots / 32));
  // The factors ending at `end` in `text`: each one's alternative is found where its check passes.
  const verify = (text: string, end: number, list: readonly number[], found: Uint32Array) => {
    for (const factor of list) {
      const slot = slotOf[factor]!;
      if ((found[slot >>> 5]! & (1 << (slot & 31))) !== 0) continue;
      const check = checkOf[factor]!;
      check.lastIndex = end + 1 - lengthOf[factor]!;
      if (check.test(text)) found[slot >>> 5]! |= 1 << (slot & 31);
    }
  };
  return {
    scan(text) {
      const found = new Uint32Array(words);
      // The start is state 0 still: it ends no factor.
      let state = 0;
      for (let i = 0, length = text.length; i < length; i++) {
        const code = text.charCodeAt(i);
        state = code < ASCII ? moved[(state << shift) | column[code]!]! : 0;
        if (state >= hitFrom) verify(text, i, ending[state]!, found);
      }
      return found;
    },
  };
}
