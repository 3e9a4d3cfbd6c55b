import {
  Node,
  type ClassDeclaration,
  type EnumDeclaration,
  type InterfaceDeclaration,
  type Type,
  type TypeAliasDeclaration,
} from 'ts-morph';
import type { TypeDecl, TypeRef } from './contract-model.ts';
import { typeRef } from './type-text.ts';
import type { Issue, Walk } from './type-walk.ts';

/** A class among them is a data class (`isDataClass`): declared in the contract as an interface. */
export type NamedDeclaration = InterfaceDeclaration | TypeAliasDeclaration | EnumDeclaration | ClassDeclaration;

/** A contract type, with what its body holds that JSON cannot carry and the named types it uses. */
export interface NamedType extends TypeDecl {
  issues: Issue[];
  refs: Set<string>;
}

/**
 * The project's named types the contract declares. Each gets its name on first sight (a clash
 * gets the next free number: Address, Address2) and its place in the list once its body is
 * described, so a type comes after the types it uses; a cycle is cut where it was entered.
 */
export function createNamedTypes(inProject: (node: Node) => boolean) {
  const byDeclaration = new Map<NamedDeclaration, NamedType>();
  const byName = new Map<string, NamedType>();
  const ordered: NamedType[] = [];

  const uniqueName = (name: string) => {
    let candidate = name;
    for (let n = 2; byName.has(candidate); n++) candidate = `${name}${n}`;
    return candidate;
  };

  /** The declaration `type` refers to by name, unless it is generic (its instantiation is written out instead). */
  function declarationOf(type: Type): NamedDeclaration | undefined {
    const alias = type.getAliasSymbol()?.getDeclarations()[0];
    if (Node.isTypeAliasDeclaration(alias) && inProject(alias))
      return type.getAliasTypeArguments().length === 0 ? alias : undefined;
    for (const declaration of type.getSymbol()?.getDeclarations() ?? []) {
      if (Node.isInterfaceDeclaration(declaration) && inProject(declaration))
        return declaration.getTypeParameters().length === 0 ? declaration : undefined;
      if (Node.isEnumDeclaration(declaration) && inProject(declaration)) return declaration;
      if (Node.isClassDeclaration(declaration) && inProject(declaration) && isDataClass(declaration))
        return declaration;
    }
    return undefined;
  }

  /** A reference to the declaration's contract type; `declare` fills in its text and schema the first time. */
  function ref(declaration: NamedDeclaration, file: string, walk: Walk, declare: (entry: NamedType) => void): TypeRef {
    let entry = byDeclaration.get(declaration);
    if (!entry) {
      entry = {
        name: uniqueName(declaration.getName() ?? 'Anonymous'),
        text: '',
        schema: {},
        file,
        issues: [],
        refs: new Set(),
      };
      byDeclaration.set(declaration, entry);
      byName.set(entry.name, entry);
      declare(entry);
      ordered.push(entry);
    }
    walk.refs.add(entry.name);
    return typeRef(entry.name, { $ref: `#/components/schemas/${entry.name}` });
  }

  /** The named types `refs` reach, directly or through other named types, in list order. */
  function reachable(refs: Iterable<string>): NamedType[] {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const next of byName.get(name)?.refs ?? []) visit(next);
    };
    for (const name of refs) visit(name);
    return ordered.filter((entry) => seen.has(entry.name));
  }

  return { declarationOf, ref, reachable, list: (): readonly NamedType[] => ordered };
}

/**
 * A class of fields only (a NestJS DTO, an ORM row without hooks): JSON carries all of it, so its
 * instances cross as data of the same shape. A method or an accessor would be lost on the way.
 */
export function isDataClass(declaration: ClassDeclaration): boolean {
  if (declaration.getName() === undefined || declaration.getTypeParameters().length > 0) return false;
  const properties = declaration.getType().getProperties();
  return properties.every((property) =>
    property.getDeclarations().every((d) => Node.isPropertyDeclaration(d) || Node.isParameterDeclaration(d)),
  );
}

export type NamedTypes = ReturnType<typeof createNamedTypes>;
