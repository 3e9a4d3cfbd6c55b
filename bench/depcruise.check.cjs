// dependency-cruiser rules for bench/check.ts (v18): the folder-based counterpart of the
// plan seams check guards. A domain of the synthetic monolith (src/domains/<name>/) may use
// another domain only through its barrel (src/domains/<name>/index.ts), never its internals.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-domain-internals',
      comment: "a domain may not import another domain's internals, only its index.ts",
      severity: 'error',
      // $1 is the importing domain (dependency-cruiser's group back-reference).
      from: { path: '^src/domains/([^/]+)/' },
      to: { path: '^src/domains/', pathNot: ['^src/domains/$1/', '^src/domains/[^/]+/index\\.ts$'] },
    },
  ],
  options: {
    // The same resolution options as bench/depcruise.config.cjs (the analyze benchmark).
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    progress: { type: 'none' },
  },
};
