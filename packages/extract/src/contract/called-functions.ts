import { Node, type BinaryExpression, type Symbol as MorphSymbol } from 'ts-morph';

/** A function of the project, named as analyze names the function that encloses a table access. */
export interface Callee {
  file: string;
  /** `name`, `Class.method`, or the name of the const an arrow or function expression is assigned to. */
  function: string;
}

/** How many functions one operation's calls are followed into: a bound on the checker's work, not a depth. */
const LIMIT = 200;

interface Reached extends Callee {
  node: Node;
}

/**
 * Follows an operation's calls into the project's functions, directly or through the functions it
 * calls, as far as the checker resolves each call (`helper()`, `this.users.create()` on an injected
 * class, `new Store()`): a write made by any of them is the operation's write too. Calls into packages
 * are not followed (their accesses are the project's own calls of them), nor a call the checker cannot
 * resolve (a callback, an `any`). Each function's own calls are resolved once for every operation.
 */
export function createCallFollower(fileOf: (node: Node) => string | undefined): (start: Node) => Callee[] {
  const direct = new Map<Node, Reached[]>();
  const callsOf = (body: Node): Reached[] => {
    const known = direct.get(body);
    if (known) return known;
    const found: Reached[] = [];
    body.forEachDescendant((node) => {
      if (!Node.isCallExpression(node) && !Node.isNewExpression(node)) return;
      for (const declaration of declarationsOf(node.getExpression().getSymbol())) {
        const fn = functionOf(declaration);
        const file = fn && fileOf(fn.node);
        if (fn && file !== undefined) found.push({ node: fn.node, file, function: fn.name });
      }
    });
    direct.set(body, found);
    return found;
  };
  return (start) => {
    // An overloaded function's body is its implementation's.
    const body =
      Node.isFunctionDeclaration(start) || Node.isMethodDeclaration(start)
        ? (start.getImplementation() ?? start)
        : start;
    const reached = new Map<Node, Callee>();
    const queue = [body];
    for (let next = queue.shift(); next !== undefined && reached.size < LIMIT; next = queue.shift()) {
      for (const callee of callsOf(next)) {
        if (reached.has(callee.node) || callee.node === body) continue;
        reached.set(callee.node, { file: callee.file, function: callee.function });
        queue.push(callee.node);
      }
    }
    return [...reached.values()];
  };
}

function declarationsOf(symbol: MorphSymbol | undefined): Node[] {
  if (!symbol) return [];
  const target = symbol.isAlias() ? symbol.getAliasedSymbol() : symbol;
  return target?.getDeclarations() ?? [];
}

// The function a declaration names, with the name analyze gives it; `new X()` runs X's constructor.
function functionOf(declaration: Node): { node: Node; name: string } | undefined {
  if (Node.isFunctionDeclaration(declaration)) {
    const body = declaration.getImplementation() ?? declaration;
    const name = declaration.getName();
    return name ? { node: body, name } : undefined;
  }
  if (Node.isMethodDeclaration(declaration) || Node.isConstructorDeclaration(declaration)) {
    const cls = declaration.getParent();
    const owner = Node.isClassDeclaration(cls) ? cls.getName() : undefined;
    if (!owner) return undefined;
    const body = declaration.getImplementation() ?? declaration;
    const member = Node.isMethodDeclaration(declaration) ? declaration.getName() : 'constructor';
    return { node: body, name: `${owner}.${member}` };
  }
  if (Node.isClassDeclaration(declaration)) {
    const constructor = declaration.getConstructors()[0];
    return constructor ? functionOf(constructor) : undefined;
  }
  if (Node.isPropertyDeclaration(declaration)) {
    // `create = async () => {...}` in a class: analyze names it as a method.
    const cls = declaration.getParent();
    const value = declaration.getInitializer();
    const owner = Node.isClassDeclaration(cls) ? cls.getName() : undefined;
    if (owner && (Node.isArrowFunction(value) || Node.isFunctionExpression(value)))
      return { node: value, name: `${owner}.${declaration.getName()}` };
    return undefined;
  }
  // `const find = () => ...`, and CommonJS's `exports.find = function () {...}`; a named function expression keeps its name.
  const [value, name] = Node.isVariableDeclaration(declaration)
    ? [declaration.getInitializer(), declaration.getName()]
    : Node.isPropertyAccessExpression(declaration) && Node.isBinaryExpression(declaration.getParent())
      ? [(declaration.getParent() as BinaryExpression).getRight(), declaration.getName()]
      : [undefined, undefined];
  if (Node.isArrowFunction(value)) return { node: value, name: name! };
  if (Node.isFunctionExpression(value)) return { node: value, name: value.getName() ?? name! };
  return undefined;
}
