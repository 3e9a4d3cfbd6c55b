import type { GeneratedFile, Origin } from '../generate/generated-file.ts';
import { honoRouteMiddlewareFile } from '../generate/hono-route-middleware-file.ts';
import { honoRouteServerFiles } from '../generate/hono-route-server-file.ts';
import type { Inputs } from './app-setup.ts';
import { honoChain } from './hono-setup.ts';
import type { ServiceRoute } from './service-routes.ts';

/** The Hono side of a route-level extraction: the routing layer's Hono middleware, the route server, its notes. */
export interface HonoRouteFiles {
  /** hono-routes.ts, beside routes.ts. */
  layer: GeneratedFile;
  server: GeneratedFile[];
  /** The route files the server mounts. */
  served: ReadonlySet<string>;
  framework: 'hono';
  /** What the route server could not copy from the monolith's app. */
  notes: string[];
}

// Files that import hono (its sub-apps are `new Hono()`s).
const IMPORTS_HONO = /\bfrom\s*['"]hono['"]|\brequire\(\s*['"]hono['"]\s*\)/;

/** For a service whose route files are Hono sub-apps: the files that serve them. Undefined when none is. */
export function honoFiles(
  origin: Origin,
  folders: { facade: string; service: string },
  routes: readonly ServiceRoute[],
  text: (path: string) => string,
  /** What the app setup reader needs, for the route files it serves. */
  setup: (served: ReadonlySet<string>) => Inputs,
): HonoRouteFiles | undefined {
  const served = new Set(routes.map((r) => r.entry).filter((file) => IMPORTS_HONO.test(text(file))));
  if (served.size === 0) return undefined;
  const chain = honoChain(setup(served));
  return {
    layer: honoRouteMiddlewareFile(origin, `${folders.facade}/hono-routes.ts`),
    server: honoRouteServerFiles(
      origin,
      folders.service,
      routes.filter((r) => served.has(r.entry)),
      chain,
    ),
    served,
    framework: 'hono',
    notes: chain?.notes ?? [],
  };
}
