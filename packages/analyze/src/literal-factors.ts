import { parseRegExp, type Alternative, type Element } from './regexp-syntax.ts';

/*
 * Literal factors of a regular expression: strings, one of which every match contains (or looks at, for a
 * lookaround), so a text that contains none of them cannot match and need not be searched. Like the prefilters of
 * RE2 and code search, computed from the pattern's syntax tree. Factors are lower-case ASCII, to be looked for
 * case-insensitively (`[cC][rR][oO][nN]` is the one factor `cron`), and each comes with a check: a sticky pattern
 * that matches at a factor's position where the part of the pattern around it does (`.from` is an ORM's
 * `.from('t')` but not `Array.from(x)`). A text where no factor passes its check cannot match.
 */

/** A string every match of some part of the pattern contains, and `check`, that part around it. */
export interface Factor {
  text: string;
  /** Source of a pattern that matches at the factor's offset where that part of the pattern matches around it. */
  check: string;
}

// Above this many strings a set of exact alternatives is kept as factors and no longer grown.
const MAX_SET = 64;
// A class of more characters (`\w`, `[A-Z]`) is any character: too many strings to spell out.
const MAX_CLASS = 4;
// A factor this short (one `(`) is in nearly every file: no better than none, and slower to look for.
const MIN_FACTOR = 2;

/**
 * What a node matches: `exact`, the only strings it can match (`''` when zero-width); `factors`, strings one of
 * which any match contains; neither when not known or too many.
 */
interface Info {
  exact?: Set<string>;
  factors?: Factor[];
}

const ANY: Info = {};
const EMPTY = (): Info => ({ exact: new Set(['']) });

/**
 * Factors of `source`: any match contains (or looks behind or ahead at) one of them, case-insensitively, at an
 * offset where its check matches. Undefined when the pattern has no factors of at least two characters (`\w+\(`).
 */
export function literalFactors(source: string, flags = ''): Factor[] | undefined {
  // `u` and `v` change how the source reads; triggers need neither.
  if (/[uv]/.test(flags)) return undefined;
  let alternatives: Alternative[];
  try {
    alternatives = parseRegExp(source);
  } catch {
    return undefined;
  }
  const { factors } = settle(ofAlternatives(alternatives), source);
  if (!factors || factors.some((factor) => factor.text.length < MIN_FACTOR)) return undefined;
  return factors;
}

/** Exact strings become factors (each match is one of them) checked by `check`, the source they were matched by. */
function settle(info: Info, check: string): Info {
  if (!info.exact) return info;
  if (info.exact.has('')) return ANY;
  return { factors: [...info.exact].map((text) => ({ text, check })) };
}

// The stronger of two factor sets: the longer shortest string, then the fewer strings.
function better(a: Info, b: Info): Info {
  if (!a.factors) return { factors: b.factors };
  if (!b.factors) return a;
  const shortest = (factors: Factor[]) => Math.min(...factors.map((factor) => factor.text.length));
  const [lengthA, lengthB] = [shortest(a.factors), shortest(b.factors)];
  if (lengthA !== lengthB) return lengthA > lengthB ? a : b;
  return a.factors.length <= b.factors.length ? a : b;
}

function ofAlternatives(alternatives: readonly Alternative[]): Info {
  const infos = alternatives.map(ofSequence);
  if (infos.every((info) => info.exact)) {
    const union = new Set(infos.flatMap((info) => [...info.exact!]));
    if (union.size <= MAX_SET) return { exact: union };
  }
  // Any match is one alternative's: the union of their factors, when each has some.
  const settled = infos.map((info, i) => settle(info, alternatives[i]!.raw));
  if (settled.some((info) => !info.factors)) return ANY;
  return { factors: settled.flatMap((info) => info.factors!) };
}

// A sequence grows its exact strings element by element; where that stops (an unknown element, too many strings),
// the strings so far become a candidate set of factors, checked by the sequence around them, and the best candidate
// is kept.
function ofSequence(alternative: Alternative): Info {
  const { elements } = alternative;
  const raw = (from: number, to: number) =>
    elements
      .slice(from, to)
      .map((element) => element.raw)
      .join('');
  const settleRun = (exact: Set<string>, from: number, to: number) => {
    const before = raw(0, from);
    return settle({ exact }, `${before ? `(?<=${before})` : ''}(?:${raw(from, to)})${raw(to, elements.length)}`);
  };
  let run = new Set(['']);
  let runStart = 0;
  let contiguous = true;
  let best: Info = ANY;
  elements.forEach((element, k) => {
    const info = ofElement(element);
    if (info.exact) {
      const product = new Set<string>();
      for (const left of run) for (const right of info.exact) product.add(left + right);
      if (product.size <= MAX_SET) {
        run = product;
        return;
      }
    }
    best = better(best, settleRun(run, runStart, k));
    contiguous = false;
    if (info.exact) {
      run = info.exact;
      runStart = k;
    } else {
      best = better(best, info);
      run = new Set(['']);
      runStart = k + 1;
    }
  });
  if (contiguous) return { exact: run };
  return better(best, settleRun(run, runStart, elements.length));
}

function ofElement(element: Element): Info {
  switch (element.type) {
    case 'Characters':
      if (element.value.some((code) => code > 127)) return ANY;
      return { exact: new Set([String.fromCharCode(...element.value).toLowerCase()]) };
    case 'Class':
      return element.negate ? ANY : ofCharacters(element.codes);
    case 'Group':
      return ofAlternatives(element.alternatives);
    case 'Lookaround': {
      // Lookarounds match nothing themselves, but a positive one's text must be there.
      if (element.negate) return EMPTY();
      const inside = element.alternatives.map((alternative) => alternative.raw).join('|');
      return { factors: settle(ofAlternatives(element.alternatives), inside).factors };
    }
    case 'Anchor':
      return EMPTY();
    case 'Quantifier': {
      const inner = ofElement(element.element);
      if (element.min === 0) return element.max === 1 && inner.exact ? { exact: new Set(['', ...inner.exact]) } : ANY;
      // One or more: every match holds one match of the element.
      return element.min === 1 && element.max === 1 ? inner : { factors: settle(inner, element.element.raw).factors };
    }
    default:
      return ANY;
  }
}

// Characters folded to lower case; a non-ASCII one or a large class is any character.
function ofCharacters(codes: number[] | undefined): Info {
  if (!codes || codes.some((code) => code > 127)) return ANY;
  const folded = new Set(codes.map((code) => String.fromCharCode(code).toLowerCase()));
  return folded.size <= MAX_CLASS ? { exact: folded } : ANY;
}
