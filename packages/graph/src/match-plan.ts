import { InputError } from './errors.ts';
import { findMovedFiles } from './find-moved-files.ts';
import type { Plan } from './plan-schema.ts';
import type { Graph } from './schema.ts';

export interface PlanMatch {
  /** Files the plan lists (in services or the shared group), within scope, that the graph lacks; sorted. */
  missing: string[];
  /** Missing file -> the file of the graph, listed nowhere in the plan, it looks moved to. */
  moved: Map<string, string>;
}

export interface MatchOptions {
  /** The plan file, for messages. */
  origin?: string;
  /** Files the graph was meant to cover (`--include`/`--exclude`); plan files outside it are not missing. */
  inScope?: (file: string) => boolean;
  /**
   * True when the caller counts a file that looks moved in its old service (`seams check`): such
   * files then count as found. Other commands read the plan's paths as they are.
   */
  followsMoves?: boolean;
}

/**
 * Which files of the plan the graph no longer has, and where they seem to have moved. A plan most
 * of whose files are not there (nor moved, for a caller that follows moves) belongs to another
 * project, or predates a large move: every command would otherwise work on nothing and say all is
 * well, so that is an error.
 */
export function matchPlan(
  plan: Pick<Plan, 'services' | 'shared' | 'graph'>,
  graph: Pick<Graph, 'files' | 'root'>,
  options: MatchOptions = {},
): PlanMatch {
  const { origin = 'the plan', inScope = () => true, followsMoves = false } = options;
  const present = new Set(graph.files.map((file) => file.path));
  const listed = [...plan.services.flatMap((service) => service.files), ...plan.shared.map((entry) => entry.path)];
  const judged = listed.filter(inScope);
  const missing = judged.filter((file) => !present.has(file)).sort();
  const listedSet = new Set(listed);
  const moved = findMovedFiles(
    missing,
    graph.files.map((file) => file.path).filter((file) => !listedSet.has(file)),
  );
  const lost = missing.length - (followsMoves ? moved.size : 0);
  if (listed.length > 0 && (judged.length === 0 || lost * 2 > judged.length)) {
    const madeFor =
      /^([A-Za-z]:)?\//.test(plan.graph.root) && plan.graph.root !== graph.root
        ? ` (it was made for ${plan.graph.root})`
        : '';
    const what =
      judged.length === 0
        ? `none of the ${listed.length} files it lists are among the files analysed`
        : `${missing.length} of the ${judged.length} files it lists are not there${madeFor}${looksMoved(moved, followsMoves)}`;
    throw new InputError(
      'SEAMS_PLAN_MISMATCH',
      `${origin} does not match ${graph.root}: ${what}; pass this project's plan, or write one with 'seams boundaries'.`,
    );
  }
  return { missing, moved };
}

// After a large move the plan fits once its paths are updated: say so, with an example.
function looksMoved(moved: ReadonlyMap<string, string>, followed: boolean): string {
  const [first] = moved;
  if (followed || !first) return '';
  return `, though ${moved.size} look moved (${first[0]} → ${first[1]}${moved.size > 1 ? ', ...' : ''}; 'seams check' lists them)`;
}
