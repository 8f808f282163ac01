import { createEnvelope, toKafkaMessage, userRegistered } from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  expectEventually,
  loginAs,
  RawProducer,
  ServiceProcess,
  type TestApp,
  testDatabaseUrl,
} from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { identityApp } from '../../apps/identity/src/identity.app';
import { expectedFigures, type Script, scriptProgramme } from '../evaluation/programme-script';

/**
 * Evaluation, as its own process, is stopped in the middle of a burst of
 * events on every topic it projects: killed with SIGKILL (no hook runs,
 * offsets since the last commit are lost), then stopped with SIGTERM (the
 * graceful shutdown commits what it processed). After each restart, every
 * figure equals what the burst implies: nothing lost, nothing counted twice.
 * The registrations counter is a plain increment, so a redelivery that got
 * past the inbox would show; the programme reports cover the other topics.
 */
describe('a consuming service stopped in the middle of a burst, then restarted', () => {
  const REGISTRATIONS_PER_BURST = 500;
  const PROGRAMMES_PER_BURST = 4;
  const t0 = Date.parse('2026-06-15T12:00:00.000Z');
  const producer = new RawProducer();
  const database = new Client({ connectionString: testDatabaseUrl('evaluation') });
  let identity: TestApp;
  let evaluation: ServiceProcess;
  let networkId: string;
  let token: string;
  const scripts: Script[] = [];
  let registrations = 1; // the organizer's own

  beforeAll(async () => {
    identity = await createTestApp(identityApp);
    const network = await createTestNetwork(identity.http, await adminToken(identity.http), 'burst');
    networkId = network.id;
    const organizer = await createTestMember(identity.http, identity.dataSource, network, { roles: ['organizer'] });
    token = (await loginAs(identity.http, organizer)).accessToken;
    evaluation = new ServiceProcess('evaluation', 3925, {
      DATABASE_URL: testDatabaseUrl('evaluation'),
      AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json`,
      LOG_LEVEL: 'info',
    });
    await evaluation.start();
    await database.connect();
  });

  afterAll(async () => {
    await evaluation?.kill();
    await database.end().catch(() => undefined);
    await producer.stop();
    await identity?.close();
  });

  /** Sends registrations and scripted programmes (every projected topic), a batch per topic; returns the event ids. */
  async function sendBurst(): Promise<string[]> {
    const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
    const add = (topic: string, message: ReturnType<typeof toKafkaMessage>) => byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    for (let i = 0; i < REGISTRATIONS_PER_BURST; i++) {
      const data = { userId: randomUUID(), networkId, email: `burst-${i}@example.org`, displayName: `Burst ${i}`, roles: [], registeredAt: new Date().toISOString() };
      add(userRegistered.topic, toKafkaMessage(createEnvelope(userRegistered, data)));
    }
    for (let p = 0; p < PROGRAMMES_PER_BURST; p++) {
      const script = scriptProgramme(networkId, t0);
      scripts.push(script);
      for (const event of script.events) add(event.definition.topic, toKafkaMessage(createEnvelope(event.definition, event.data)));
    }
    registrations += REGISTRATIONS_PER_BURST;
    // Topics interleave: projections must not depend on the order across topics (PRODUCT.md, Order).
    const chunks = [...byTopic].flatMap(([topic, messages]) =>
      Array.from({ length: Math.ceil(messages.length / 100) }, (_, i) => ({ topic, messages: messages.slice(i * 100, (i + 1) * 100) })),
    );
    await Promise.all(chunks.map(({ topic, messages }) => producer.send(topic, messages)));
    return [...byTopic.values()].flat().map((message) => message.headers['ce_id']);
  }

  async function applied(ids: readonly string[]): Promise<number> {
    const { rows } = await database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM inbox WHERE consumer_group = 'passerelle.evaluation' AND event_id = ANY($1)`,
      [ids],
    );
    return rows[0].count;
  }

  /** Waits until part of the burst has taken effect (not all of it), so the stop lands in the middle. */
  async function midway(ids: readonly string[]): Promise<number> {
    const done = await expectEventually(
      async () => {
        const count = await applied(ids);
        expect(count).toBeGreaterThanOrEqual(Math.ceil(ids.length / 10));
        return count;
      },
      { timeoutMs: 60_000, intervalMs: 20 },
    );
    expect(done).toBeLessThan(ids.length);
    return done;
  }

  async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${evaluation.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** Every effect exactly once: each event in the inbox once, the counter and every programme's figures exact. */
  async function expectExactEffects(ids: readonly string[]): Promise<void> {
    await expectEventually(
      async () => {
        expect(await applied(ids)).toBe(ids.length);
        const counted = await get(`/v1/reports/networks/${networkId}/registrations`);
        expect([counted.status, counted.body['registeredUsers']]).toEqual([200, registrations]);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    const expected = expectedFigures();
    const asOf = new Date(t0).toISOString();
    for (const script of scripts) {
      const report = await get(`/v1/reports/programs/${script.programId}?asOf=${encodeURIComponent(asOf)}`);
      expect(report.status).toBe(200);
      expect(report.body['kpis']).toEqual(expected);
    }
  }

  const duplicates = () => evaluation.metricTotal('events_consumed_total', { outcome: 'duplicate' });

  it('loses nothing and counts nothing twice when killed with SIGKILL mid-burst', async () => {
    const ids = await sendBurst();
    const before = await midway(ids);
    await evaluation.kill();
    process.stderr.write(`consumer-restart: SIGKILL after ${before} of ${ids.length} events took effect\n`);
    await evaluation.start();
    await expectExactEffects(ids);
    // Records whose effect had committed but whose offsets had not were delivered again, and skipped.
    const redelivered = await duplicates();
    process.stderr.write(`consumer-restart: after the restart, ${redelivered} redelivered events were skipped by the inbox\n`);
    expect(redelivered).toBeGreaterThan(0);
  });

  it('commits what it processed on SIGTERM mid-burst: nothing re-applied, nothing lost after the restart', async () => {
    const ids = await sendBurst();
    const before = await midway(ids);
    const stopped = await evaluation.terminate();
    expect(stopped.exit).toBe('SIGTERM');
    expect(stopped.log.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    const atStop = await applied(ids);
    process.stderr.write(`consumer-restart: SIGTERM after ${before} of ${ids.length} events took effect (${atStop} when it exited)\n`);
    expect(atStop).toBeLessThan(ids.length);
    await evaluation.start();
    await expectExactEffects(ids);
    expect(await duplicates()).toBe(0);
    expect(await evaluation.metricTotal('events_consumed_total', { outcome: 'processed' })).toBeGreaterThanOrEqual(ids.length - atStop);
  });
});
