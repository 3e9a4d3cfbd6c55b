import { Node, type ClassDeclaration, type Decorator, type SourceFile } from 'ts-morph';
import type { ImportSource, NestModule, Provider } from './contract-model.ts';
import { INJECTABLE, isModule, moduleLists } from './find-providers.ts';

type FileOf = (node: Node) => string | undefined;

// How far the service follows constructor parameters when it builds a provider as a container would.
const MAX_DEPTH = 6;

/** Where `file` gets the binding `name`: a project file, or a package as the file names it. */
function importSource(file: SourceFile, name: string, fileOf: FileOf): ImportSource | undefined {
  for (const declaration of file.getImportDeclarations()) {
    const named = declaration.getNamedImports().find((n) => (n.getAliasNode() ?? n.getNameNode()).getText() === name);
    if (!named || named.getAliasNode()) continue;
    const target = declaration.getModuleSpecifierSourceFile();
    const inProject = target && fileOf(target);
    if (inProject !== undefined) return { file: inProject };
    const specifier = declaration.getModuleSpecifierValue();
    return specifier.startsWith('.') ? undefined : { module: specifier };
  }
  const own = fileOf(file);
  const local = file.getFunction(name) ?? file.getVariableDeclaration(name) ?? file.getClass(name);
  return own !== undefined && local && Node.isExportable(local) && local.isExported() ? { file: own } : undefined;
}

function decoratorOf(decorator: Decorator, fileOf: FileOf) {
  const name = decorator.getName();
  const from = importSource(decorator.getSourceFile(), name, fileOf);
  return from && { name, text: decorator.getText(), from };
}

/**
 * How the facade and the service stand in for one injected class: the container decorators to
 * repeat on the facade's subclass, and how the service builds an instance of it.
 */
export function describeWiring(cls: ClassDeclaration, file: string, fileOf: FileOf): Provider {
  const decorators = cls
    .getDecorators()
    .filter((d) => INJECTABLE.has(d.getName()))
    .flatMap((d) => decoratorOf(d, fileOf) ?? []);
  const classes = new Map<string, string>();
  const built = construct(cls, fileOf, classes, new Set(), 0);
  const name = cls.getName() ?? 'default';
  return {
    name,
    file,
    line: cls.getStartLineNumber(),
    decorators,
    construct:
      typeof built === 'string'
        ? { expression: built, classes: [...classes].map(([n, f]) => ({ name: n, file: f })) }
        : built,
  };
}

// `new A(new B(), new C())` when every constructor parameter is a concrete class of the project that
// builds the same way; else why not, for a person to finish what the monolith's container does.
function construct(
  cls: ClassDeclaration,
  fileOf: FileOf,
  classes: Map<string, string>,
  path: Set<ClassDeclaration>,
  depth: number,
): string | { reason: string } {
  const name = cls.getName();
  const file = fileOf(cls);
  if (!name || file === undefined || cls.isAbstract() || !cls.isExported())
    return { reason: `\`${name ?? 'default'}\` is not an exported concrete class of the project` };
  if (path.has(cls) || depth > MAX_DEPTH) return { reason: `\`${name}\` depends on itself, or too deeply` };
  if (classes.has(name) && classes.get(name) !== file) return { reason: `two classes named \`${name}\`` };
  classes.set(name, file);
  const constructor = cls.getConstructors()[0] ?? inheritedConstructor(cls);
  const args: string[] = [];
  for (const parameter of constructor?.getParameters() ?? []) {
    if (parameter.isOptional() || parameter.hasInitializer()) break;
    const declaration = parameter.getType().getSymbol()?.getDeclarations()[0];
    const injectedByToken = parameter.getDecorators().length > 0;
    if (injectedByToken || !declaration || !Node.isClassDeclaration(declaration))
      return {
        reason: `the constructor of \`${name}\` takes \`${parameter.getName()}: ${parameter.getTypeNode()?.getText() ?? parameter.getType().getText()}\`${injectedByToken ? ' by an injection token' : ''}, which seams does not know how to build`,
      };
    const inner = construct(declaration, fileOf, classes, new Set([...path, cls]), depth + 1);
    if (typeof inner !== 'string') return inner;
    args.push(inner);
  }
  return `new ${name}(${args.join(', ')})`;
}

function inheritedConstructor(cls: ClassDeclaration) {
  for (let base = cls.getBaseClass(); base; base = base.getBaseClass()) {
    const found = base.getConstructors()[0];
    if (found) return found;
  }
  return undefined;
}

/** The NestJS modules among the entries that provide or export one of `providers`: their wiring is rewritten. */
export function nestModules(
  modules: readonly ClassDeclaration[],
  providers: readonly string[],
  fileOf: FileOf,
): NestModule[] {
  return modules.flatMap((cls): NestModule[] => {
    const name = cls.getName();
    const file = fileOf(cls);
    const decorator = cls.getDecorators().find((d) => d.getName() === 'Module');
    if (!name || file === undefined || !decorator || !isModule(cls)) return [];
    const listed = [...moduleLists(cls, 'providers'), ...moduleLists(cls, 'exports')].map((c) => c.getName());
    const provides = providers.filter((p) => listed.includes(p));
    const from = importSource(cls.getSourceFile(), 'Module', fileOf);
    return provides.length > 0 && from
      ? [{ name, file, line: cls.getStartLineNumber(), provides, moduleFrom: from }]
      : [];
  });
}
