import {
  arrayOf,
  isInteger,
  isNumber,
  isPlain,
  isString,
  isStringArray,
  objectGuard,
  recordOf,
} from './fast-guards.ts';
import { Plan, Service, ServiceMetrics } from './plan-schema.ts';

const isNumberRecord = recordOf(isNumber);

// The plan's long parts: a service per few files, a confidence per file, the shared and doubtful files.
const PARTS = {
  services: arrayOf(
    objectGuard(Service, {
      id: isString,
      name: isString,
      files: isStringArray,
      confidence: isNumber,
      metrics: objectGuard(ServiceMetrics, {
        files: isInteger,
        loc: isInteger,
        internalDependencies: isInteger,
        inbound: isNumberRecord,
        outbound: isNumberRecord,
        cohesion: isNumber,
        coupling: isNumber,
        interfaceFiles: isStringArray,
        apiSurface: isStringArray,
      }),
      public: isStringArray,
      dependsOn: isStringArray,
      tables: isStringArray,
    }),
  ),
  shared: arrayOf(
    objectGuard(Plan.shape.shared.element, { path: isString, reason: isString, group: isString, allow: isStringArray }),
  ),
  confidence: isNumberRecord,
  review: arrayOf(
    objectGuard(Plan.shape.review.element, {
      path: isString,
      service: isString,
      confidence: isNumber,
      alternative: isString,
    }),
  ),
} as const;

type PartKey = keyof typeof PARTS;
const partKeys = Object.keys(PARTS) as PartKey[];
const isPartKey = (key: string): key is PartKey => Object.hasOwn(PARTS, key);
// The rest (header, parameters, pinned files, plan metrics) goes through the schema.
const Rest = Plan.omit({ services: true, shared: true, confidence: true, review: true });

/**
 * The plan JSON as the schema would give it back, checked without the schema where it is long (a 50,000-file plan's
 * services, confidences and review), or undefined when anything is not plainly valid: the caller then runs the
 * schema, which says what is wrong. For what `JSON.parse` gives, as `graphAsParsed`.
 */
export function planAsParsed(json: unknown): Plan | undefined {
  if (!isPlain(json)) return undefined;
  for (const key of partKeys) if (!PARTS[key](json[key])) return undefined;
  const rest = Rest.safeParse(json);
  if (!rest.success) return undefined;
  const parsed: Record<string, unknown> = {};
  const restData = rest.data as Record<string, unknown>;
  for (const key of Object.keys(Plan.shape)) {
    if (isPartKey(key)) parsed[key] = json[key];
    else if (key in restData) parsed[key] = restData[key];
  }
  return parsed as Plan;
}
