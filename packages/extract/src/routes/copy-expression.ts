import { posix } from 'node:path';
import { Node, SyntaxKind, VariableDeclarationKind, type SourceFile } from 'ts-morph';
import { importPath } from '../generate/import-path.ts';

/** An expression of the monolith's app file, as text that means the same in another file. */
export interface CopiedCode {
  code: string;
  /** The bindings it needs, their specifiers already pointing from the generated file. */
  imports: ImportBinding[];
}

/** One name an import statement binds: `import name from`, `import * as name from`, `import { imported as name }`. */
export interface ImportBinding {
  specifier: string;
  kind: 'default' | 'namespace' | 'named' | 'require';
  name: string;
  imported?: string;
}

// The name a copy that uses `import.meta.dirname` imports Node's path module by.
const PATH_MODULE = 'seamsPath';

// How deep a constant is followed into the constant its initializer names.
const MAX_INLINE = 4;

// Names a file can use without declaring them; `__dirname` is rewritten, the rest mean the same anywhere.
const bound = (node: Node) => {
  const parent = node.getParent();
  if (!parent) return false;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === node) return true;
  if (Node.isQualifiedName(parent) && parent.getRight() === node) return true;
  if (
    (Node.isPropertyAssignment(parent) ||
      Node.isMethodDeclaration(parent) ||
      Node.isPropertySignature(parent) ||
      Node.isPropertyDeclaration(parent) ||
      Node.isGetAccessorDeclaration(parent) ||
      Node.isSetAccessorDeclaration(parent)) &&
    parent.getNameNode() === node
  )
    return true;
  return Node.isLabeledStatement(parent) || Node.isBreakStatement(parent) || Node.isContinueStatement(parent);
};

// Names the expression declares itself (its functions' parameters and variables): they are not the file's.
function ownNames(node: Node): Set<string> {
  const names = new Set<string>();
  for (const inner of [node, ...node.getDescendants()])
    if (
      Node.isParameterDeclaration(inner) ||
      Node.isVariableDeclaration(inner) ||
      Node.isBindingElement(inner) ||
      Node.isFunctionExpression(inner) ||
      Node.isTypeParameterDeclaration(inner) ||
      Node.isClassExpression(inner)
    )
      for (const id of inner.getNameNode()?.getDescendantsOfKind(SyntaxKind.Identifier) ?? []) names.add(id.getText());
  for (const id of node.getDescendantsOfKind(SyntaxKind.Identifier))
    if (Node.isParameterDeclaration(id.getParent()) || Node.isBindingElement(id.getParent())) names.add(id.getText());
  return names;
}

/** The import that binds `name` in the file, for a file at `target` (undefined: none binds it). */
function importOf(file: SourceFile, filePath: string, name: string, target: string): ImportBinding | undefined {
  const moved = (specifier: string) =>
    specifier.startsWith('.') ? importPath(target, posix.join(posix.dirname(filePath), specifier)) : specifier;
  for (const declaration of file.getImportDeclarations()) {
    if (declaration.isTypeOnly()) continue;
    const specifier = moved(declaration.getModuleSpecifierValue());
    if (declaration.getDefaultImport()?.getText() === name) return { specifier, kind: 'default', name };
    if (declaration.getNamespaceImport()?.getText() === name) return { specifier, kind: 'namespace', name };
    const named = declaration.getNamedImports().find((n) => (n.getAliasNode() ?? n.getNameNode()).getText() === name);
    if (named) return { specifier, kind: 'named', name, imported: named.getNameNode().getText() };
  }
  for (const declaration of file.getDescendantsOfKind(SyntaxKind.ImportEqualsDeclaration)) {
    const reference = declaration.getModuleReference();
    if (declaration.getName() !== name || !Node.isExternalModuleReference(reference)) continue;
    return { specifier: moved(reference.getExpression()?.getText().slice(1, -1) ?? ''), kind: 'require', name };
  }
  return undefined;
}

