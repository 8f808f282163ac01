/**
 * The web application's deployment, without nginx or a cluster: the server's
 * configuration (deploy/web/nginx.conf) read and asked the way nginx answers
 * (tools/deploy/nginx-config.ts), and the web objects of each rendered
 * Kubernetes overlay against it: the probe path it answers, the port it
 * listens on, the only directory it writes, the user of its image.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REACT_ARIA_PRESS_STYLE_HASH, SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY, WEB_CONTENT_SECURITY_POLICY } from '@passerelle/platform/http';
import { WEB } from '../../tools/deploy/deployment-settings';
import { kustomize, type Resource } from '../../tools/deploy/kustomize';
import { answer, directives, locationOf, only, parseNginxConfig } from '../../tools/deploy/nginx-config';
import { WEB_APPLICATION } from '../../tools/deploy/public-routes';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const config = parseNginxConfig(read('deploy/web/nginx.conf'));
const http = only(config, 'http').block ?? [];
const server = only(http, 'server').block ?? [];
/** What a build of apps/web holds: index.html and content-named files under assets/. */
const FILES = new Set(['/index.html', '/assets/index-abc123.js', '/assets/index-def456.css']);
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => answer(server, { path, method, headers }, FILES, http);
const WEB_HEADERS = { ...SECURITY_HEADERS, 'Content-Security-Policy': WEB_CONTENT_SECURITY_POLICY };

