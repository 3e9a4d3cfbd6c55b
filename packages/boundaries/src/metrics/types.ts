import type { Assignment, Dependency } from '../dependencies.ts';
import type { UseCaseReach } from './use-case-reach.ts';

/** What the metrics read: the file dependencies and which service each file is in. */
export interface MetricInput {
  dependencies: readonly Dependency[];
  /** Only these files are in services; dependencies touching any other file are not counted. */
  assignment: Assignment;
  /** Lines of code per file; files missing from it count 0. */
  loc?: ReadonlyMap<string, number>;
  /** Which use cases exercise which files ({@link useCaseReach}); BCP is computed only when given. */
  useCases?: UseCaseReach;
}

/** One service's size, cohesion, coupling and interface (formulas in docs/metrics.md). */
export interface ServiceMetrics {
  files: number;
  loc: number;
  /** Dependencies with both files in the service. */
  internalDependencies: number;
  /** Other service id -> dependencies from its files into this service. */
  inbound: Record<string, number>;
  /** Other service id -> dependencies from this service into its files. */
  outbound: Record<string, number>;
  /** internalDependencies / (files * (files - 1)); 0 for one file. */
  cohesion: number;
  /** Crossing dependencies (in + out) / all dependencies touching the service; 0 when none. */
  coupling: number;
  /** Its files imported by a file of another service, sorted. */
  interfaceFiles: string[];
  /** `file#name` declared in its files and used from another service, sorted, unique. */
  apiSurface: string[];
}

/** Whole-plan metrics of the decomposition literature (formulas in docs/metrics.md). */
export interface PlanMetrics {
  services: number;
  files: number;
  /** Newman's Q, undirected, weighted by calls. Higher is better. */
  modularity: number;
  /** SM of Jin et al. as Mono2Micro computes it: unordered file pairs, unweighted. Higher is better. */
  structuralModularity: number;
  /** Inter-partition call percentage, 0..1, each file pair's calls damped to ln(calls) + 1. Lower is better. */
  icp: number;
  /** Interface number: mean interface files per service. Lower is better. */
  ifn: number;
  /** Non-extreme distribution: share of files in services outside the size bounds. Lower is better. */
  ned: number;
  /** Bunch's TurboMQ, unweighted, 0..services. Higher is better. */
  mq: number;
  /** Mean service cohesion. */
  cohesion: number;
  /** Mean service coupling. */
  coupling: number;
  /** Groups of services depending on each other in a loop: members sorted, largest group first. */
  serviceCycles: string[][];
  /**
   * Business context purity: mean over services of ln(use cases reaching it). Lower is better; absent without use
   * cases.
   */
  bcp?: number;
}

export interface PlanMetricOptions {
  /** Inclusive service size range (files) that NED treats as non-extreme; default [5, 20]. */
  nedBounds?: readonly [number, number];
}
