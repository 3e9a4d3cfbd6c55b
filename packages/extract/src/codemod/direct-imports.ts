import type { Graph } from '@seams/graph';

/** A statement that still imports the service's files, after the codemod, with the names it takes and why they stay. */
export interface DirectImport {
  file: string;
  line: number;
  specifier: string;
  /** Each name the statement takes from the service with why it stays local ('*' for the module whole). */
  names: Array<{ name: string; why: string }>;
}

export interface DirectImportsInput {
  graph: Pick<Graph, 'files' | 'edges'>;
  /** The service's files. */
  members: ReadonlySet<string>;
  /** The entries (`file#name`) the facade routes: the codemod moved them, or listed them for a person. */
  routed: ReadonlySet<string>;
  /** Files not to list: seams' own output, tests of the service's own code, browser files. */
  skip: (path: string) => boolean;
  /** A file's text after the codemod (its edit, else as it is), undefined when unreadable. */
  textAfter: (path: string) => string | undefined;
  /** Why an entry the facade does not route stays with the monolith's copy ('not remote-ready', 'a type'). */
  why: (entry: string) => string;
}

/**
 * The imports of the service's files the codemod left in place, read from the graph and checked against the
 * text after the codemod: what still binds the monolith to the service's code once it runs remote.
 */
export function directImports(input: DirectImportsInput): DirectImport[] {
  const found: DirectImport[] = [];
  for (const edge of input.graph.edges) {
    if (edge.from === edge.to || input.members.has(edge.from) || input.skip(edge.from)) continue;
    const providers = edge.providers ?? {};
    const fromService = (name: string) =>
      input.members.has(providers[name] ?? edge.to) ? (providers[name] ?? edge.to) : undefined;
    const whole = edge.names.length === 0 || edge.names.includes('*');
    if (whole ? !input.members.has(edge.to) : !edge.names.some(fromService)) continue;
    const text = input.textAfter(edge.from);
    if (text === undefined || !mentions(text, edge.specifier)) continue;
    const names = whole
      ? [{ name: '*', why: wholeWhy(input, edge.to) }]
      : edge.names.flatMap((name) => {
          const file = fromService(name);
          const entry = `${file}#${providers[name] ? (edge.providedAs?.[name] ?? name) : name}`;
          return file === undefined || input.routed.has(entry) ? [] : [{ name, why: input.why(entry) }];
        });
    if (names.length > 0) found.push({ file: edge.from, line: edge.line, specifier: edge.specifier, names });
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

// A module taken whole: the facade serves none of it, or a person takes the routed names by hand.
function wholeWhy(input: DirectImportsInput, file: string): string {
  const routes = [...input.routed].some((entry) => entry.slice(0, entry.lastIndexOf('#')) === file);
  return routes
    ? 'uses the module whole (see the imports left to a person)'
    : 'uses the module whole, and none of its names go remote';
}

const mentions = (text: string, specifier: string) =>
  ["'", '"', '`'].some((quote) => text.includes(`${quote}${specifier}${quote}`));
