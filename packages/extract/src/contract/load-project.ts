import { join, resolve } from 'node:path';
import { InputError } from '@seams/graph';
import { Project, ts, type Node, type SourceFile } from 'ts-morph';
import type { ContractInput } from './contract-model.ts';

export interface LoadedProject {
  /** A project file by its path relative to root, added on first use. */
  sourceFile: (file: string) => SourceFile;
  /** The project-relative POSIX path of a node's file, or undefined for the library and node_modules. */
  fileOf: (node: Node) => string | undefined;
}

/**
 * A ts-morph project of the service's files only: the checker pulls in whatever they import (through
 * the tsconfig's paths too), which is far cheaper than the whole monolith.
 */
export function loadProject(input: ContractInput): LoadedProject {
  // Source is read through TypeScript's own host, never node:fs: extract sees the project as the compiler does.
  const existsSync = (path: string) => ts.sys.fileExists(path);
  const root = resolve(input.root).replaceAll('\\', '/');
  const tsconfig =
    input.tsconfig ?? (existsSync(join(root, 'tsconfig.json')) ? join(root, 'tsconfig.json') : undefined);
  if (tsconfig !== undefined && !existsSync(tsconfig))
    throw new InputError(
      'SEAMS_INPUT_NOT_FOUND',
      `the tsconfig ${tsconfig} does not exist: pass the monolith's with --tsconfig, or --tsconfig none for plain JavaScript.`,
    );
  // Without strictNullChecks the checker erases `| null` and `| undefined`, and the schemas would reject what the code
  // sends.
  const strict = { strictNullChecks: true };
  const project = tsconfig
    ? new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: strict })
    : new Project({
        compilerOptions: {
          ...strict,
          allowJs: true,
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.NodeNext,
          moduleResolution: ts.ModuleResolutionKind.NodeNext,
        },
      });

  const sourceFile = (file: string): SourceFile => {
    const path = `${root}/${file}`;
    const found = project.getSourceFile(path);
    if (found) return found;
    if (!existsSync(path))
      throw new InputError(
        'SEAMS_INPUT_NOT_FOUND',
        `${file} does not exist under ${root}: the plan names a file the project no longer has.`,
      );
    return project.addSourceFileAtPath(path);
  };
  for (const file of input.serviceFiles) sourceFile(file);

  const fileOf = (node: Node): string | undefined => {
    const path = node.getSourceFile().getFilePath();
    if (!path.startsWith(`${root}/`) || path.includes('/node_modules/')) return undefined;
    return path.slice(root.length + 1);
  };
  return { sourceFile, fileOf };
}
