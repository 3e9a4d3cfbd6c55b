/**
 * JavaScript's own globals whose statics share a model method's name (`Object.create`, `Math.max`, `Array.from`):
 * never a model, so a call on one neither counts as an access nor makes a file worth walking for one.
 */
export const BUILTIN_GLOBALS: ReadonlySet<string> = new Set([
  'Object',
  'Array',
  'Math',
  'JSON',
  'Promise',
  'Date',
  'Number',
  'String',
  'Boolean',
  'Symbol',
  'BigInt',
  'Reflect',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Error',
  'RegExp',
  'Buffer',
]);
