/**
 * One origin, one routing table: the Ingress of every Kubernetes overlay (as
 * `kubectl apply -k` renders it from the committed files), the local gateway
 * of `npm start` and docker-compose's gateway (deploy/compose/gateway.conf,
 * asked the way nginx answers) send each path to the same service, and every
 * other path to the web application. The Ingress is read here with
 * Kubernetes' own matching rules, written out independently of
 * tools/deploy/public-routes.ts, so a drift in either shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPOSE_GATEWAY_PATH, renderComposeGateway } from '../../tools/deploy/compose-gateway';
import { kustomize, type Resource } from '../../tools/deploy/kustomize';
import { answer, only, parseNginxConfig } from '../../tools/deploy/nginx-config';
import { ingressRoutes, publicRoutes, routeOf, WEB_APPLICATION } from '../../tools/deploy/public-routes';

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

/** Sample paths: the API to its services, the application's pages and files, and what looks like the API but no service serves. */
const SAMPLES = ['/v1/programs/x', '/v1/auth/login', '/v1/conversations/stream', '/v1/reports/programs/x/me', '/.well-known/jwks.json', '/', '/programmes/123', '/some/page', '/.well-known/openid-configuration', '/v1/programsx', '/v1', '/assets/index-abc.js'];
const SAMPLE_SERVICES = [
  { path: '/v1/programs/x', service: 'intake' },
  { path: '/v1/auth/login', service: 'identity' },
  { path: '/v1/conversations/stream', service: 'communication' },
  { path: '/v1/reports/programs/x/me', service: 'evaluation' },
  { path: '/.well-known/jwks.json', service: 'identity' },
  // Everything else is the web application's: its pages, a deep link, its files, and the API's 404s (deploy/web/nginx.conf).
  { path: '/', service: WEB_APPLICATION },
  { path: '/programmes/123', service: WEB_APPLICATION },
  { path: '/some/page', service: WEB_APPLICATION },
  { path: '/.well-known/openid-configuration', service: WEB_APPLICATION },
  { path: '/v1/programsx', service: WEB_APPLICATION },
  { path: '/v1', service: WEB_APPLICATION },
  { path: '/assets/index-abc.js', service: WEB_APPLICATION },
];
/** Each route, and what lies below a prefix. */
const ROUTE_PROBES = ROUTES.flatMap((route) => (route.pathType === 'Prefix' ? [route.path, `${route.path}/`, `${route.path}/x`, `${route.path}/x/y`] : [route.path]));

describe.each(OVERLAYS)('the %s overlay and the local gateway', (overlay) => {
  const paths = ingressPaths(overlay);

  it('hold the same routes: the table is the Ingress, with `/` for the web application', () => {
    expect(paths.map(({ path, pathType, backend }) => ({ path, pathType, service: backend.service.name }))).toEqual(ingressRoutes());
    expect(paths.filter((rule) => rule.backend.service.name === WEB_APPLICATION).map(({ path, pathType }) => ({ path, pathType }))).toEqual([{ path: '/', pathType: 'Prefix' }]);
  });

  it('send each route, and what lies below a prefix, to the same service', () => {
    const answers = ROUTE_PROBES.map((path) => ({ path, ingress: ingressServiceOf(paths, path), gateway: routeOf(ROUTES, path) }));
    expect(answers).toEqual(ROUTE_PROBES.map((path) => ({ path, ingress: routeOf(ROUTES, path), gateway: routeOf(ROUTES, path) })));
    expect(answers.filter((answer) => answer.gateway === WEB_APPLICATION)).toEqual([]);
  });

  it('agree on sample paths: the API to its services, everything else to the web application, no path without a rule', () => {
    expect(SAMPLES.map((path) => ({ path, ingress: ingressServiceOf(paths, path), gateway: routeOf(ROUTES, path) }))).toEqual(
      SAMPLE_SERVICES.map(({ path, service }) => ({ path, ingress: service, gateway: service })),
    );
  });
});

describe("docker-compose's gateway (deploy/compose/gateway.conf) and the local gateway", () => {
  const text = readFileSync(join(__dirname, '..', '..', COMPOSE_GATEWAY_PATH), 'utf8');
  const server = only(parseNginxConfig(text), 'server').block ?? [];
  /** The compose service nginx proxies the path to (`<service>:<port>`). */
  const composeServiceOf = (path: string) => answer(server, { path }, new Set()).upstream?.split(':')[0];

  it('is what `npm run deploy:generate` writes from the routing table', () => {
    if (text !== renderComposeGateway()) throw new Error(`${COMPOSE_GATEWAY_PATH} is stale: run \`npm run deploy:generate\``);
  });

  it('sends each route, what lies below a prefix and the sample paths where the table does', () => {
    const probes = [...ROUTE_PROBES, ...SAMPLES];
    expect(probes.map((path) => ({ path, compose: composeServiceOf(path) }))).toEqual(probes.map((path) => ({ path, compose: routeOf(ROUTES, path) })));
    expect(SAMPLES.map((path) => ({ path, service: composeServiceOf(path) }))).toEqual(SAMPLE_SERVICES);
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
