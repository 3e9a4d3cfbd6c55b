import type { GeneratedFile, Origin } from '../generate/generated-file.ts';
import { edgeFiles } from '../generate/route-edge-file.ts';
import { routeMiddlewareFile } from '../generate/route-middleware-file.ts';
import { routesSection } from '../generate/route-report.ts';
import { routeServerFiles } from '../generate/route-server-file.ts';
import type { ServiceRoute } from './service-routes.ts';

/**
 * Everything route-level strangling adds to an extraction: the routing layer beside the facade, the
 * service's route server, the nginx table, and the report's section on them.
 */
export function routeLevelFiles(
  origin: Origin,
  folders: { facade: string; service: string; edge: string },
  routes: readonly ServiceRoute[],
): { files: GeneratedFile[]; section: string } {
  const middleware = routeMiddlewareFile(origin, `${folders.facade}/routes.ts`, routes);
  const server = routeServerFiles(origin, folders.service, routes);
  const edge = edgeFiles(origin, folders.edge, routes);
  const section = routesSection(origin, routes, {
    middleware: middleware.path,
    app: server[0]!.path,
    main: server[1]!.path,
    edge: edge.map((f) => f.path),
  });
  return { files: [middleware, ...server, ...edge], section };
}
