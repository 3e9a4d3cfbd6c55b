import { Node, SyntaxKind, type ClassDeclaration, type SourceFile } from 'ts-morph';

// Decorators that hand a class to a container: NestJS and TypeDI (`Injectable`, `Service`),
// tsyringe and InversifyJS (`injectable`, `singleton`).
export const INJECTABLE = new Set(['Injectable', 'Service', 'injectable', 'singleton']);

const decoratorNames = (cls: ClassDeclaration) => cls.getDecorators().map((d) => d.getName());

/**
 * Whether other code receives instances of `cls` from a container rather than data: it is marked
 * injectable, or a caller's constructor takes one. Its public methods are then the crossing.
 */
export function isInjected(cls: ClassDeclaration, callers: readonly SourceFile[]): boolean {
  if (decoratorNames(cls).some((name) => INJECTABLE.has(name))) return true;
  return callers.some((file) =>
    file
      .getDescendantsOfKind(SyntaxKind.Constructor)
      .some((constructor) =>
        constructor
          .getParameters()
          .some((parameter) => parameter.getType().getSymbol()?.getDeclarations().includes(cls) ?? false),
      ),
  );
}

/** A NestJS `@Module`: a class of wiring, with nothing to call. */
export const isModule = (cls: ClassDeclaration): boolean => decoratorNames(cls).includes('Module');

/**
 * The classes a `@Module({ exports: [...] })` offers to the modules that import it: what they
 * inject comes from here, even when they never import the class by name.
 */
export const moduleExports = (cls: ClassDeclaration): ClassDeclaration[] => moduleLists(cls, 'exports');

/**
 * The classes one list of a `@Module({...})` names (`providers`, `exports`); `{ provide: ... }` entries are not
 * classes.
 */
export function moduleLists(cls: ClassDeclaration, key: 'providers' | 'exports'): ClassDeclaration[] {
  const metadata = cls
    .getDecorators()
    .find((d) => d.getName() === 'Module')
    ?.getArguments()[0];
  if (!Node.isObjectLiteralExpression(metadata)) return [];
  const property = metadata.getProperty(key);
  const list = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  if (!Node.isArrayLiteralExpression(list)) return [];
  return list.getElements().flatMap((element) => {
    const symbol = element.getSymbol();
    const declarations = (symbol?.getAliasedSymbol() ?? symbol)?.getDeclarations() ?? [];
    return declarations.filter((d): d is ClassDeclaration => Node.isClassDeclaration(d));
  });
}
