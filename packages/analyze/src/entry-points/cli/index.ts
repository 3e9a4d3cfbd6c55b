import { calledMethod, stringValue } from '../ast.ts';
import type { EntryDetector } from '../types.ts';

/** CLI commands: commander, yargs and cac `.command('deploy <env>')` give `cli deploy`. */
export const cli: EntryDetector = {
  name: 'cli',
  trigger: String.raw`\.command\(`,
  isEnabled: (text) => /\bcommander\b|\byargs\b|\bcac\b/.test(text),
  create: (context) => ({
    CallExpression(node) {
      if (calledMethod(node) !== 'command') return;
      const name = stringValue(node.arguments[0])?.trim().split(/\s+/)[0];
      if (name && !/^[<[]/.test(name)) context.report({ kind: 'cli', name, start: node.start });
    },
  }),
};
