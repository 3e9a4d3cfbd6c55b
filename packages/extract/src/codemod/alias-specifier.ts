import { posix } from 'node:path';
import { ts } from 'ts-morph';

const SOURCE = /\.(d\.)?[cm]?[jt]sx?$/;

/**
 * The monolith's import aliases over a folder, as the part before their `*`: package.json's `imports`
 * (`#src/*` gives `#src/`) and the tsconfig's `paths`, its `extends` included (`@/*` gives `@/`).
 */
export function declaredAliases(
  root: string,
  tsconfig: string | undefined,
  readFile: (path: string) => string,
): string[] {
  const read = (path: string) => {
    try {
      return readFile(path);
    } catch {
      return undefined;
    }
  };
  const keys: string[] = [];
  try {
    const manifest = JSON.parse(read('package.json') ?? '{}') as { imports?: unknown };
    if (manifest.imports && typeof manifest.imports === 'object') keys.push(...Object.keys(manifest.imports));
  } catch {
    // A package.json that does not parse declares nothing seams can read.
  }
  if (tsconfig && read(tsconfig) !== undefined) {
    const relative = (path: string) => posix.relative(root, path);
    const host: ts.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      readDirectory: () => [],
      fileExists: (path) => read(relative(path)) !== undefined,
      readFile: (path) => read(relative(path)),
    };
    const path = posix.join(root, tsconfig);
    const config = ts.parseConfigFileTextToJson(path, read(tsconfig) ?? '{}').config as object | undefined;
    const parsed = ts.parseJsonConfigFileContent(config ?? {}, host, posix.dirname(path), undefined, path);
    keys.push(...Object.keys(parsed.options.paths ?? {}));
  }
  return [...new Set(keys.filter((key) => key.endsWith('/*')).map((key) => key.slice(0, -1)))];
}

/**
 * The facade's specifier in the alias a file reaches the service with, when that alias's folder holds the facade:
 * `#src/orders/order.service.js` (src/orders/order.service.ts) gives `#src/extracted/orders/facade/orders.facade.js`
 * for a facade in src/. Undefined for a relative specifier, an alias the monolith does not declare over a folder, or
 * a facade outside its folder (the codemod then writes a relative path).
 */
export function aliasSpecifier(
  specifier: string,
  target: string,
  facadePath: string,
  aliases: readonly string[],
): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  const extension = SOURCE.exec(specifier)?.[0] ?? '';
  const written = specifier.slice(0, specifier.length - extension.length);
  let file = target.replace(SOURCE, '');
  // `#src/orders` for src/orders/index.ts: the folder is what the specifier names.
  if (file.endsWith('/index') && !written.endsWith('/index')) file = file.slice(0, -'/index'.length);
  // The alias is what the specifier has where the file has its folder: they end alike from a `/` on.
  const shared = sharedTail(written, file);
  if (shared === undefined) return undefined;
  const alias = written.slice(0, written.length - shared.length);
  const folder = file.slice(0, file.length - shared.length);
  if (!aliases.includes(alias) || !facadePath.startsWith(folder)) return undefined;
  return alias + facadePath.slice(folder.length).replace(SOURCE, '') + extension;
}

// The longest tail two paths share that starts right after a `/` in both ('orders/x' of '#src/orders/x' and
// 'src/orders/x'), or undefined.
function sharedTail(a: string, b: string): string | undefined {
  const left = a.split('/');
  const right = b.split('/');
  let n = 0;
  while (n < left.length - 1 && n < right.length - 1 && left[left.length - 1 - n] === right[right.length - 1 - n]) n++;
  return n === 0 ? undefined : left.slice(left.length - n).join('/');
}
