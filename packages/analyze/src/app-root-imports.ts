import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonConfig } from './read-config-file.ts';

/**
 * The folders a specifier starting with `/` is resolved from before it is taken as a file system path: the project
 * root when it is a Meteor app (a `.meteor` folder, or a `meteor` field in package.json), whose build resolves
 * `import x from '/imports/x'` from the app root; none otherwise, so other projects resolve exactly as TypeScript.
 */
export function appRootsOf(root: string): string[] {
  if (statSync(join(root, '.meteor'), { throwIfNoEntry: false })?.isDirectory()) return [root];
  const manifest = readJsonConfig<{ meteor?: unknown }>(join(root, 'package.json'));
  return manifest && 'value' in manifest && manifest.value.meteor !== undefined ? [root] : [];
}
