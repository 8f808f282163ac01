/**
 * The one routing table of the public origin: which service answers a path.
 * The Kubernetes Ingress (kubernetes-manifests.ts), the local gateway of
 * `npm start` (tools/dev/gateway.ts) and docker-compose's gateway
 * (compose-gateway.ts) are all built from it, with the Ingress's matching
 * rules, so a path reaches the same service in each; what no route takes
 * belongs to the web application.
 */
import { allServiceFacts, type ServiceFacts } from './service-catalogue';

/** Kubernetes' path types: `Exact` takes the path alone; `Prefix` the path and what lies below it, segment by segment. */
export type PathType = 'Exact' | 'Prefix';

export interface PublicRoute {
  /** e.g. `/v1/programs`, `/.well-known/jwks.json`. */
  readonly path: string;
  readonly pathType: PathType;
  /** The service's name, which is also its Kubernetes Service. */
  readonly service: string;
}

/** Where a path no route takes goes: the web application's static files (its Kubernetes Service). */
export const WEB_APPLICATION = 'web';

/** `/` as a prefix takes every path, and every longer route wins over it: the rest is the application's. */
export const WEB_APPLICATION_ROUTE: PublicRoute = { path: '/', pathType: 'Prefix', service: WEB_APPLICATION };

/** Every public prefix of every service (read from its controllers), sorted by path. */
export function publicRoutes(all: readonly ServiceFacts[] = allServiceFacts()): PublicRoute[] {
  return all
    .flatMap((facts) =>
      facts.publicPrefixes.map((path): PublicRoute => ({
        path,
        // JWKS is one document; its neighbours under /.well-known are not the service's.
        pathType: path.startsWith('/.well-known/') ? 'Exact' : 'Prefix',
        service: facts.name,
      })),
    )
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The rules of the Ingress (and of docker-compose's gateway): every service's routes, then the web application's. */
export function ingressRoutes(all: readonly ServiceFacts[] = allServiceFacts()): PublicRoute[] {
  return [...publicRoutes(all), WEB_APPLICATION_ROUTE];
}

const segmentsOf = (path: string) => path.split('/').filter((segment) => segment !== '');

function matches(route: PublicRoute, pathname: string): boolean {
  if (route.pathType === 'Exact') return pathname === route.path;
  const prefix = segmentsOf(route.path);
  const path = segmentsOf(pathname);
  return prefix.length <= path.length && prefix.every((segment, index) => segment === path[index]);
}

/**
 * The service that answers `pathname` (no query string), or the web
 * application. Like an Ingress: the longest matching path wins, `Exact`
 * before `Prefix` at equal length.
 */
export function routeOf(routes: readonly PublicRoute[], pathname: string): string {
  let best: PublicRoute | undefined;
  for (const route of routes) {
    if (!matches(route, pathname)) continue;
    const longer = !best || route.path.length > best.path.length;
    const sameButExact = best && route.path.length === best.path.length && route.pathType === 'Exact' && best.pathType === 'Prefix';
    if (longer || sameButExact) best = route;
  }
  return best?.service ?? WEB_APPLICATION;
}
