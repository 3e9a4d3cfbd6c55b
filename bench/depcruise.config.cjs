// dependency-cruiser options for the benchmark (v18). No rules: we only want the
// graph, resolved as close as possible to what seams reports.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [],
  options: {
    // Packages are leaves: list the edge into node_modules, never crawl inside.
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    // Keep imports that vanish after compilation (type-only imports and exports):
    // seams reports them as kind "type", so leaving them out would skew agreement.
    tsPreCompilationDeps: true,
    // Resolve package.json "exports" like Node and bundlers do.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    // The tsconfig is passed per input with --ts-config (the input folder is the cwd).
    cache: false,
    progress: { type: 'none' },
  },
};
