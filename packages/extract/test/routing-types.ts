// The shape of the generated routing.ts, for the test that imports it from a temporary folder.
export interface ShadowReport {
  service: string;
  operation: string;
  local: unknown;
  remote?: unknown;
  error?: string;
}
export declare function route<T>(
  service: string,
  operation: string,
  local: () => Promise<T>,
  remote: () => Promise<T>,
  access?: 'read' | 'write',
): Promise<T>;
export declare function endpointOf(service: string): string;
export declare function setShadowReporter(handler: (report: ShadowReport) => void): (report: ShadowReport) => void;
