/*
 * The syntax tree of a regular expression's source, as far as literal factors need it (literal-factors.ts). Every
 * thread that parses pays for reading the detectors' triggers once: a general parser (regexpp) took 30-45 ms of
 * cold code for that, this one a few. What it does not know (`\p{...}`, named backreferences, sets of `v` mode)
 * becomes `Any`: a node matching unknown text, which only costs a factor.
 */

export interface Alternative {
  elements: Element[];
  raw: string;
}

export type Element =
  /** Characters in a row (`value` is their codes), none repeated by a quantifier. */
  | { type: 'Characters'; value: number[]; raw: string }
  /** `codes` undefined: the class holds a set such as `\w`. */
  | { type: 'Class'; negate: boolean; codes: number[] | undefined; raw: string }
  | { type: 'Group'; alternatives: Alternative[]; raw: string }
  | { type: 'Lookaround'; negate: boolean; alternatives: Alternative[]; raw: string }
  /** Zero-width and asking for no text: `^`, `$`, `\b`, `\B`. */
  | { type: 'Anchor'; raw: string }
  | { type: 'Quantifier'; min: number; max: number; element: Element; raw: string }
  /** Any other node: `.`, `\w`, a backreference. */
  | { type: 'Any'; raw: string };

const ESCAPED: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };

/** The alternatives of `source` (read without the `u` or `v` flag); throws on a syntax error. */
export function parseRegExp(source: string): Alternative[] {
  let at = 0;
  const fail = (): never => {
    throw new SyntaxError(`cannot read /${source}/ at ${at}`);
  };
  const alternatives = (): Alternative[] => {
    const list: Alternative[] = [];
    for (;;) {
      const start = at;
      const elements: Element[] = [];
      while (at < source.length && source[at] !== '|' && source[at] !== ')') {
        const element = quantified();
        const last = elements[elements.length - 1];
        // One element for a word: fewer steps for literal-factors.ts, which sees each thread start.
        if (element.type === 'Characters' && last?.type === 'Characters') {
          last.value.push(...element.value);
          last.raw += element.raw;
        } else elements.push(element);
      }
      list.push({ elements, raw: source.slice(start, at) });
      if (source[at] !== '|') return list;
      at++;
    }
  };
  const quantified = (): Element => {
    const start = at;
    const element = atom();
    const bounds = quantifier();
    if (!bounds) return element;
    if (source[at] === '?') at++;
    return { type: 'Quantifier', ...bounds, element, raw: source.slice(start, at) };
  };
  const quantifier = (): { min: number; max: number } | undefined => {
    const char = source[at];
    if (char === '*' || char === '+' || char === '?') {
      at++;
      return { min: char === '+' ? 1 : 0, max: char === '?' ? 1 : Infinity };
    }
    const braces = char === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at)) : null;
    if (!braces) return undefined;
    at += braces[0].length;
    const min = Number(braces[1]);
    return { min, max: braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity };
  };
  const atom = (): Element => {
    const start = at;
    const char = source[at++]!;
    const raw = () => source.slice(start, at);
    if (char === '(') {
      const lookaround = /^\?(<?)([=!])/.exec(source.slice(at));
      if (lookaround) at += lookaround[0].length;
      else if (source.startsWith('?:', at)) at += 2;
      else if (source.startsWith('?<', at)) at = source.indexOf('>', at) + 1 || fail();
      else if (source[at] === '?') fail();
      const inside = alternatives();
      if (source[at++] !== ')') fail();
      return lookaround
        ? { type: 'Lookaround', negate: lookaround[2] === '!', alternatives: inside, raw: raw() }
        : { type: 'Group', alternatives: inside, raw: raw() };
    }
    if (char === '[') return characterClass(start);
    if (char === '^' || char === '$') return { type: 'Anchor', raw: raw() };
    if (char === '.') return { type: 'Any', raw: raw() };
    if (char === '*' || char === '+' || char === '?' || char === ')') fail();
    if (char !== '\\') return { type: 'Characters', value: [char.charCodeAt(0)], raw: raw() };
    const escaped = source[at++] ?? fail();
    if (escaped === 'b' || escaped === 'B') return { type: 'Anchor', raw: raw() };
    const value = escapedCode(escaped);
    return value === undefined ? { type: 'Any', raw: raw() } : { type: 'Characters', value: [value], raw: raw() };
  };
  // The character an escape (after its backslash) stands for; undefined for a set or a backreference.
  const escapedCode = (escaped: string): number | undefined => {
    if (/[dDwWsSpPk1-9]/.test(escaped)) {
      if ((escaped === 'p' || escaped === 'P' || escaped === 'k') && source[at] === '{')
        at = source.indexOf('}', at) + 1;
      if (escaped === 'k' && source[at] === '<') at = source.indexOf('>', at) + 1;
      return undefined;
    }
    if (escaped in ESCAPED) return ESCAPED[escaped];
    const hex =
      escaped === 'x'
        ? /^[\da-fA-F]{2}/.exec(source.slice(at))
        : escaped === 'u'
          ? /^[\da-fA-F]{4}/.exec(source.slice(at))
          : null;
    if (hex) {
      at += hex[0].length;
      return parseInt(hex[0], 16);
    }
    if (escaped === 'c' && /[a-zA-Z]/.test(source[at] ?? '')) return source.charCodeAt(at++) % 32;
    return escaped.charCodeAt(0);
  };
  const characterClass = (start: number): Element => {
    const negate = source[at] === '^';
    if (negate) at++;
    let codes: number[] | undefined = [];
    const member = (): number | undefined => {
      const char = source[at++] ?? fail();
      if (char !== '\\') return char.charCodeAt(0);
      const escaped = source[at++] ?? fail();
      return escaped === 'b' ? 8 : escaped === '-' ? 45 : escapedCode(escaped);
    };
    while (source[at] !== ']') {
      const low = member();
      if (source[at] === '-' && source[at + 1] !== ']') {
        at++;
        const high = member();
        if (low === undefined || high === undefined || high - low > 255) codes = undefined;
        else for (let code = low; code <= high; code++) codes?.push(code);
      } else if (low === undefined) codes = undefined;
      else codes?.push(low);
      if (at >= source.length) fail();
    }
    at++;
    return { type: 'Class', negate, codes, raw: source.slice(start, at) };
  };
  const list = alternatives();
  if (at !== source.length) fail();
  return list;
}
