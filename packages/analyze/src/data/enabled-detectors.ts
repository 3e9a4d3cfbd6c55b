import { createTriggerScan } from '../trigger-scan.ts';
import { BUILTIN_GLOBALS } from './builtin-globals.ts';
import { DATA_DETECTORS } from './index.ts';
import type { DataDetector } from './types.ts';

const STATICS = [...new Set(DATA_DETECTORS.flatMap((detector) => detector.staticMethods ?? []))];
// An alternative per detector's trigger and a last one for model statics (`.findOne(`): one scan of the text tells
// which detectors could apply, where a regular expression per detector would read every file once per detector.
// Matches overlap only where a builder's table call opens with a statement (`db('select ...')`), which no builder
// takes.
const TRIGGERS = createTriggerScan([
  ...DATA_DETECTORS.map((detector) => detector.trigger),
  String.raw`\.(?:${STATICS.join('|')})\(`,
]);
const STATIC_ALTERNATIVE = DATA_DETECTORS.length;
const CLASS_LIKE_BEFORE = /(?:^|[^\w$.])([A-Z][\w$]*)$/;

/**
 * The detectors that may find something in a text: those whose trigger it matches (and closer test it passes), and
 * those with a static of theirs called on a class-like name that is no builtin (`User.findOne(`, not `Object.create(`).
 */
export function enabledDetectors(text: string): DataDetector[] {
  const triggered = new Set<number>();
  const statics = new Set<string>();
  for (const { alternative, match } of TRIGGERS.matches(text)) {
    if (alternative !== STATIC_ALTERNATIVE) {
      triggered.add(alternative);
      continue;
    }
    const receiver = CLASS_LIKE_BEFORE.exec(text.slice(Math.max(0, match.index - 64), match.index))?.[1];
    if (receiver !== undefined && !BUILTIN_GLOBALS.has(receiver)) statics.add(match[0].slice(1, -1));
  }
  return DATA_DETECTORS.filter(
    (detector, i) =>
      (triggered.has(i) && (detector.isEnabled?.(text) ?? true)) ||
      (detector.staticMethods?.some((method) => statics.has(method)) ?? false),
  );
}
