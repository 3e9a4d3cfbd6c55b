import type { Graph } from '@seams/graph';

/** One HTTP route a service's files serve, as the monolith's clients call it. */
export interface ServiceRoute {
  /** Upper-case verb (`GET`), or `ALL` for `router.all`. */
  method: string;
  /** The full path with every mounted prefix (`/api/products/:id`), as analyze composed it. */
  path: string;
  /** `GET /api/products/:id`: the name the routing setting uses (SEAMS_ROUTE_<SERVICE>_GET_API_PRODUCTS_ID). */
  key: string;
  /** The file that declares the route (router, controller), and the line. */
  entry: string;
  line: number | undefined;
}

// `http GET /api/products/:id`, or with ` (src/file.ts)` when several files declare the same route.
const HTTP_ID = /^http ([A-Z]+) (\/\S*)(?: \(.+\))?$/;

/**
 * The HTTP routes that files of the service declare, from the graph's use cases (Express, Koa and Fastify
 * routers with their mounted prefixes, NestJS controllers): the unit a route-level extraction moves.
 * Sorted by path then verb; a route declared twice (two files, one path) is listed once per file.
 */
export function serviceRoutes(graph: Pick<Graph, 'useCases'>, files: readonly string[]): ServiceRoute[] {
  const members = new Set(files);
  const routes: ServiceRoute[] = [];
  const seen = new Set<string>();
  for (const useCase of graph.useCases ?? []) {
    if (useCase.kind !== 'http' || useCase.entry === undefined || !members.has(useCase.entry)) continue;
    const match = HTTP_ID.exec(useCase.id);
    if (!match) continue;
    const [, method, path] = match as unknown as [string, string, string];
    const key = `${method} ${path}`;
    if (seen.has(`${key}\0${useCase.entry}`)) continue;
    seen.add(`${key}\0${useCase.entry}`);
    routes.push({ method, path, key, entry: useCase.entry, line: useCase.line });
  }
  const order = (a: ServiceRoute, b: ServiceRoute) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : a.method > b.method ? 1 : 0;
  return routes.sort(order);
}

/** True when a service has something route-level extraction moves: a service that serves routes is extractable. */
export const servesRoutes = (routes: readonly ServiceRoute[]): boolean => routes.length > 0;
