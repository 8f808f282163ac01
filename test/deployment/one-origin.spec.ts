/**
 * One origin, one routing table: the Ingress of every Kubernetes overlay (as
 * `kubectl apply -k` renders it from the committed files) and the local
 * gateway of `npm start` send each path to the same service. The Ingress is
 * read here with Kubernetes' own matching rules, written out independently of
 * tools/deploy/public-routes.ts, so a drift in either shows.
 */
import { join } from 'node:path';
import { kustomize, type Resource } from '../../tools/deploy/kustomize';
import { publicRoutes, routeOf, WEB_APPLICATION } from '../../tools/deploy/public-routes';

const KUBERNETES = join(__dirname, '..', '..', 'deploy', 'kubernetes');
const OVERLAYS = ['dev', 'prod'] as const;

interface IngressPath {
  readonly path: string;
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  readonly backend: { service: { name: string } };
}

function ingressPaths(overlay: string): IngressPath[] {
  const ingresses = kustomize(join(KUBERNETES, 'overlays', overlay)).filter((object: Resource) => object.kind === 'Ingress');
  expect(ingresses).toHaveLength(1);
  const rules = (ingresses[0].spec as { rules: { http: { paths: IngressPath[] } }[] }).rules;
  expect(rules).toHaveLength(1);
  return rules[0].http.paths;
}

/**
 * What the Ingress answers for a path (networking.k8s.io/v1): `Exact` equals
 * the path; `Prefix` matches element by element on `/`; the longest path
 * wins, `Exact` before `Prefix`. Undefined: no rule (the controller's 404).
 */
function ingressServiceOf(paths: readonly IngressPath[], pathname: string): string | undefined {
  const elements = (path: string) => path.split('/').filter(Boolean);
  const candidates = paths.filter((rule) => {
    if (rule.pathType === 'Exact') return rule.path === pathname;
    if (rule.pathType !== 'Prefix') throw new Error(`${rule.path}: ${rule.pathType} paths are the controller's own rules; the table uses Exact and Prefix only`);
    const prefix = elements(rule.path);
    return prefix.every((element, index) => elements(pathname)[index] === element);
  });
  candidates.sort((a, b) => b.path.length - a.path.length || (a.pathType === 'Exact' ? -1 : 1) - (b.pathType === 'Exact' ? -1 : 1));
  return candidates[0]?.backend.service.name;
}

const ROUTES = publicRoutes();

describe.each(OVERLAYS)('the %s overlay and the local gateway', (overlay) => {
  const paths = ingressPaths(overlay);

  it('hold the same routes: the table is the Ingress', () => {
    expect(paths.map(({ path, pathType, backend }) => ({ path, pathType, service: backend.service.name }))).toEqual(ROUTES);
  });

  it('send each route, and what lies below a prefix, to the same service', () => {
    const probes = ROUTES.flatMap((route) => (route.pathType === 'Prefix' ? [route.path, `${route.path}/`, `${route.path}/x`, `${route.path}/x/y`] : [route.path]));
    const answers = probes.map((path) => ({ path, ingress: ingressServiceOf(paths, path), gateway: routeOf(ROUTES, path) }));
    expect(answers).toEqual(probes.map((path) => ({ path, ingress: routeOf(ROUTES, path), gateway: routeOf(ROUTES, path) })));
    expect(answers.filter((answer) => answer.gateway === WEB_APPLICATION)).toEqual([]);
  });

  it('agree on sample paths, the API to its services and everything else outside the Ingress, to the web application', () => {
    const samples = ['/v1/programs/x', '/v1/auth/login', '/v1/conversations/stream', '/v1/reports/programs/x/me', '/.well-known/jwks.json', '/', '/some/page', '/.well-known/openid-configuration', '/v1/programsx', '/v1', '/assets/index-abc.js'];
    expect(samples.map((path) => ({ path, ingress: ingressServiceOf(paths, path) ?? WEB_APPLICATION, gateway: routeOf(ROUTES, path) }))).toEqual([
      { path: '/v1/programs/x', ingress: 'intake', gateway: 'intake' },
      { path: '/v1/auth/login', ingress: 'identity', gateway: 'identity' },
      { path: '/v1/conversations/stream', ingress: 'communication', gateway: 'communication' },
      { path: '/v1/reports/programs/x/me', ingress: 'evaluation', gateway: 'evaluation' },
      { path: '/.well-known/jwks.json', ingress: 'identity', gateway: 'identity' },
      // The Ingress has no web route yet (the web application has no container): there, these find no rule.
      { path: '/', ingress: WEB_APPLICATION, gateway: WEB_APPLICATION },
      { path: '/some/page', ingress: WEB_APPLICATION, gateway: WEB_APPLICATION },
      { path: '/.well-known/openid-configuration', ingress: WEB_APPLICATION, gateway: WEB_APPLICATION },
      { path: '/v1/programsx', ingress: WEB_APPLICATION, gateway: WEB_APPLICATION },
      { path: '/v1', ingress: WEB_APPLICATION, gateway: WEB_APPLICATION },
      { path: '/assets/index-abc.js', ingress: WEB_APPLICATION, gateway: WEB_APPLICATION },
    ]);
  });
});

describe('the routing table', () => {
  it('routes by path segment and prefers the longest path, an exact one first', () => {
    const routes = [
      { path: '/v1/a', pathType: 'Prefix' as const, service: 'one' },
      { path: '/v1/a/b', pathType: 'Prefix' as const, service: 'two' },
      { path: '/v1/a/b', pathType: 'Exact' as const, service: 'three' },
    ];
    expect(['/v1/a', '/v1/a/', '/v1/ab', '/v1/a/b', '/v1/a/b/c', '/v1/a/bc', '/v1'].map((path) => routeOf(routes, path))).toEqual(['one', 'one', 'web', 'three', 'two', 'one', 'web']);
  });
});
