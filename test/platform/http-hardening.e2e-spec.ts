import { API_CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from '@passerelle/platform/http';
import { createTestApp, type TestApp } from '@passerelle/testing';
import { communicationApp } from '../../apps/communication/src/communication.app';
import { evaluationApp } from '../../apps/evaluation/src/evaluation.app';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';
import { matchingApp } from '../../apps/matching/src/matching.app';

const WEB_APP = 'https://app.passerelle.test';
const FOREIGN = 'https://attacker.example';

/** What every answer of every service carries, whatever the route or the outcome. */
function expectSecurityHeaders(headers: Record<string, string | undefined>, policy: string): void {
  expect({
    nosniff: headers['x-content-type-options'],
    frame: headers['x-frame-options'],
    referrer: headers['referrer-policy'],
    csp: headers['content-security-policy'],
    poweredBy: headers['x-powered-by'],
  }).toEqual({ nosniff: 'nosniff', frame: 'DENY', referrer: 'no-referrer', csp: policy, poweredBy: undefined });
  expect(policy).toContain("frame-ancestors 'none'");
}

/**
 * Security headers and CORS on the five real services: the JSON API and the
 * Swagger UI each with a policy that fits, HSTS once the request came over
 * TLS, cross-origin access for the configured origins only.
 */
describe.each([
  ['identity', identityApp],
  ['intake', intakeApp],
  ['matching', matchingApp],
  ['communication', communicationApp],
  ['evaluation', evaluationApp],
] as const)('%s: security headers and CORS', (_service, definition) => {
  let app: TestApp;

  beforeAll(async () => {
    // One trusted proxy, as behind the Ingress: it says whether the client came over TLS.
    app = await createTestApp(definition as never, { waitUntilReady: false, env: { CORS_ALLOWED_ORIGINS: WEB_APP, HTTP_TRUST_PROXY_HOPS: '1' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sends the security headers on API answers, errors included, and a CSP fitting the Swagger UI on /docs', async () => {
    const live = await app.http.get('/health/live');
    expect(live.status).toBe(200);
    expectSecurityHeaders(live.headers, API_CONTENT_SECURITY_POLICY);
    const unauthorized = await app.http.get('/v1/nothing-here');
    expect(unauthorized.status).toBeGreaterThanOrEqual(400);
    expectSecurityHeaders(unauthorized.headers, API_CONTENT_SECURITY_POLICY);

    // What the API's only page, the unsubscribe button of a mail, needs: posting its form to itself.
    expect(API_CONTENT_SECURITY_POLICY).toContain("form-action 'self'");

    const docs = await app.http.get('/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui-init.js');
    expectSecurityHeaders(docs.headers, DOCS_CONTENT_SECURITY_POLICY);
    // The page's scripts are its own files: no inline script needs allowing.
    expect(docs.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    expectSecurityHeaders((await app.http.get('/docs-json')).headers, DOCS_CONTENT_SECURITY_POLICY);
  });

  it('sends HSTS only when the request came over TLS', async () => {
    expect((await app.http.get('/health/live')).headers['strict-transport-security']).toBeUndefined();
    const overTls = await app.http.get('/health/live').set('X-Forwarded-Proto', 'https');
    expect(overTls.headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it('allows the configured origin, requests and preflights alike', async () => {
    const simple = await app.http.get('/health/live').set('Origin', WEB_APP);
    expect(simple.headers['access-control-allow-origin']).toBe(WEB_APP);
    expect(simple.headers['vary']).toMatch(/Origin/);
    expect(simple.headers['access-control-allow-credentials']).toBeUndefined();

    const preflight = await app.http
      .options('/v1/anything')
      .set('Origin', WEB_APP)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(WEB_APP);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET,HEAD,POST,PUT,PATCH,DELETE');
    expect(preflight.headers['access-control-allow-headers']).toBe('Authorization,Content-Type,If-Match,If-None-Match,Last-Event-ID');
  });

  it('gives a foreign origin no CORS allowance, requests and preflights alike', async () => {
    const simple = await app.http.get('/health/live').set('Origin', FOREIGN);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.http.options('/v1/anything').set('Origin', FOREIGN).set('Access-Control-Request-Method', 'DELETE');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('CORS with no CORS_ALLOWED_ORIGINS set', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp(intakeApp, { waitUntilReady: false });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is closed: no origin, not even the web application, gets an allowance', async () => {
    for (const origin of [WEB_APP, FOREIGN, 'null']) {
      const simple = await app.http.get('/health/live').set('Origin', origin);
      expect({ origin, allowed: simple.headers['access-control-allow-origin'] }).toEqual({ origin, allowed: undefined });
      const preflight = await app.http.options('/v1/programs').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      expect({ origin, allowed: preflight.headers['access-control-allow-origin'] }).toEqual({ origin, allowed: undefined });
    }
  });
});
