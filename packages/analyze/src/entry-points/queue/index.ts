import type { AnyNode } from '../../ast/lazy-ast.ts';
import { decorator, identifierName, memberName, propertyValue, stringValue } from '../ast.ts';
import type { EntryDetector } from '../types.ts';

const PROCESSOR = new Set(['Processor']);
const PROCESS = new Set(['Process']);
const PATTERNS = new Set(['EventPattern', 'MessagePattern']);

// `@MessagePattern('orders.created')`, `@MessagePattern({ cmd: 'sum' })`.
const patternOf = (argument: AnyNode | undefined) =>
  stringValue(argument) ?? stringValue(propertyValue(argument, 'cmd')) ?? stringValue(propertyValue(argument, 'name'));

/**
 * Queue and message consumers: BullMQ `new Worker('emails', fn)`, Bull `queue.process(...)` on
 * `new Queue('emails')`, NestJS `@Processor('emails')` classes (with `@Process('job')` methods or a
 * WorkerHost `process`), and microservice handlers `@EventPattern(...)` / `@MessagePattern(...)`.
 */
export const queue: EntryDetector = {
  name: 'queue',
  trigger: String.raw`\bbullmq\b|\bbull\b|@Processor|@EventPattern|@MessagePattern`,
  create: (context) => {
    const processors: Array<string | undefined> = [];
    const queues = new Map<string, string>();
    return {
      NewExpression(node) {
        const name = stringValue(node.arguments[0]);
        if (identifierName(node.callee) === 'Worker' && name !== undefined)
          context.report({ kind: 'queue', name, start: node.start });
      },
      VariableDeclarator(node) {
        const init = node.init;
        if (init?.type !== 'NewExpression' || node.id.type !== 'BindingIdentifier') return;
        const callee = identifierName(init.callee);
        const name = stringValue(init.arguments[0]);
        if ((callee === 'Queue' || callee === 'Bull') && name !== undefined) queues.set(node.id.name, name);
      },
      CallExpression(node) {
        if (node.callee.type !== 'StaticMemberExpression' || node.callee.property.name !== 'process') return;
        const name = queues.get(identifierName(node.callee.object) ?? '');
        if (name === undefined) return;
        const job = stringValue(node.arguments[0]);
        context.report({ kind: 'queue', name: job ? `${name}:${job}` : name, start: node.start });
      },
      Class(node) {
        const found = decorator(node.decorators, PROCESSOR);
        processors.push(
          found
            ? (stringValue(found.arguments[0]) ?? stringValue(propertyValue(found.arguments[0], 'name')) ?? '')
            : undefined,
        );
      },
      ClassExit() {
        processors.pop();
      },
      MethodDefinition(node) {
        const pattern = decorator(node.decorators, PATTERNS);
        if (pattern) {
          const name = patternOf(pattern.arguments[0]) ?? memberName(node.key);
          if (name !== undefined) context.report({ kind: 'queue', name, start: pattern.start });
          return;
        }
        const processor = processors[processors.length - 1];
        if (processor === undefined) return;
        const process = decorator(node.decorators, PROCESS);
        const job = process
          ? (stringValue(process.arguments[0]) ?? stringValue(propertyValue(process.arguments[0], 'name')))
          : undefined;
        if (process || memberName(node.key) === 'process')
          context.report({
            kind: 'queue',
            name: job ? `${processor}:${job}` : processor,
            start: process?.start ?? node.start,
          });
      },
    };
  },
};
