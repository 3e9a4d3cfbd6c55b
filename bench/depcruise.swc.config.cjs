// bench/depcruise.config.cjs with dependency-cruiser's fastest parser: swc (needs @swc/core, installed
// with the baselines) for JavaScript and TypeScript alike, instead of acorn for .js and tsc for .ts.
const base = require('./depcruise.config.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = { ...base, options: { ...base.options, parser: 'swc' } };
