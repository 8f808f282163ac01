import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  loginAs,
  RawProducer,
  ServiceProcess,
  type TestApp,
  testDatabaseUrl,
} from '@passerelle/testing';
import { Client } from 'pg';
import { identityApp } from '../../apps/identity/src/identity.app';
import type { Script } from '../evaluation/programme-script';
import { appliedCount, expectExactEffects, type Get, type Query, sendBurst, waitUntilMidway } from './evaluation-burst';
import { nodeArgsOf } from '../../tools/deploy/deployment-settings';

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
    }, nodeArgsOf('evaluation'));
    await evaluation.start();
    await database.connect();
  });

  afterAll(async () => {
    await evaluation?.kill();
    await database.end().catch(() => undefined);
    await producer.stop();
    await identity?.close();
  });

  const query: Query = async (sql, params) => (await database.query(sql, params)).rows;
  const get: Get = async (path) => {
    const response = await fetch(`${evaluation.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** A burst on every projected topic; the registrations it adds are expected on top of the ones before. */
  async function burst(): Promise<string[]> {
    const sent = await sendBurst(producer, networkId);
    scripts.push(...sent.scripts);
    registrations += sent.registrations;
    return sent.ids;
  }

  const expectExact = (ids: readonly string[]) => expectExactEffects({ query, get }, { networkId, ids, registrations, scripts });

  const duplicates = () => evaluation.metricTotal('events_consumed_total', { outcome: 'duplicate' });

  it('loses nothing and counts nothing twice when killed with SIGKILL mid-burst', async () => {
    const ids = await burst();
    const before = await waitUntilMidway(query, ids);
    await evaluation.kill();
    process.stderr.write(`consumer-restart: SIGKILL after ${before} of ${ids.length} events took effect\n`);
    await evaluation.start();
    await expectExact(ids);
    // Records whose effect had committed but whose offsets had not were delivered again, and skipped.
    const redelivered = await duplicates();
    process.stderr.write(`consumer-restart: after the restart, ${redelivered} redelivered events were skipped by the inbox\n`);
    expect(redelivered).toBeGreaterThan(0);
  });

  it('commits what it processed on SIGTERM mid-burst: nothing re-applied, nothing lost after the restart', async () => {
    const ids = await burst();
    const before = await waitUntilMidway(query, ids);
    const stopped = await evaluation.terminate();
    expect(stopped.exit).toBe('SIGTERM');
    expect(stopped.log.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    const atStop = await appliedCount(query, ids);
    process.stderr.write(`consumer-restart: SIGTERM after ${before} of ${ids.length} events took effect (${atStop} when it exited)\n`);
    expect(atStop).toBeLessThan(ids.length);
    await evaluation.start();
    await expectExact(ids);
    expect(await duplicates()).toBe(0);
    expect(await evaluation.metricTotal('events_consumed_total', { outcome: 'processed' })).toBeGreaterThanOrEqual(ids.length - atStop);
  });
});
