import type { Graph, Plan } from '@seams/graph';
import { crossingsOf } from './crossings.ts';
import { entriesOf } from './entries.ts';
import { compareFindings, type Finding } from './finding.ts';
import { ownership } from './ownership.ts';
import { forbiddenShared } from './rules/forbidden-shared.ts';
import { internalImport } from './rules/internal-import.ts';
import { ruleContext } from './rules/rule-context.ts';
import { serviceCycles } from './rules/service-cycle.ts';
import { tableWrites } from './rules/table-write.ts';
import { undeclaredDependency } from './rules/undeclared-dependency.ts';

export interface CheckOptions {
  /**
   * Report only findings whose importing file is in this set (the files changed against a git
   * ref), and loops between services only when one of these files imports along the loop. The
   * whole graph is still read: ownership and loops depend on files outside the set.
   */
  files?: ReadonlySet<string>;
}

/**
 * Every import of `graph` that breaks `plan`, and every write to a table another service owns,
 * sorted by file and line, at most one per rule and file pair (the first import wins). An import that breaks `dependsOn` is reported as an undeclared
 * dependency only: going through an entry would not make it right.
 */
export function checkPlan(
  graph: Pick<Graph, 'edges' | 'data' | 'tables'>,
  plan: Pick<Plan, 'services' | 'shared'>,
  options: CheckOptions = {},
): Finding[] {
  const { files } = options;
  const inScope = files ? (file: string) => files.has(file) : () => true;
  const ownerOf = ownership(plan);
  const isEntry = entriesOf(plan.services);
  const context = ruleContext(plan, isEntry);
  const crossings = crossingsOf(graph.edges, ownerOf, isEntry);

  const findings = new Map<string, Finding>();
  for (const crossing of crossings) {
    if (!inScope(crossing.from)) continue;
    const finding =
      forbiddenShared(crossing, context) ??
      undeclaredDependency(crossing, context) ??
      internalImport(crossing, context);
    if (finding && !findings.has(finding.fingerprint)) findings.set(finding.fingerprint, finding);
  }
  return [
    ...findings.values(),
    ...serviceCycles(crossings, inScope),
    ...tableWrites(graph, plan, ownerOf, inScope),
  ].sort(compareFindings);
}