/**
 * The text of `node` (an expression of the monolith's file `filePath`) for a generated file at `target`: the
 * imports it uses repeated with their paths moved, the file's constants it names inlined, `__dirname` the
 * file's folder, relative `require`s moved. A name the file declares otherwise (a function, a `let`, the app
 * itself) cannot follow: the answer is then the reason, for a note. Names in \`keep\` are left as they are.
 */
export function copyExpression(
  node: Node,
  filePath: string,
  target: string,
  refuse: ReadonlySet<string> = new Set(),
  keep: ReadonlySet<string> = new Set(),
  depth = 0,
): CopiedCode | { reason: string } {
  const file = node.getSourceFile();
  const own = ownNames(node);
  const imports = new Map<string, ImportBinding>();
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const ids = Node.isIdentifier(node) ? [node] : node.getDescendantsOfKind(SyntaxKind.Identifier);
  for (const id of ids) {
    const name = id.getText();
    if (bound(id) || own.has(name) || declares(id)) continue;
    const parent = id.getParent();
    const replace = (text: string) =>
      edits.push({
        start: id.getStart(),
        end: id.getEnd(),
        text: Node.isShorthandPropertyAssignment(parent) ? `${name}: ${text}` : text,
      });
    if (name === '__dirname') {
      replace(
        `require('path').join(__dirname, '${importPath(target, `${posix.dirname(filePath)}/x`).slice(0, -2) || '.'}')`,
      );
      continue;
    }
    // A name the generated code binds itself (the app, as the parameter of the function applying the copy).
    if (keep.has(name)) continue;
    if (refuse.has(name)) return { reason: `it uses \`${name}\`` };
    const imported = importOf(file, filePath, name, target);
    if (imported) {
      imports.set(name, imported);
      continue;
    }
    const local = constantOf(file, name, node);
    const value = local?.declaration.getInitializer();
    if (
      local &&
      value &&
      local.declaration.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const &&
      depth < MAX_INLINE
    ) {
      // A value made once (\`const store = new Store()\`) named inside a function of the copy would be made anew on
      // every call (every request) if inlined there.
      if (insideFunction(id, node) && makesValue(value))
        return { reason: `it uses \`${name}\`, made once in ${posix.basename(filePath)}, inside a function` };
      const inner = copyExpression(value, filePath, target, refuse, keep, depth + 1);
      if ('reason' in inner) return inner;
      inner.imports.forEach((i) => imports.set(i.name, i));
      // \`const { jwtStrategy } = require('./config/passport')\`: the property of the inlined value.
      replace(local.property === undefined ? `(${inner.code})` : `(${inner.code}).${local.property}`);
      continue;
    }
    if (local || declaredInFile(file, name))
      return { reason: `it uses \`${name}\`, which ${posix.basename(filePath)} declares itself` };
  }
  // An ES module's own folder (`path.join(import.meta.dirname, 'plugins')`): the monolith file's, from the copy's.
  for (const meta of node.getDescendantsOfKind(SyntaxKind.MetaProperty)) {
    const access = meta.getParentIfKind(SyntaxKind.PropertyAccessExpression);
    if (meta.getText() !== 'import.meta' || access?.getName() !== 'dirname') continue;
    imports.set(PATH_MODULE, { specifier: 'path', kind: 'namespace', name: PATH_MODULE });
    const folder = importPath(target, `${posix.dirname(filePath)}/x`).slice(0, -2) || '.';
    edits.push({
      start: access.getStart(),
      end: access.getEnd(),
      text: `${PATH_MODULE}.join(import.meta.dirname, '${folder}')`,
    });
  }
  const calls = node.getDescendantsOfKind(SyntaxKind.CallExpression);
  for (const call of Node.isCallExpression(node) ? [node, ...calls] : calls) {
    const [arg] = call.getArguments();
    if (
      call.getExpression().getText() === 'require' &&
      Node.isStringLiteral(arg) &&
      arg.getLiteralText().startsWith('.')
    ) {
      const moved = importPath(target, posix.join(posix.dirname(filePath), arg.getLiteralText()));
      edits.push({ start: arg.getStart(), end: arg.getEnd(), text: `'${moved}'` });
    }
  }
  let code = node.getText();
  const base = node.getStart();
  for (const edit of edits.sort((a, b) => b.start - a.start))
    code = code.slice(0, edit.start - base) + edit.text + code.slice(edit.end - base);
  return { code, imports: [...imports.values()] };
}

