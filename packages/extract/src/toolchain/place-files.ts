import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { GeneratedFile } from '../generate/generated-file.ts';
import { importPath } from '../generate/import-path.ts';
import { fitSyntax } from './fit-syntax.ts';
import { NODE_BUILTINS_SHIM } from './node-builtins-shim.ts';
import type { Toolchain } from './toolchain-profile.ts';

// Relative specifiers in generated code: `from './x'`, `import('./x')`, `require('./x')`.
const RELATIVE = /(\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)'(\.{1,2}\/[^'\n]*)'/g;
const NODE_PREFIX = /(\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)'node:([a-z_/]+)'/g;
const SOURCE = /\.(d\.)?[cm]?[jt]sx?$/;
const USES_NODE = /\bfrom '(node:)?[a-z_]+'|\bprocess\.|\bBuffer\b|\bconsole\./;

export interface Placement {
  /** Generated files that move (from the default layout), old path to new path. */
  moves: ReadonlyMap<string, string>;
  /** The files the monolith compiles or loads (facade side): typed for its toolchain, or made JavaScript. */
  monolithSide: ReadonlySet<string>;
  toolchain: Toolchain;
}

/**
 * Puts generated files where the monolith's toolchain can take them: moved into its compilation
 * scope, relative imports re-pointed (with `.js` where Node's ES modules need it), `node:`
 * specifiers made bare where its types or test runner cannot resolve them, Node's types brought in
 * where `types` leaves them out (declared where they are missing), and the facade side turned into
 * JavaScript for a JavaScript monolith, and syntax newer than its compiler written the old way. The generators write for one layout; this adapts it.
 */
export function placeFiles(files: readonly GeneratedFile[], placement: Placement): GeneratedFile[] {
  const { moves, monolithSide, toolchain } = placement;
  const stems = new Map(files.map((f) => [f.path.replace(SOURCE, ''), f.path]));
  const shims: GeneratedFile[] = [];
  const placed = files.map((file) => {
    const path = moves.get(file.path) ?? file.path;
    if (!/\.ts$/.test(file.path)) return { path, content: file.content };
    let content = file.content.replace(RELATIVE, (_all, lead: string, specifier: string) => {
      const stem = posix.normalize(posix.join(posix.dirname(file.path), specifier)).replace(SOURCE, '');
      const generated = stems.get(stem);
      const target = generated ? (moves.get(generated) ?? generated) : stem;
      return `${lead}'${importPath(path, target)}${toolchain.relativeExtension}'`;
    });
    content = fitSyntax(content, toolchain.typescript);
    if (!toolchain.nodePrefix)
      content = content.replace(NODE_PREFIX, (_all, lead: string, name: string) => `${lead}'${name}'`);
    if (!monolithSide.has(file.path)) return { path, content };
    if (toolchain.language === 'js')
      return { path: path.replace(/\.ts$/, '.js'), content: toJavaScript(content, toolchain) };
    // Only the files that use Node: the contract's types reach the service, which has Node's own.
    if (!USES_NODE.test(content)) return { path, content };
    if (toolchain.nodeTypes === 'reference') content = withReference(content, '/// <reference types="node" />');
    if (toolchain.nodeTypes === 'missing') {
      const shim = `${posix.dirname(path)}/node-builtins.d.ts`;
      if (!shims.some((s) => s.path === shim)) shims.push({ path: shim, content: NODE_BUILTINS_SHIM });
      content = withReference(content, '/// <reference path="./node-builtins.d.ts" />');
    }
    return { path, content };
  });
  return [...placed, ...shims];
}

// After the header comment: a triple-slash directive must come before any statement.
function withReference(content: string, directive: string): string {
  const lines = content.split('\n');
  const after = lines.findIndex((line) => !line.startsWith('//'));
  lines.splice(after, 0, directive);
  return lines.join('\n');
}

// The same code without its types, in the module system the monolith's JavaScript uses.
function toJavaScript(content: string, toolchain: Toolchain): string {
  const { outputText } = ts.transpileModule(content, {
    compilerOptions: {
      module: toolchain.moduleFormat === 'esm' ? ts.ModuleKind.ES2020 : ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2019,
      removeComments: false,
      // `require()` as a person writes it, without interop helpers.
      esModuleInterop: false,
      verbatimModuleSyntax: false,
    },
  });
  return outputText;
}
