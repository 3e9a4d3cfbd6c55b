import { posix } from 'node:path';

/**
 * The name each service file's default export has on the facade, for the files whose default the
 * rest of the monolith imports: the first file's is the facade's own default; a module has one, so
 * the others' get a name from their file (`payment.routes.ts` -> `paymentRoutesDefault`). The facade
 * and the codemod both read it, so an `import x from` lands on the same export.
 */
export function facadeDefaults(entries: readonly string[]): Map<string, string> {
  const files = entries
    .filter((entry) => entry.endsWith('#default'))
    .map((entry) => entry.slice(0, -'#default'.length));
  const names = new Map<string, string>();
  for (const file of [...new Set(files)].sort()) names.set(file, names.size === 0 ? 'default' : defaultAlias(file));
  return names;
}

function defaultAlias(file: string): string {
  const base = posix.basename(file).replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
  const stem = base === 'index' ? posix.basename(posix.dirname(file)) : base;
  const camel = stem.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase());
  return `${/^[0-9]/.test(camel) ? '_' : ''}${camel.charAt(0).toLowerCase()}${camel.slice(1)}Default`;
}
