import { Node, SyntaxKind } from 'ts-morph';
import type { Blocker, Operation } from './contract-model.ts';
import type { NamedTypes } from './named-types.ts';
import type { Issue, Walk } from './type-walk.ts';

/**
 * Why an operation cannot simply go remote: it is synchronous, its parameters or result (or the
 * named types they use, wherever declared) hold what JSON cannot carry, or its body runs a
 * transaction that would have to span both processes.
 */
export function operationBlockers(
  operation: Operation,
  walk: Walk,
  named: NamedTypes,
  body: Node | undefined,
): Blocker[] {
  const { name, file, line } = operation;
  const blockers: Blocker[] = [];
  if (!operation.async) {
    blockers.push({
      kind: 'sync',
      operation: name,
      file,
      line,
      message: operation.owner
        ? syncMethod(operation)
        : `\`${name}\` is synchronous: callers use the result synchronously; a remote call is async: make it async, then route it`,
    });
  }
  const issues = [...walk.issues, ...named.reachable(walk.refs).flatMap((type) => type.issues)];
  blockers.push(...samePlace(issues).map(({ issue, more }) => issueBlocker(issue, more, name)));
  if (body) blockers.push(...transactions(body, name, file));
  return blockers;
}

// The consumer holds the instance and calls the method in line: the exact reason it cannot move as it is.
function syncMethod({ name, returns }: Operation): string {
  const what =
    returns.text === 'void'
      ? 'runs synchronously: callers rely on its effect being done when it returns'
      : `returns \`${returns.text}\` synchronously: callers use the result without await`;
  return `\`${name}\` ${what}; a remote call is async: make it async, then route it`;
}

/**
 * The issues of one declaration line that say the same (every Date field of an entity graph reached through its
 * relations, each under its own path): one group each, its shortest paths first, in the order first met.
 */
function samePlace(issues: readonly Issue[]): Array<{ issue: Issue; more: Issue[] }> {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const key = [issue.origin, issue.file, issue.line, issue.kind, issue.what, issue.advice].join('\0');
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  return [...groups.values()].map((group) => {
    const [issue, ...more] = group.toSorted((a, b) => a.path.length - b.path.length);
    return { issue: issue!, more };
  });
}

function issueBlocker(issue: Issue, more: readonly Issue[], operation: string): Blocker {
  const subject =
    issue.origin === 'parameter'
      ? `Parameter \`${issue.path}\` of \`${operation}\``
      : issue.origin === 'result'
        ? `The result of \`${operation}\`${issue.path === '' ? '' : `, at \`${issue.path}\`,`}`
        : `\`${issue.path}\` (used by \`${operation}\`)`;
  const others =
    more.length === 0
      ? ''
      : `, and so ${more.length === 1 ? 'is 1 more path' : `are ${more.length} more paths`} (\`${more[0]!.path}\`${more.length > 1 ? ', ...' : ''})`;
  return {
    kind: issue.kind,
    operation,
    file: issue.file,
    line: issue.line,
    message: `${subject} is ${issue.what}${others}: ${issue.advice}`,
  };
}

// Direct calls only (`withTransaction(...)`, `db.transaction(...)`): the helper the body calls is where the boundary
// would cut.
function transactions(body: Node, operation: string, file: string): Blocker[] {
  return body.getDescendantsOfKind(SyntaxKind.CallExpression).flatMap((call): Blocker[] => {
    const callee = call.getExpression();
    const name = Node.isIdentifier(callee)
      ? callee.getText()
      : Node.isPropertyAccessExpression(callee)
        ? callee.getName()
        : undefined;
    if (name === undefined || !/transaction/i.test(name)) return [];
    return [
      {
        kind: 'transaction',
        operation,
        file,
        line: call.getStartLineNumber(),
        message: `\`${operation}\` calls \`${callee.getText()}\`: a transaction here cannot span the monolith and the service: use a saga or an outbox`,
      },
    ];
  });
}
