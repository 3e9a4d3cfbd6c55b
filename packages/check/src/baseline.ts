import { BASELINE_VERSION, type Baseline, type BaselineEntry } from '@seams/graph';
import { compareCodeUnits, type Finding } from './finding.ts';

/** Findings split by a baseline: what fails the check, what is known, and entries no longer found. */
export interface CheckResult {
  /** Findings the baseline does not list: these fail the check. */
  fresh: Finding[];
  /** Findings the baseline lists. */
  known: Finding[];
  /** Baseline entries no longer found: fixed, or their files moved; `--update-baseline` drops them. */
  stale: BaselineEntry[];
}

/** The baseline that accepts exactly `findings`, sorted so that re-recording an unchanged tree changes no byte. */
export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings.map(({ rule, from, to, fingerprint, message }) => ({
    rule,
    from,
    to,
    fingerprint,
    message,
  }));
  const unique = [...new Map(entries.map((entry) => [entry.fingerprint, entry])).values()];
  return { version: BASELINE_VERSION, findings: unique.sort(compareEntries) };
}

/**
 * Splits findings into fresh and known by fingerprint, and lists the baseline entries nothing
 * matched. When the findings came from a check limited to some `files`, only entries of those
 * importing files can be judged stale, and loops between services never (a loop's import may lie
 * outside the files and still stand).
 */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: Baseline | undefined,
  options: { files?: ReadonlySet<string> } = {},
): CheckResult {
  if (!baseline) return { fresh: [...findings], known: [], stale: [] };
  const listed = new Set(baseline.findings.map((entry) => entry.fingerprint));
  const found = new Set(findings.map((finding) => finding.fingerprint));
  const { files } = options;
  const judged = (entry: BaselineEntry) => !files || (files.has(entry.from) && entry.rule !== 'service-cycle');
  return {
    fresh: findings.filter((finding) => !listed.has(finding.fingerprint)),
    known: findings.filter((finding) => listed.has(finding.fingerprint)),
    stale: baseline.findings.filter((entry) => !found.has(entry.fingerprint) && judged(entry)).sort(compareEntries),
  };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    compareCodeUnits(a.from, b.from) ||
    compareCodeUnits(a.to, b.to) ||
    compareCodeUnits(a.rule, b.rule) ||
    compareCodeUnits(a.fingerprint, b.fingerprint)
  );
}