// Whether \`id\` is inside a function that \`root\` contains (or is).
const insideFunction = (id: Node, root: Node): boolean =>
  id.getAncestors().some((a) => Node.isFunctionLikeDeclaration(a) && root.containsRange(a.getPos(), a.getEnd()));

// An initializer that constructs or calls something: inlining it evaluates it again.
const makesValue = (value: Node): boolean =>
  Node.isNewExpression(value) ||
  Node.isCallExpression(value) ||
  value.getFirstDescendant((d) => Node.isNewExpression(d) || Node.isCallExpression(d)) !== undefined;

const named = (node: Node): node is Node & { getNameNode(): Node | undefined } =>
  typeof (node as { getNameNode?: unknown }).getNameNode === 'function';

// An identifier that is itself the name being declared (a function's own name, a parameter's).
const declares = (id: Node) => {
  const parent = id.getParent();
  return (
    parent !== undefined &&
    named(parent) &&
    parent.getNameNode() === id &&
    !Node.isPropertyAccessExpression(parent) &&
    !Node.isShorthandPropertyAssignment(parent)
  );
};

function declaredInFile(file: SourceFile, name: string): boolean {
  return (
    file.getFunction(name) !== undefined ||
    file.getClass(name) !== undefined ||
    file.getDescendantsOfKind(SyntaxKind.FunctionDeclaration).some((f) => f.getName() === name) ||
    file.getDescendantsOfKind(SyntaxKind.Parameter).some((p) => p.getName() === name) ||
    file.getInterface(name) !== undefined ||
    file.getTypeAlias(name) !== undefined ||
    file.getEnum(name) !== undefined
  );
}

// The variable declaration outside \`node\` that binds \`name\`: by its name, or as a property a flat object
// pattern takes out (\`const { a, b: c } = ...\`).
function constantOf(file: SourceFile, name: string, node: Node) {
  for (const declaration of file.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    if (node.containsRange(declaration.getPos(), declaration.getEnd())) continue;
    const bound = declaration.getNameNode();
    if (Node.isIdentifier(bound) && bound.getText() === name) return { declaration, property: undefined };
    if (!Node.isObjectBindingPattern(bound)) continue;
    const element = bound.getElements().find((e) => e.getName() === name && !e.getDotDotDotToken());
    const property = element && (element.getPropertyNameNode()?.getText() ?? name);
    if (property !== undefined && /^[A-Za-z_$][\w$]*$/.test(property)) return { declaration, property };
  }
  return undefined;
}

/** The import statements the copies need, one per module and kind, in a stable order. */
export function importLines(copied: ReadonlyArray<{ imports: ImportBinding[] }>): string[] {
  const lines = new Map<string, Set<string>>();
  const add = (key: string, part: string) => (lines.get(key) ?? lines.set(key, new Set()).get(key)!).add(part);
  for (const binding of copied.flatMap((c) => c.imports)) {
    const from = `'${binding.specifier}'`;
    if (binding.kind === 'default') add(`import ${binding.name} from ${from};`, '');
    else if (binding.kind === 'namespace') add(`import * as ${binding.name} from ${from};`, '');
    else if (binding.kind === 'require') add(`import ${binding.name} = require(${from});`, '');
    else add(from, binding.imported === binding.name ? binding.name : `${binding.imported} as ${binding.name}`);
  }
  return [...lines]
    .map(([key, names]) => (key.startsWith('import') ? key : `import { ${[...names].sort().join(', ')} } from ${key};`))
    .sort();
}
