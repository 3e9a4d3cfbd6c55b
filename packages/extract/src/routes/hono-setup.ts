import { Node, SyntaxKind } from 'ts-morph';
import type { CopiedCode } from './copy-expression.ts';
import { copyExpression } from './copy-expression.ts';
import { callsOn, importedFile, methodOf, parsed, usesGenerated, type Inputs } from './app-setup.ts';

/** What the monolith's Hono app applies before the sub-apps it mounts, copied for the service's route server. */
export interface HonoChain {
  /** The file whose app mounts a sub-app of the service (`app.route('/api/articles', articles)`). */
  file: string;
  /** The app's `use(...)` calls before that mount, each call's argument list. */
  before: CopiedCode[];
  /** What could not be copied, one line each, at the file's line. */
  notes: string[];
}

/**
 * The Hono app that mounts a sub-app reaching the service's routes: the file with a `<app>.route(prefix, sub)`
 * whose `sub` is imported from such a file (the app may be a function's parameter, as in `createFactory`'s
 * `initApp(app)`), and its `<app>.use(...)` calls before that mount, copied. Undefined when no file does.
 */
export function honoChain(inputs: Inputs): HonoChain | undefined {
  const files = new Set(inputs.files);
  for (const { path, file } of parsed(inputs, /['"]hono(?:\/[\w-]+)?['"]/)) {
    const mount = file.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => {
      const [, sub] = call.getArguments();
      if (methodOf(call) !== 'route' || !sub || !Node.isIdentifier(sub)) return false;
      const from = importedFile(file, path, sub.getText(), files);
      return from !== undefined && inputs.reaches.has(from);
    });
    const callee = mount?.getExpression();
    if (!mount || !Node.isPropertyAccessExpression(callee)) continue;
    const app = callee.getExpression().getText();
    const chain: HonoChain = { file: path, before: [], notes: [] };
    for (const call of callsOn(file, app)) {
      if (methodOf(call) !== 'use' || call.getStart() > mount.getStart() || usesGenerated(call, file, path, inputs))
        continue;
      const copies = call.getArguments().map((arg) => copyExpression(arg, path, inputs.target, new Set([app])));
      const failed = copies.find((c): c is { reason: string } => 'reason' in c);
      if (failed)
        chain.notes.push(`${path}:${call.getStartLineNumber()} \`${app}.use(...)\` is not applied: ${failed.reason}`);
      else {
        const done = copies as CopiedCode[];
        chain.before.push({ code: done.map((c) => c.code).join(', '), imports: done.flatMap((c) => c.imports) });
      }
    }
    return chain;
  }
  return undefined;
}
