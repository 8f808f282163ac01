import {
  DEV_PLATFORM_ADMIN,
  freePort,
  populateNetwork,
  type PopulatedNetwork,
  type ServiceApps,
  SseClient,
  startServiceApps,
} from '@passerelle/testing';
import { randomInt, randomUUID } from 'crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { request as httpRequest } from 'http';
import { tmpdir } from 'os';
import { join } from 'path';
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS, WEB_CONTENT_SECURITY_POLICY } from '@passerelle/platform/http';
import { type Gateway, NOT_BUILT_PAGE, startGateway } from '../../tools/dev/gateway';
import { publicRoutes } from '../../tools/deploy/public-routes';
import { SERVICE_APPS } from '../../tools/deploy/service-catalogue';

/**
 * The one origin of `npm start` (tools/dev/gateway.ts) in front of the five
 * real services, Kafka and PostgreSQL: a login, a call to each service, a
 * conversation's event stream and a request body through it; the web
 * application's files with their fallback; and the client's address reaching
 * the services' per-address throttles through X-Forwarded-For.
 */
describe('the one origin: the gateway of npm start in front of the five services', () => {
  const PER_IP = 3;
  let services: ServiceApps;
  let network: PopulatedNetwork;
  let gateway: Gateway;
  let workspace: string;
  const streams: SseClient[] = [];

  const INDEX = '<!doctype html><title>Passerelle</title><div id="root"></div>';
  const SCRIPT = 'console.log("passerelle");';

  const upstreamsOf = (apps: ServiceApps) =>
    Object.fromEntries(Object.entries(apps.apps).map(([service, app]) => [service, { host: '127.0.0.1', port: Number(new URL(app.url).port) }]));

  beforeAll(async () => {
    const trusted = { HTTP_TRUST_PROXY_HOPS: '1' };
    services = await startServiceApps(SERVICE_APPS, {
      identity: { ...trusted, ACCOUNT_THROTTLE_PER_IP: String(PER_IP) },
      intake: trusted,
      matching: trusted,
      communication: trusted,
      // The populated network's pair at risk is judged within a second.
      evaluation: { ...trusted, ALERT_SWEEP_INTERVAL_MS: '200' },
    });
    network = await populateNetwork(services, 'origin');
    workspace = mkdtempSync(join(tmpdir(), 'passerelle-web-'));
    mkdirSync(join(workspace, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(workspace, 'dist', 'index.html'), INDEX);
    writeFileSync(join(workspace, 'dist', 'assets', 'index-abc123.js'), SCRIPT);
    // Beside the served directory, never reachable through it.
    writeFileSync(join(workspace, 'secret.txt'), 'not for the browser');
    gateway = await startGateway({ routes: publicRoutes(), upstreams: upstreamsOf(services), webRoot: join(workspace, 'dist'), host: '127.0.0.1', port: 0 });
  }, 180_000);

  afterAll(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await gateway?.close();
    await services?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const call = (path: string, init: RequestInit = {}) => fetch(`${gateway.url}${path}`, init);
  const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as unknown });

  it('logs in through the one origin, and serves the keys that verify the token', async () => {
    const login = await call('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEV_PLATFORM_ADMIN) });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    expect(accessToken.split('.')).toHaveLength(3);
    const jwks = await call('/.well-known/jwks.json');
    const direct = await fetch(`${services.apps['identity'].url}/.well-known/jwks.json`);
    expect(await json(jwks)).toEqual(await json(direct));
    const kid = (JSON.parse(Buffer.from(accessToken.split('.')[0], 'base64url').toString()) as { kid: string }).kid;
    expect(((await (await call('/.well-known/jwks.json')).json()) as { keys: { kid: string }[] }).keys.map((key) => key.kid)).toContain(kid);
  });

  it("carries the browser session's cookie both ways: Set-Cookie down, Cookie up", async () => {
    const attributes = 'Path=/v1/auth/session; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict';
    const opened = await call('/v1/auth/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEV_PLATFORM_ADMIN) });
    expect(opened.status).toBe(200);
    const [set] = opened.headers.getSetCookie();
    expect(set).toMatch(new RegExp(`^passerelle_session=[A-Za-z0-9_-]{43}; Max-Age=\\d+; ${attributes}$`));
    const cookie = set.split(';')[0];

    const refreshed = await call('/v1/auth/session/refresh', { method: 'POST', headers: { cookie, 'x-passerelle-session': '1' } });
    expect({ status: refreshed.status, body: await refreshed.json() }).toEqual({ status: 200, body: { accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 } });
    const [rotated] = refreshed.headers.getSetCookie();
    expect(rotated).toMatch(new RegExp(`^passerelle_session=[A-Za-z0-9_-]{43}; Max-Age=\\d+; ${attributes}$`));
    expect(rotated.split(';')[0]).not.toBe(cookie);
    // The used cookie again: the service refused it, so it reached the service.
    expect((await call('/v1/auth/session/refresh', { method: 'POST', headers: { cookie, 'x-passerelle-session': '1' } })).status).toBe(401);

    // Without a cookie, logging out only clears it (the admin's other tokens stay good for the other tests).
    const ended = await call('/v1/auth/session', { method: 'DELETE', headers: { 'x-passerelle-session': '1' } });
    expect(ended.status).toBe(204);
    expect(ended.headers.getSetCookie()).toEqual([expect.stringMatching(new RegExp(`^passerelle_session=; Max-Age=0; ${attributes}$`))]);
  });

  it("reaches each service at its public paths, answering exactly what the service answers", async () => {
    const { organizer, mentee } = network.actors;
    const [programId] = network.ids['program'];
    const [matchId] = network.ids['match'];
    const reads: { service: string; path: string; token: string }[] = [
      { service: 'identity', path: `/v1/networks/${network.networkId}`, token: organizer.token },
      { service: 'intake', path: `/v1/programs/${programId}`, token: organizer.token },
      { service: 'matching', path: `/v1/matches/${matchId}`, token: organizer.token },
      { service: 'communication', path: '/v1/conversations', token: mentee.token },
      { service: 'evaluation', path: `/v1/alerts?programId=${programId}`, token: organizer.token },
    ];
    for (const { service, path, token } of reads) {
      const through = await call(path, { headers: bearer(token) });
      const direct = await fetch(`${services.apps[service].url}${path}`, { headers: bearer(token) });
      expect({ service, path, contentType: through.headers.get('content-type'), ...(await json(through)) }).toEqual({
        service,
        path,
        contentType: 'application/json; charset=utf-8',
        ...(await json(direct)),
      });
      expect(through.status).toBe(200);
    }
    // A path the table gives to no service is not a page: the API's 404.
    expect(await json(await call('/v1/nowhere', { headers: bearer(organizer.token) }))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Cannot GET /v1/nowhere', details: [] },
    });
  });

  it("streams a conversation's events through the gateway as they happen, and carries request bodies up", async () => {
    const { mentor, mentee } = network.actors;
    const [conversationId] = network.ids['conversation'];
    const stream = await SseClient.open(gateway.url, '/v1/conversations/stream', bearer(mentor.token));
    streams.push(stream);
    expect(stream.status).toBe(200);
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await stream.waitFor((event) => event.event === 'ready', 5_000);

    const text = `Through the one origin ${randomUUID()}`;
    const posted = await call(`/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { ...bearer(mentee.token), 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    expect(posted.status).toBe(201);
    const message = (await posted.json()) as { id: string; text: string; mine: boolean };
    expect(message).toMatchObject({ conversationId, text, mine: true });
    // Delivered while the stream stays open: nothing between the service and the browser holds it back.
    const delivered = await stream.waitFor((event) => event.event === 'message' && event.id === message.id, 5_000);
    expect(delivered.data).toEqual({ ...message, mine: false });
    expect(stream.ended).toBe(false);
  });

  it("serves the web application's files, and index.html for the application's own routes", async () => {
    const page = async (path: string, init?: RequestInit) => {
      const response = await call(path, init);
      return { path, status: response.status, type: response.headers.get('content-type'), body: await response.text() };
    };
    const html = 'text/html; charset=utf-8';
    expect(await page('/')).toEqual({ path: '/', status: 200, type: html, body: INDEX });
    expect(await page('/programs/42/enrolment?step=2')).toEqual({ path: '/programs/42/enrolment?step=2', status: 200, type: html, body: INDEX });
    expect(await page('/assets/index-abc123.js')).toEqual({ path: '/assets/index-abc123.js', status: 200, type: 'text/javascript; charset=utf-8', body: SCRIPT });
    expect((await call('/assets/index-abc123.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await call('/')).headers.get('cache-control')).toBe('no-cache');
    // A file that is not there is a 404, not the application's page.
    expect((await page('/assets/missing.js')).status).toBe(404);
    for (const path of ['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      expect({ path, status: (await page(path)).status }).toEqual({ path, status: 404 });
    }
    expect((await page('/some/page', { method: 'POST', body: '{}' })).status).toBe(405);
  });

  it("sends the web image's security headers with the application's files, and leaves the services' own on theirs", async () => {
    const headersOf = async (path: string) => {
      const { headers } = await call(path);
      return Object.fromEntries([...Object.keys(SECURITY_HEADERS), 'Content-Security-Policy'].map((name) => [name, headers.get(name)]));
    };
    const web = { ...SECURITY_HEADERS, 'Content-Security-Policy': WEB_CONTENT_SECURITY_POLICY };
    for (const path of ['/', '/programs/42', '/assets/index-abc123.js', '/assets/missing.js', '/v1/unknown']) expect({ path, headers: await headersOf(path) }).toEqual({ path, headers: web });
    expect(await headersOf('/.well-known/jwks.json')).toEqual({ ...SECURITY_HEADERS, 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY });
  });

  it('says how to build the application while it is not built', async () => {
    const bare = await startGateway({ routes: publicRoutes(), upstreams: upstreamsOf(services), webRoot: join(workspace, 'absent'), host: '127.0.0.1', port: 0 });
    try {
      const response = await fetch(`${bare.url}/some/page`);
      expect({ status: response.status, body: await response.text() }).toEqual({ status: 503, body: NOT_BUILT_PAGE });
      // The API answers all the same.
      expect((await fetch(`${bare.url}/.well-known/jwks.json`)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('answers 502 in the house shape when a service is not running', async () => {
    const down = await startGateway({
      routes: publicRoutes(),
      upstreams: { ...upstreamsOf(services), intake: { host: '127.0.0.1', port: await freePort() } },
      webRoot: join(workspace, 'dist'),
      host: '127.0.0.1',
      port: 0,
    });
    try {
      const response = await fetch(`${down.url}/v1/programs`);
      expect(await json(response)).toEqual({
        status: 502,
        body: { statusCode: 502, error: 'Bad Gateway', message: 'intake is not answering; is it running?', details: [] },
      });
    } finally {
      await down.close();
    }
  });

  /** A password-reset request from the given local address (127.0.0.0/8 is all loopback), through the gateway. */
  function resetFrom(localAddress: string, claimedFor?: string): Promise<number> {
    const body = JSON.stringify({ network: network.slug, email: `nobody.${randomUUID().slice(0, 8)}@origin.test` });
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${gateway.url}/v1/auth/password-reset`,
        { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...(claimedFor ? { 'x-forwarded-for': claimedFor } : {}) } },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  it("gives the services the client's address, so a per-address throttle stops that client only", async () => {
    // Addresses of this run alone: throttles outlive a run within their window.
    const address = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const [noisy, quiet] = [address(), address()];
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP; i += 1) statuses.push(await resetFrom(noisy));
    expect(statuses).toEqual(Array(PER_IP).fill(202));
    expect(await resetFrom(noisy)).toBe(429);
    // Claiming another address does not help: the gateway appends the one it saw, and the services trust that hop only.
    expect(await resetFrom(noisy, '203.0.113.7')).toBe(429);
    // Another client behind the same gateway is not held back by the first.
    expect(await resetFrom(quiet)).toBe(202);
  });
});
