import { posix } from 'node:path';

/** The relative, extensionless specifier from one generated file to another file, both relative to the root. */
export function importPath(fromFile: string, toFile: string): string {
  const relative = posix.relative(posix.dirname(fromFile), toFile.replace(/\.(d\.)?[cm]?[jt]sx?$/, ''));
  return relative.startsWith('.') ? relative : `./${relative}`;
}
