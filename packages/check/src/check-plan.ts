import { matchPlan, type Graph, type Plan } from '@seams/graph';
import { crossingsOf } from './crossings.ts';
import { entriesOf } from './entries.ts';
import { generatedBy, type Extraction } from './extractions.ts';
import { compareFindings, type Finding } from './finding.ts';
import { ownership } from './ownership.ts';
import { forbiddenShared } from './rules/forbidden-shared.ts';
import { internalImport } from './rules/internal-import.ts';
import { planGaps } from './rules/plan-gaps.ts';
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
  /**
   * The files the check covers (`--include`/`--exclude`): plan files outside it are not missing,
   * and a saved graph that holds more is read as if analysed with the same globs. Default: all.
   */
  analysed?: (file: string) => boolean;
  /** The plan file, for the error when the plan belongs to another project. */
  origin?: string;
  /** Folders `seams extract` wrote (see extractionsOf): their facades belong to their services, the rest is left out. */
  extractions?: readonly Extraction[];
}

/**
 * Every import of `graph` that breaks `plan`, every write to a table another service owns, and
 * every gap between the plan and the code (files no service holds, plan files gone or moved),
 * sorted by file and line, at most one per rule and file pair (the first import wins). An import
 * that breaks `dependsOn` is reported as an undeclared dependency only: going through an entry
 * would not make it right. Throws SEAMS_PLAN_MISMATCH when most of the plan's files are not in the
 * graph: checking another project's plan would find nothing and pass.
 */
export function checkPlan(
  whole: Pick<Graph, 'root' | 'files' | 'edges' | 'data' | 'tables'>,
  plan: Pick<Plan, 'graph' | 'services' | 'shared'>,
  options: CheckOptions = {},
): Finding[] {
  const { files, analysed } = options;
  const generated = generatedBy(options.extractions ?? [], new Set(plan.services.map((service) => service.id)));
  // The extracted service's own code is not the monolith's: checked as if excluded.
  const kept = options.extractions?.length
    ? (file: string) => !generated.isServiceCode(file) && (analysed?.(file) ?? true)
    : analysed;
  const graph = kept ? within(whole, kept) : whole;
  const inScope = files ? (file: string) => files.has(file) : () => true;
  const match = matchPlan(plan, graph, {
    followsMoves: true,
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.analysed ? { inScope: options.analysed } : {}),
  });
  const ownerOf = generated.ownerOf(ownership(plan, match.moved, new Set(match.missing)));
  const isEntry = generated.isEntry(entriesOf(plan.services));
  const context = ruleContext(plan, isEntry);
  const crossings = crossingsOf(graph.edges, ownerOf, isEntry).filter((crossing) => !generated.isFacade(crossing.from));

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
    ...serviceCycles(crossings, inScope, context.label),
    ...tableWrites(graph, withMoves(plan, match.moved), ownerOf, inScope, context.label),
    ...planGaps(graph, match, ownerOf, context, inScope),
  ].sort(compareFindings);
}

// The plan with files that look moved at their new paths, for what reads service files directly (table owners).
function withMoves(plan: Pick<Plan, 'services'>, moved: ReadonlyMap<string, string>): Pick<Plan, 'services'> {
  if (moved.size === 0) return plan;
  return {
    services: plan.services.map((service) => ({
      ...service,
      files: service.files.map((file) => moved.get(file) ?? file),
    })),
  };
}

// The graph as analysis with the same globs would have made it: files kept, imports between them, their table accesses.
function within<G extends Pick<Graph, 'files' | 'edges' | 'data'>>(graph: G, analysed: (file: string) => boolean): G {
  const kept = new Set(graph.files.map((file) => file.path).filter(analysed));
  return {
    ...graph,
    files: graph.files.filter((file) => kept.has(file.path)),
    edges: graph.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)),
    ...(graph.data ? { data: graph.data.filter((access) => kept.has(access.from)) } : {}),
  };
}
