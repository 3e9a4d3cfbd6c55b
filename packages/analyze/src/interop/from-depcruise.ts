import { FormatError, type EdgeKind } from '@seams/graph';
import { packageName } from '../package-name.ts';
import { createCollector, type ForeignParts } from './foreign-parts.ts';

interface CruiseDependency {
  module: string;
  resolved: string;
  coreModule?: boolean;
  couldNotResolve?: boolean;
  dynamic?: boolean;
  moduleSystem?: string;
  dependencyTypes?: string[];
}

interface CruiseModule {
  source: string;
  coreModule?: boolean;
  couldNotResolve?: boolean;
  dependencies?: CruiseDependency[];
}

/** dependency-cruiser's `--output-type json`: local modules become files, npm and core modules externals. */
export function fromDepcruise(json: unknown, file: string): ForeignParts {
  const modules = (json as { modules?: CruiseModule[] }).modules;
  if (!Array.isArray(modules))
    throw new FormatError('SEAMS_IMPORT_FORMAT_UNKNOWN', `${file}: dependency-cruiser JSON has no modules array`);
  const collect = createCollector();
  const isLocal = (m: Pick<CruiseModule, 'source' | 'coreModule' | 'couldNotResolve'>) =>
    !m.coreModule && !m.couldNotResolve && !m.source.includes('node_modules/');
  for (const module of modules) if (isLocal(module)) collect.file(module.source);
  for (const module of modules) {
    if (!isLocal(module)) continue;
    for (const dep of module.dependencies ?? []) {
      const kind = kindOf(dep);
      if (dep.couldNotResolve) {
        collect.unresolved.push({
          from: module.source,
          specifier: dep.module,
          kind,
          line: 0,
          reason: 'not-found',
        });
      } else if (dep.coreModule || dep.resolved.includes('node_modules/') || isNpm(dep)) {
        const builtin = Boolean(dep.coreModule);
        collect.externals.push({
          from: module.source,
          specifier: dep.module,
          package: builtin ? `node:${dep.module.replace(/^node:/, '').split('/')[0]}` : packageName(dep.module),
          builtin,
          kind,
          line: 0,
          names: [],
        });
      } else {
        collect.file(dep.resolved);
        collect.edge({ from: module.source, to: dep.resolved, kind, specifier: dep.module, line: 0, names: [] });
      }
    }
  }
  return collect.parts();
}

function isNpm(dep: CruiseDependency): boolean {
  return (dep.dependencyTypes ?? []).some((t) => t.startsWith('npm'));
}

function kindOf(dep: CruiseDependency): EdgeKind {
  const types = dep.dependencyTypes ?? [];
  if (types.includes('type-only') || types.includes('type-import')) return 'type';
  if (dep.dynamic || types.includes('dynamic-import')) return 'dynamic';
  if (types.includes('export')) return 'reexport';
  if (dep.moduleSystem === 'cjs' || types.includes('require') || types.includes('import-equals')) return 'require';
  return 'import';
}
