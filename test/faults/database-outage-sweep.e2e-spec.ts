import { adminToken, createTestApp, expectEventually, SmtpTestServer, TcpProxy, type TestApp, testDatabaseUrl } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { allServiceFacts } from '../../tools/deploy/service-catalogue';

/**
 * Every service, its database cut in turn: every read endpoint of its
 * OpenAPI document answers a clean 503 (or a 4xx it can decide without the
 * database), never another 5xx; readiness goes red, liveness stays green;
 * once the database is back the same endpoints answer without a 503, with
 * no restart.
 */
describe('database outage, every service and every read endpoint', () => {
  const services = allServiceFacts();
  const apps = new Map<string, { app: TestApp; proxy: TcpProxy }>();
  let smtp: SmtpTestServer;
  let admin: string;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    for (const facts of services) {
      const database = new URL(testDatabaseUrl(facts.name));
      const proxy = await new TcpProxy(database.hostname, Number(database.port || 5432)).start();
      database.port = String(proxy.port);
      const identity = apps.get('identity')?.app;
      const env: Record<string, string> = { DATABASE_URL: database.toString(), SMTP_URL: smtp.url };
      if (identity) env['AUTH_JWKS_URL'] = `${identity.url}/.well-known/jwks.json`;
      apps.set(facts.name, { app: await createTestApp(facts.definition, { env }), proxy });
    }
    admin = await adminToken(apps.get('identity')!.app.http);
  });

  afterAll(async () => {
    for (const { app, proxy } of [...apps.values()].reverse()) {
      await app.close();
      await proxy.stop();
    }
    await smtp?.stop();
  });

  /** Each GET of the service's OpenAPI document under /v1, its path parameters filled with fresh ids. */
  async function readPaths(app: TestApp): Promise<string[]> {
    const docs = await app.http.get('/docs-json').expect(200);
    return Object.entries(docs.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path, operations]) => path.startsWith('/v1/') && 'get' in operations)
      .map(([path]) => path.replace(/\{[^}]+\}/g, () => randomUUID()));
  }

  /** GETs each path as the platform admin; a stream (Server-Sent Events) is judged by its status and then closed. */
  async function sweep(app: TestApp, paths: readonly string[]): Promise<Array<{ path: string; status: number; body: unknown }>> {
    const answers = [];
    for (const path of paths) {
      const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${admin}` } });
      const streaming = response.headers.get('content-type')?.startsWith('text/event-stream');
      const body = streaming ? await response.body?.cancel() : await response.json().catch(() => undefined);
      answers.push({ path, status: response.status, body });
    }
    return answers;
  }

  const unclean = (answers: Array<{ path: string; status: number }>) =>
    answers.filter(({ status }) => status >= 500 && status !== 503).map(({ path, status }) => `${status} ${path}`);

  it.each(['identity', 'intake', 'matching', 'communication', 'evaluation'])('%s: 503 without its database, and recovers by itself', async (name) => {
    const { app, proxy } = apps.get(name)!;
    const paths = await readPaths(app);
    expect(paths.length).toBeGreaterThan(0);

    proxy.disconnect();
    try {
      const during = await sweep(app, paths);
      expect(unclean(during)).toEqual([]);
      const unavailable = during.filter(({ status }) => status === 503);
      // The database is on the path of most reads: at least one must have said so.
      expect(unavailable.length).toBeGreaterThan(0);
      for (const { body } of unavailable) expect(body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      const ready = await app.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error.database.status).toBe('down');
      await app.http.get('/health/live').expect(200);
      process.stderr.write(`database-outage-sweep: ${name}: ${during.length} read endpoints, ${unavailable.length} answered 503, the others ${[...new Set(during.filter(({ status }) => status !== 503).map(({ status }) => status))].join(', ') || 'none'}\n`);
    } finally {
      proxy.restore();
    }

    await expectEventually(async () => expect((await app.http.get('/health/ready')).status).toBe(200), { timeoutMs: 30_000, intervalMs: 250 });
    // Some parts reconnect on their own schedule after readiness is green (e.g. a LISTEN connection): give them a while.
    await expectEventually(
      async () => {
        const after = await sweep(app, paths);
        expect(after.filter(({ status }) => status >= 500).map(({ path, status }) => `${status} ${path}`)).toEqual([]);
      },
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
  });

  it('covers every service', () => {
    expect(services.map((facts) => facts.name).sort()).toEqual(['communication', 'evaluation', 'identity', 'intake', 'matching']);
  });
});