describe('the web server (deploy/web/nginx.conf)', () => {
  it("serves the build's files, index.html for the application's routes, and a 404 for a missing file or an API path", () => {
    const probes = ['/', '/programmes/123', '/programmes/123/', '/v1', '/assets/index-abc123.js', '/index.html', '/assets/missing.js', '/favicon.ico', '/programmes/1.5', '/v1/unknown', '/.well-known/openid-configuration', '/assets/'];
    expect(probes.map((path) => ({ path, ...pick(get(path)) }))).toEqual([
      { path: '/', status: 200, file: '/index.html' },
      // A deep link reloaded in the browser is the application's page.
      { path: '/programmes/123', status: 200, file: '/index.html' },
      { path: '/programmes/123/', status: 200, file: '/index.html' },
      { path: '/v1', status: 200, file: '/index.html' },
      { path: '/assets/index-abc123.js', status: 200, file: '/assets/index-abc123.js' },
      { path: '/index.html', status: 200, file: '/index.html' },
      // What names a file and is not there, and the API's namespaces that reach here (no service took them), are the API's 404.
      ...['/assets/missing.js', '/favicon.ico', '/programmes/1.5', '/v1/unknown', '/.well-known/openid-configuration', '/assets/'].map((path) => ({
        path,
        status: 404,
        body: '{"statusCode":404,"error":"Not Found","message":"nothing is served at this path","details":[]}',
        contentType: 'application/json',
      })),
    ]);
    expect(pick(get('/programmes/123', {}, 'POST'))).toEqual({ status: 405 });
  });

  it('caches the content-named assets for a year and has everything else revalidated, never a 404', () => {
    const cacheOf = (path: string) => get(path).headers['Cache-Control'];
    expect(['/assets/index-abc123.js', '/assets/index-def456.css'].map(cacheOf)).toEqual(['public, max-age=31536000, immutable', 'public, max-age=31536000, immutable']);
    expect(['/', '/programmes/123', '/index.html'].map(cacheOf)).toEqual(['no-cache', 'no-cache', 'no-cache']);
    expect(['/assets/missing.js', '/v1/unknown'].map(cacheOf)).toEqual([undefined, undefined]);
  });

  it('sends the security headers of the services with the application’s own policy on every answer, HSTS over TLS only', () => {
    for (const path of ['/', '/programmes/123', '/assets/index-abc123.js', '/assets/missing.js', '/v1/unknown', '/healthz']) {
      const { 'Cache-Control': _cache, ...security } = get(path).headers;
      expect({ path, security }).toEqual({ path, security: WEB_HEADERS });
    }
    expect(get('/', { 'x-forwarded-proto': 'https' }).headers['Strict-Transport-Security']).toBe(STRICT_TRANSPORT_SECURITY);
    expect(get('/assets/missing.js', { 'x-forwarded-proto': 'https' }).headers['Strict-Transport-Security']).toBe(STRICT_TRANSPORT_SECURITY);
    // A location with an add_header of its own would silently drop every header of the server.
    for (const location of directives(server, 'location')) expect({ location: location.args.join(' '), adds: directives(location.block ?? [], 'add_header') }).toEqual({ location: location.args.join(' '), adds: [] });
  });

  it("allows the application its own origin only: no inline or evaluated script, no other host, no framing", () => {
    const policy = new Map(WEB_CONTENT_SECURITY_POLICY.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    for (const name of ['script-src', 'connect-src']) expect({ name, sources: policy.get(name) }).toEqual({ name, sources: ["'self'"] });
    // Styles: the application's own, and React Aria's one run-time stylesheet by its hash (never 'unsafe-inline').
    expect(policy.get('style-src')).toEqual(["'self'", REACT_ARIA_PRESS_STYLE_HASH]);
    for (const [name, sources] of policy) {
      const allowed = ["'self'", "'none'", 'data:', ...(name === 'style-src' ? [REACT_ARIA_PRESS_STYLE_HASH] : [])];
      expect({ name, other: sources.filter((source) => !allowed.includes(source)) }).toEqual({ name, other: [] });
    }
    // What the policy needs of the page: Vite's entry is an external module script, and the page has no inline script or style.
    const page = read('apps/web/index.html');
    expect([...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => ({ external: /\bsrc=/.test(attributes), body: body.trim() }))).toEqual([{ external: true, body: '' }]);
    expect(page).not.toMatch(/<style\b|\sstyle=/);
  });

  it('answers the probes at its health path without logging them, and is never cached', () => {
    expect(pick(get(WEB.healthPath))).toEqual({ status: 200, body: 'ok\n', contentType: 'text/plain' });
    expect(get(WEB.healthPath).headers['Cache-Control']).toBe('no-store');
    expect(directives(locationOf(server, WEB.healthPath)?.body ?? [], 'access_log').map((directive) => directive.args)).toEqual([['off']]);
  });

  it('runs unprivileged on a read-only filesystem: its port, nothing written outside /tmp, logs to the container', () => {
    expect(directives(config, 'user')).toEqual([]);
    expect(only(server, 'listen').args).toEqual([String(WEB.port)]);
    expect(only(config, 'pid').args[0]).toMatch(/^\/tmp\//);
    const temporary = http.filter((directive) => directive.name.endsWith('_temp_path'));
    expect(temporary.map((directive) => directive.name).sort()).toEqual(['client_body_temp_path', 'fastcgi_temp_path', 'proxy_temp_path', 'scgi_temp_path', 'uwsgi_temp_path']);
    for (const directive of temporary) expect({ name: directive.name, path: directive.args[0] }).toEqual({ name: directive.name, path: expect.stringMatching(/^\/tmp\//) });
    expect(only(config, 'error_log').args[0]).toBe('/dev/stderr');
    expect(only(http, 'access_log').args[0]).toBe('/dev/stdout');
    // The root is where the image puts the build.
    expect(read('Dockerfile')).toContain(`/app/apps/web/dist ${only(server, 'root').args[0]}\n`);
  });
});

const OVERLAYS = ['dev', 'prod'] as const;

interface WebContainer {
  image: string;
  ports: { name: string; containerPort: number }[];
  env?: unknown;
  envFrom?: unknown;
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext: unknown;
  volumeMounts: { name: string; mountPath: string }[];
}
interface WebPod {
  metadata: { labels: Record<string, string> };
  spec: {
    automountServiceAccountToken: boolean;
    securityContext: Record<string, unknown>;
    containers: WebContainer[];
    volumes: { name: string; emptyDir?: unknown }[];
  };
}

describe.each(OVERLAYS)('the web application in the %s overlay', (overlay) => {
  const objects = kustomize(join(ROOT, 'deploy', 'kubernetes', 'overlays', overlay));
  const find = (kind: string, name = WEB_APPLICATION) => {
    const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
    if (!found) throw new Error(`no ${kind}/${name}`);
    return found;
  };
  const pod = () => (find('Deployment').spec as { template: WebPod }).template;
  const container = () => pod().spec.containers[0];
  const selects = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([key, value]) => labels[key] === value);

  it("runs the web image at the services' release, as the image's unprivileged user, hardened like them", () => {
    const services = (find('Deployment', 'identity').spec as { template: WebPod }).template.spec.containers[0].image;
    const tag = (image: string) => image.slice(image.lastIndexOf(':') + 1);
    expect(container().image).toMatch(overlay === 'prod' ? /^[a-z0-9.-]+\/passerelle-web:\d+\.\d+\.\d+$/ : /^passerelle-web:dev$/);
    expect(tag(container().image)).toBe(tag(services));
    expect(pod().spec.containers).toHaveLength(1);
    expect(pod().spec.automountServiceAccountToken).toBe(false);
    expect(pod().spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: WEB.runAsUser, runAsGroup: WEB.runAsUser, fsGroup: WEB.runAsUser, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container().securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    // The web stage's user (uid 101 of nginx's unprivileged image).
    expect(read('Dockerfile')).toMatch(new RegExp(`^USER ${WEB.runAsUser}$`, 'm'));
    // It reads no configuration and holds no secret.
    expect({ env: container().env, envFrom: container().envFrom }).toEqual({ env: undefined, envFrom: undefined });
  });

  it('probes the path the server answers, on the port it listens on, within resource bounds', () => {
    expect(container().ports).toEqual([expect.objectContaining({ name: 'http', containerPort: Number(only(server, 'listen').args[0]) })]);
    for (const probe of [container().livenessProbe, container().readinessProbe]) {
      expect(probe.httpGet).toEqual({ path: WEB.healthPath, port: 'http' });
      expect(get(probe.httpGet.path).status).toBe(200);
    }
    expect(Object.keys(container().resources.requests).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(container().resources.limits).sort()).toEqual(['cpu', 'memory']);
  });

  it('gives the read-only root filesystem one writable directory, /tmp, where the server writes', () => {
    expect(container().volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod().spec.volumes).toEqual([{ name: 'tmp', emptyDir: expect.objectContaining({ sizeLimit: expect.any(String) }) }]);
  });

  it('has a Service, a PodDisruptionBudget and a CPU autoscaler for its pods', () => {
    const labels = pod().metadata.labels;
    const service = find('Service').spec as { selector: Record<string, string>; ports: { name: string; targetPort: string }[] };
    expect(selects(service.selector, labels)).toBe(true);
    expect(service.ports).toEqual([expect.objectContaining({ name: 'http', targetPort: 'http' })]);
    const pdb = find('PodDisruptionBudget').spec as { selector: { matchLabels: Record<string, string> }; maxUnavailable: number };
    expect(selects(pdb.selector.matchLabels, labels)).toBe(true);
    expect(pdb.maxUnavailable).toBe(1);
    const hpa = find('HorizontalPodAutoscaler').spec as { scaleTargetRef: { name: string }; minReplicas: number; metrics: { resource: { name: string } }[] };
    expect(hpa.scaleTargetRef.name).toBe(WEB_APPLICATION);
    expect(hpa.metrics.map((metric) => metric.resource.name)).toEqual(['cpu']);
    expect(hpa.minReplicas).toBe(overlay === 'dev' ? 1 : 2);
  });

  it('takes connections from the Ingress controller only, on its port, and may open none', () => {
    const policy = find('NetworkPolicy').spec as {
      podSelector: { matchLabels: Record<string, string> };
      policyTypes: string[];
      ingress: { from: unknown[]; ports: { protocol: string; port: number }[] }[];
      egress: unknown[];
    };
    expect(selects(policy.podSelector.matchLabels, pod().metadata.labels)).toBe(true);
    expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: WEB.port }] }]);
    expect(policy.egress).toEqual([]);
    // Policies add up: no other one may select the web pods (the default deny selects every pod and allows nothing).
    const others = objects.filter((object: Resource) => object.kind === 'NetworkPolicy' && object.metadata.name !== WEB_APPLICATION && object.metadata.name !== 'default-deny');
    for (const other of others) {
      const selector = (other.spec as { podSelector: { matchLabels: Record<string, string> } }).podSelector.matchLabels;
      expect({ policy: other.metadata.name, selectsWeb: selects(selector, pod().metadata.labels) }).toEqual({ policy: other.metadata.name, selectsWeb: false });
    }
    // Nor may a service's policy let the web pods in as if they were a service (identity admits the services' pods for its JWKS).
    const identity = find('NetworkPolicy', 'identity').spec as { ingress: { from: { podSelector?: { matchLabels: Record<string, string> } }[] }[] };
    const admitted = identity.ingress.flatMap((rule) => rule.from).filter((peer) => peer.podSelector && selects(peer.podSelector.matchLabels, pod().metadata.labels));
    expect(admitted).toEqual([]);
  });
});

/** The parts of an answer the table compares. */
function pick(result: ReturnType<typeof answer>): { status: number; file?: string; body?: string; contentType?: string } {
  const { headers: _headers, upstream: _upstream, ...rest } = result;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as ReturnType<typeof pick>;
}
