/** The seams files a user may pass in the wrong place. */
export type ContractKind = 'graph' | 'plan' | 'baseline';

/**
 * Which seams file `json` looks like, by the fields only that kind has, so that passing a plan
 * where a graph belongs gets "this is a plan, not a graph" instead of a schema complaint.
 */
export function contractKindOf(json: unknown): ContractKind | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const has = (key: string) => Object.hasOwn(json, key);
  if (has('services') && has('parameters')) return 'plan';
  if (has('files') && has('edges') && has('root')) return 'graph';
  if (has('findings') && !has('services')) return 'baseline';
  return undefined;
}
