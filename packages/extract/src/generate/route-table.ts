import { routePattern, specificity } from '../routes/route-pattern.ts';
import type { ServiceRoute } from '../routes/service-routes.ts';
import { stringLiteral } from './generated-file.ts';

/** The routes the generated code can match: those whose path has a pattern, most specific first. */
export function matchableRoutes(routes: readonly ServiceRoute[]): Array<ServiceRoute & { pattern: string }> {
  const bySpecificity = (a: ServiceRoute, b: ServiceRoute) => {
    const [x, y] = [specificity(a.path), specificity(b.path)];
    const at = x.findIndex((n, i) => n !== y[i]);
    return at < 0 ? 0 : x[at]! - y[at]!;
  };
  return routes
    .flatMap((route) => {
      const pattern = routePattern(route.path);
      return pattern === undefined ? [] : [{ ...route, pattern }];
    })
    .sort(bySpecificity);
}

/**
 * The route table and its matcher, the same text in the monolith's middleware and the service's server:
 * both answer for exactly these routes. A GET route also takes HEAD, as Express serves it.
 */
export function routeTableSource(routes: readonly ServiceRoute[]): string {
  const rows = matchableRoutes(routes).map(
    (r) =>
      `  { key: ${stringLiteral(r.key)}, method: ${stringLiteral(r.method)}, pattern: new RegExp(${stringLiteral(r.pattern)}, 'i') },`,
  );
  return `/** A route of the service: its routing key, verb, and the paths it matches. */
export interface ServiceRoute {
  key: string;
  method: string;
  pattern: RegExp;
}

/** The service's routes, most specific first (a static path before a pattern that also matches it). */
export const ROUTES: readonly ServiceRoute[] = [
${rows.join('\n')}
];

/** The route a request is for, or undefined: only origin-form targets (\`/path?query\`) are matched. */
export function routeOf(method: string | undefined, url: string | undefined): ServiceRoute | undefined {
  if (!method || !url || !url.startsWith('/')) return undefined;
  const path = url.split('?')[0]!.split('#')[0]!;
  return ROUTES.find((route) => (route.method === method || route.method === 'ALL' || (route.method === 'GET' && method === 'HEAD')) && route.pattern.test(path));
}
`;
}
