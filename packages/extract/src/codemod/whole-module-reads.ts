import { Node, Project } from 'ts-morph';
import type { Graph } from '@seams/graph';
import { moduleTargets } from './module-targets.ts';
import { moduleUses, namesReadFrom, namesTaken } from './module-uses.ts';

export interface WholeModuleInput {
  graph: Pick<Graph, 'files' | 'edges'>;
  /** The service's files. */
  files: readonly string[];
  /** The folders of seams extract's own output. */
  generated: readonly string[];
  readFile: (path: string) => string;
}

/**
 * The service's names that callers read through a whole-module binding, as `file#name` entries:
 * `import * as billing` then `billing.getInvoice`, `const users = require('./users')` then
 * `users.getMember`, `require('./users').getMember`. The graph credits a module, not these names; the
 * facade must serve them for the codemod to point such a binding at it. A name counts only where
 * the service's file visibly exports it (ES export or CommonJS `exports`).
 */
export function wholeModuleReads(input: WholeModuleInput): string[] {
  const members = new Set(input.files);
  const targets = moduleTargets(input.graph, members);
  const isGenerated = (path: string) => input.generated.some((folder) => path.startsWith(`${folder}/`));
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const found = new Set<string>();
  for (const file of input.graph.files) {
    const path = file.path;
    if (members.has(path) || isGenerated(path) || file.language === 'other' || file.dts) continue;
    let text: string;
    try {
      text = input.readFile(path);
    } catch {
      continue;
    }
    if (!/\bimport\s*\*|\brequire\s*\(|\bimport\s*\(/.test(text)) continue;
    const source = project.createSourceFile(`/${path}`, text, { overwrite: true });
    for (const use of moduleUses(source)) {
      const target = targets.resolve(path, use.literal.getLiteralValue());
      if (target === undefined || !members.has(target)) continue;
      const namespace = Node.isImportDeclaration(use.node) ? use.node.getNamespaceImport() : undefined;
      const names =
        use.kind === 'import' || use.kind === 'reexport'
          ? namespace && namesReadFrom(source, namespace.getText(), use.node)
          : use.kind === 'require' || use.kind === 'dynamic'
            ? namesTaken(source, use.node)
            : undefined;
      for (const name of names ?? []) if (visiblyExports(input.readFile, target, name)) found.add(`${target}#${name}`);
    }
  }
  return [...found].sort();
}

/** True when a file's text exports `name` where one can see it: an ES export, or CommonJS `exports`. */
export function visiblyExports(readFile: (path: string) => string, file: string, name: string): boolean {
  let text: string;
  try {
    text = readFile(file);
  } catch {
    return false;
  }
  if (name === 'default') return /\bexport\s+default\b|\bmodule\.exports\s*=/.test(text);
  const id = name.replace(/\$/g, '\\$');
  return (
    new RegExp(
      `\\bexport\\s+(?:declare\\s+)?(?:async\\s+)?(?:function\\*?|const|let|var|class|interface|type|enum)\\s+${id}\\b`,
    ).test(text) ||
    new RegExp(`\\bexport\\s*\\{[^}]*\\b${id}\\b[^}]*\\}`).test(text) ||
    new RegExp(`\\bexports\\.${id}\\b`).test(text) ||
    objectKeys(text, /\bmodule\.exports\s*=\s*\{/.exec(text)).has(name)
  );
}

// The keys of `module.exports = { ... }` at its top level (nested objects' keys are not exports).
function objectKeys(text: string, found: RegExpExecArray | null): Set<string> {
  if (!found) return new Set();
  let depth = 0;
  let top = '';
  for (let i = found.index + found[0].length - 1; i < text.length; i++) {
    const c = text[i]!;
    if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
    if (depth === 0) break;
    if (depth === 1 && !'{[('.includes(c)) top += c;
  }
  return new Set([...top.matchAll(/(?:^|,)\s*([A-Za-z_$][\w$]*)\s*(?=[:,]|$)/g)].map((m) => m[1]!));
}
