export { checkPlan, type CheckOptions } from './check-plan.ts';
export { unmatchedEntries } from './entries.ts';
export { RULES, type Finding, type RuleId } from './finding.ts';
export { createBaseline, applyBaseline, type CheckResult } from './baseline.ts';
export { parseBaseline, type Baseline, type BaselineEntry } from '@seams/graph';
export { formatCheck, FORMATTERS } from './formats/formatters.ts';
export type { Formatter, FormatOptions, FormatOutput } from './formats/format-output.ts';
export { countLine } from './formats/format-output.ts';
export { withoutCommands } from './formats/format-github.ts';
