/**
 * Everything a report shows, computed once from a graph and a plan by `buildReportModel`;
 * every format (Markdown, HTML, Mermaid, DOT, JSON) renders this and nothing else.
 * Services are referred to by id everywhere (links, inbound, cycles, blast radius, changes);
 * `services[].name` is what to show.
 */
export interface ReportModel {
  title: string;
  root: string;
  /** `lowConfidence`: files below this confidence are flagged for review (from the plan; always set by buildReportModel). */
  generatedFrom: { graphFiles: number; planServices: number; signals: string[]; lowConfidence?: number };
  metrics: { modularity: number; structuralModularity: number; icp: number; ifn: number; ned: number; mq: number; cohesion: number; coupling: number };
  services: ServiceCard[];
  shared: Array<{ path: string; reason: string; usedBy: string[] }>;
  /** Service -> service dependency weights, for the map: file dependencies (distinct file pairs) between them. */
  links: Array<{ from: string; to: string; weight: number }>;
  serviceCycles: string[][];
  extractionOrder: ExtractionStep[];
  /** Present when a previous plan was given. */
  changes?: PlanChanges;
}

export interface ServiceCard {
  id: string;
  name: string;
  files: Array<{ path: string; loc: number; confidence: number }>;
  loc: number;
  confidence: number;
  /** Exported names other services use, each with the files that call it; `typeOnly` when only type imports use it (always set by buildReportModel). */
  publicApi: Array<{ name: string; file: string; callers: string[]; typeOnly?: boolean }>;
  inbound: Array<{ service: string; weight: number }>;
  outbound: Array<{ service: string; weight: number }>;
  cycles: string[][];
  sharedKernelUsed: string[];
  /** Services that break if this one is down: directly (they call it) and transitively (direct ones included). */
  blastRadius: { direct: string[]; transitive: string[] };
  metrics: { cohesion: number; coupling: number; apiSize: number; interfaceFiles: number };
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
