import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';

export interface OwnerRule {
  pattern: string;
  owners: string[];
  matches: (path: string) => boolean;
}

// Where GitHub looks, in its order: the first one found is the only one used.
const LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

// CODEOWNERS has no braces, brackets, extglobs or negation: those characters are literal there.
const GLOB_OPTIONS = { dot: true, nobrace: true, nobracket: true, noextglob: true, nonegate: true };

/** The rules of the repository's CODEOWNERS file, in file order; none when it has no such file. */
export function readCodeowners(top: string): OwnerRule[] {
  for (const location of LOCATIONS) {
    let text: string;
    try {
      text = readFileSync(join(top, location), 'utf8');
    } catch {
      continue;
    }
    return parseCodeowners(text);
  }
  return [];
}

export function parseCodeowners(text: string): OwnerRule[] {
  const rules: OwnerRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [pattern, ...rest] = line.trim().split(/\s+/);
    if (!pattern || pattern.startsWith('#')) continue;
    const comment = rest.findIndex((token) => token.startsWith('#'));
    const owners = comment === -1 ? rest : rest.slice(0, comment);
    rules.push({ pattern, owners, matches: matcherOf(pattern) });
  }
  return rules;
}

/**
 * Owners by the last rule matching a path relative to the repository top; undefined when none matches or it names
 * nobody.
 */
export function ownersOf(rules: readonly OwnerRule[], path: string): string[] | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (rule.matches(path)) return rule.owners.length > 0 ? rule.owners : undefined;
  }
  return undefined;
}

// gitignore semantics: a leading or inner slash anchors the pattern at the top, otherwise it matches
// at any depth; a trailing slash matches directories only; a pattern matching a directory covers
// everything below it. GitHub's one exception: `docs/*` covers only the files directly in docs.
function matcherOf(pattern: string): (path: string) => boolean {
  const dirOnly = pattern.endsWith('/');
  let body = pattern.replace(/^\/+|\/+$/g, '').replace(/\\#/g, '#') || '**';
  if (!pattern.slice(0, -1).includes('/')) body = `**/${body}`;
  const isMatch = picomatch(body, GLOB_OPTIONS);
  const coversContents = dirOnly || !body.endsWith('/*');
  return (path) => {
    if (!dirOnly && isMatch(path)) return true;
    if (!coversContents) return false;
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      if (isMatch(path.slice(0, slash))) return true;
    }
    return false;
  };
}
