import type { TableOwnership } from '@seams/graph';

/**
 * Everything a report shows, computed once from a graph and a plan by `buildReportModel`;
 * every format (Markdown, HTML, Mermaid, DOT, JSON) renders this and nothing else.
 * Services are referred to by id everywhere (links, inbound, cycles, blast radius, changes);
 * `services[].name` is what to show.
 */
export interface ReportModel {
  title: string;
  root: string;
  /**
   * `lowConfidence`: files below this confidence are flagged for review (from the plan; always set by
   * buildReportModel).
   */
  generatedFrom: { graphFiles: number; planServices: number; signals: string[]; lowConfidence?: number };
  metrics: {
    modularity: number;
    structuralModularity: number;
    icp: number;
    ifn: number;
    ned: number;
    mq: number;
    cohesion: number;
    coupling: number;
  };
  services: ServiceCard[];
  /** The plan's shared list: the shared kernel, and (with `group`) files that are no service: tests, migrations... */
  shared: Array<{ path: string; reason: string; group?: string; usedBy: string[] }>;
  /** Service -> service dependency weights, for the map: file dependencies (distinct file pairs) between them. */
  links: Array<{ from: string; to: string; weight: number }>;
  serviceCycles: string[][];
  extractionOrder: ExtractionStep[];
  /** Present when a previous plan was given. */
  changes?: PlanChanges;
  /** Present when the graph carries git history (`seams analyze --history`); each card then has its `ownership`. */
  ownership?: Ownership;
  /** Present when the graph carries table accesses (the data detectors found some); each card then has its `data`. */
  data?: TableOwnership;
}

export interface ServiceCard {
  id: string;
  name: string;
  files: Array<{ path: string; loc: number; confidence: number }>;
  loc: number;
  confidence: number;
  /**
   * Exported names other services use, each with the files that call it; `typeOnly` when only type imports use it
   * (always set by buildReportModel).
   */
  publicApi: Array<{ name: string; file: string; callers: string[]; typeOnly?: boolean }>;
  inbound: Array<{ service: string; weight: number }>;
  outbound: Array<{ service: string; weight: number }>;
  cycles: string[][];
  sharedKernelUsed: string[];
  /**
   * Services that break if this one is down: `direct` (they call it), `count` in all (direct ones included), and
   * `through`, those that break through the direct ones, in name order, when there are at most 50 of them. A
   * longer list is left out (the service links give it): on a plan of thousands of services in one big loop, a
   * list per card would hold millions of names.
   */
  blastRadius: { direct: string[]; count: number; through?: string[] };
  metrics: { cohesion: number; coupling: number; apiSize: number; interfaceFiles: number };
  /** Who changes it; present when the graph carries git history. */
  ownership?: ServiceOwnership;
  /** Its tables; present when the graph carries table accesses. */
  data?: ServiceData;
}

/** A service's side of the data ownership: what it takes along when extracted, and what it must untie. */
export interface ServiceData {
  /** Tables it owns (writes most): they leave with it. */
  owns: string[];
  /** Tables another service owns that it writes too. */
  alsoWrites: Array<{ table: string; owner?: string }>;
  /** Tables another service (or none) owns that it reads. */
  reads: Array<{ table: string; owner?: string }>;
  /**
   * Table reads and writes crossing its boundary, either way: others touching its tables, it touching theirs (the
   * extraction order's `tables`).
   */
  crossing: number;
}

export interface ExtractionStep {
  order: number;
  service: string;
  reason: string;
  effort: 'S' | 'M' | 'L' | 'XL';
  effortScore: number;
  /** What the order sorts on; see `EFFORT_FORMULA` (always set by buildReportModel). */
  entanglement?: number;
}

export interface PlanChanges {
  added: string[];
  removed: string[];
  renamed: Array<{ id: string; from: string; to: string }>;
  movedFiles: Array<{ path: string; from: string; to: string }>;
  /** Files that joined or left the shared kernel (always set by buildReportModel). */
  sharedAdded?: string[];
  sharedRemoved?: string[];
  /** Current minus previous, for modularity, structuralModularity, icp, ifn, ned, mq. */
  metricDeltas: Record<string, number>;
}

/**
 * Who changes what, from the graph's git history. A change is one file changed in one commit: the
 * history counts commits per file, so a commit touching three files of a service counts three times.
 */
export interface Ownership {
  /** The history read: commits (merges excluded; huge ones counted, their changes left out) and their dates. */
  window: { commits: number; since?: string; until?: string };
  /** Changes to the services' files credited to a team by each basis (see `TeamShare.basis`). */
  basis: Record<TeamShare['basis'], number>;
  /** A service has an owning team when one team makes at least this share of its changes (`OWNING_SHARE`). */
  owningShare: number;
  /** Teams making at least this share of a service's changes must coordinate with the others (`COORDINATING_SHARE`). */
  coordinatingShare: number;
  /** Services with changes but no owning team, and pairs of teams that both change a service; in plan order. */
  coordination: Coordination[];
  /** How a hot spot's score is computed (`HOT_SPOT_FORMULA`). */
  hotSpotFormula: string;
  /** Files that change a lot and tie services together, highest score first (at most `HOT_SPOT_COUNT`). */
  hotSpots: HotSpot[];
}

export interface ServiceOwnership {
  /** Changes to its files in the history read. */
  changes: number;
  /** Teams that changed it, most changes first. */
  teams: TeamShare[];
  /** The team with at least `Ownership.owningShare` of its changes; absent when none has (or nobody changed it). */
  owner?: string;
}

export interface TeamShare {
  team: string;
  /**
   * Where the team comes from: the config's `teams` (author -> team), else the file's first CODEOWNERS owner, else the
   * author as a one-person team.
   */
  basis: 'teams' | 'codeowners' | 'author';
  changes: number;
  /** Of the service's changes, rounded to 3 decimals. */
  share: number;
}

export interface Coordination {
  service: string;
  /**
   * `no-owner`: no team makes the owning share of its changes; `two-teams`: both teams make at least the coordinating
   * share.
   */
  kind: 'no-owner' | 'two-teams';
  /** `no-owner`: every team that changed it; `two-teams`: the pair; most changes first. */
  teams: Array<{ team: string; share: number }>;
}

export interface HotSpot {
  path: string;
  /** Its service; absent for a shared-kernel file. */
  service?: string;
  churn: number;
  commits: number;
  /**
   * Files of other services that import it or that it imports (a shared-kernel file is in no service, so every service
   * file counts).
   */
  crossing: number;
  /** `churn × crossing`. */
  score: number;
}
