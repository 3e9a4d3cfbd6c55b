import { isRegExpSpace } from './line-index.ts';

/*
 * Where a text spells `import` before a parenthesis: dynamic imports and `import('./x').T` type references. One
 * search for the word serves what would otherwise be two substring searches and a regular expression over the text.
 */

const WORD = 'import';
const OPEN = 40; // (
const SLASH = 47; // a comment: `import /* why */ ('./x')`

// `[.\w$]`: a character that makes `import` part of a longer name or a member (`x.import(`).
function continuesName(code: number): boolean {
  return (
    code === 46 ||
    code === 36 ||
    code === 95 ||
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122)
  );
}

// The first character after `import` and the white space following it.
function nextAfterSpace(text: string, at: number): number {
  let i = at + WORD.length;
  while (i < text.length && isRegExpSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

/**
 * How many times the text matches `/(?<![.\w$])import\s*\(/g`, or 0 when it spells neither `import(` nor `import (`
 * (no call is written with another space there in practice, and a type reference's walk is not worth a regex then).
 */
export function countImportCalls(text: string): number {
  let spelled = false;
  let count = 0;
  for (let at = text.indexOf(WORD); at !== -1; at = text.indexOf(WORD, at + WORD.length)) {
    const after = text.charCodeAt(at + WORD.length);
    if (after === OPEN || (after === 32 && text.charCodeAt(at + WORD.length + 1) === OPEN)) spelled = true;
    if (at > 0 && continuesName(text.charCodeAt(at - 1))) continue;
    if (nextAfterSpace(text, at) === OPEN) count++;
  }
  return spelled ? count : 0;
}

/** Offsets of `import` followed, past white space, by a parenthesis or a comment: where a `TSImportType` may start. */
export function importCallsAt(text: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(WORD); at !== -1; at = text.indexOf(WORD, at + WORD.length)) {
    const next = nextAfterSpace(text, at);
    if (next === OPEN || next === SLASH) found.push(at);
  }
  return found;
}
