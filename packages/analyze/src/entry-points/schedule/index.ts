import type { AnyNode } from '../../ast/lazy-ast.ts';
import { calledMember, decorator, identifierName, memberName, propertyValue, stringValue } from '../ast.ts';
import type { EntryDetector } from '../types.ts';

const TIMERS = new Set(['Cron', 'Interval', 'Timeout']);

// The handler's name when it has one (`cron.schedule('0 * * * *', sendDigest)`, `function purge() {}`), else
// the schedule itself.
const nameOf = (schedule: string, handler: AnyNode | undefined) =>
  identifierName(handler) ??
  (handler?.type === 'StaticMemberExpression' ? handler.property.name : undefined) ??
  (handler?.type === 'FunctionExpression' ? handler.id?.name : undefined) ??
  schedule;

/**
 * Scheduled jobs: node-cron `cron.schedule(expr, fn)`, node-schedule `scheduleJob(expr, fn)`, cron
 * `new CronJob(expr, fn)` / `CronJob.from({ cronTime, onTick })`, and NestJS `@Cron` / `@Interval` / `@Timeout`.
 */
/** A pattern matching `word` in any case, for a trigger (which the one scan tries case-sensitively). */
const anyCase = (word: string) =>
  [...word].map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`)).join('');

export const schedule: EntryDetector = {
  name: 'schedule',
  // In any case: `cron` covers `@Cron`, `schedule` both `node-schedule` and `scheduleJob`; then the exact test.
  trigger: ['cron', 'schedule', '@interval', '@timeout'].map(anyCase).join('|'),
  isEnabled: (text) => /\bcron\b|node-schedule|scheduleJob|@Cron|@Interval|@Timeout/i.test(text),
  create: (context) => {
    const classes: string[] = [];
    return {
      CallExpression(node) {
        const member = calledMember(node);
        const method = member?.property.name ?? identifierName(node.callee);
        const args = node.arguments;
        if (method === 'schedule' || method === 'scheduleJob') {
          // scheduleJob('name', expr, fn) names the job itself.
          const first = stringValue(args[0]);
          if (first === undefined && args[0]?.type !== 'ObjectExpression') return;
          const named = method === 'scheduleJob' && args.length >= 3 && first !== undefined;
          const name = named ? first : nameOf(first ?? 'job', args[1]);
          context.report({ kind: 'schedule', name, start: node.start });
        } else if (method === 'from' && identifierName(member?.object) === 'CronJob') {
          const expr = stringValue(propertyValue(args[0], 'cronTime'));
          if (expr !== undefined)
            context.report({
              kind: 'schedule',
              name: nameOf(expr, propertyValue(args[0], 'onTick')),
              start: node.start,
            });
        }
      },
      NewExpression(node) {
        const expr = stringValue(node.arguments[0]);
        if (identifierName(node.callee) === 'CronJob' && expr !== undefined)
          context.report({ kind: 'schedule', name: nameOf(expr, node.arguments[1]), start: node.start });
      },
      Class(node) {
        classes.push(node.id?.name ?? '(anonymous class)');
      },
      ClassExit() {
        classes.pop();
      },
      MethodDefinition(node) {
        const timer = decorator(node.decorators, TIMERS);
        if (!timer) return;
        context.report({
          kind: 'schedule',
          name: `${classes[classes.length - 1]}.${memberName(node.key)}`,
          start: timer.start,
        });
      },
    };
  },
};
