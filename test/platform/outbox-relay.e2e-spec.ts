import { userRegistered } from '@passerelle/contracts';
import { createDataSource, ensureDatabase, migrate } from '@passerelle/platform/database';
import { KafkaConnection } from '@passerelle/platform/kafka';
import { createLogger, PlatformMetrics } from '@passerelle/platform/observability';
import { OutboxRelay, OutboxWriter } from '@passerelle/platform/outbox';
import { expectEventually, KafkaProbe, kafkaBrokers, testDatabaseUrl } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';

/**
 * The producing side: with two relays on one outbox (two replicas of a
 * service), events of one aggregate reach Kafka in the order they were
 * written, even when the active relay goes away halfway.
 */
describe('outbox relay', () => {
  const url = testDatabaseUrl('relay');
  const logger = createLogger('relay-test', 'warn');
  let dataSource: DataSource;
  let kafka: KafkaConnection;
  let probe: KafkaProbe;
  const writer = new OutboxWriter();

  beforeAll(async () => {
    await ensureDatabase(url);
    dataSource = createDataSource({ url, poolSize: 4, entities: [], migrations: [] });
    await dataSource.initialize();
    await migrate(dataSource);
    kafka = new KafkaConnection('relay-test', kafkaBrokers(), logger);
    probe = await new KafkaProbe([userRegistered.topic]).start();
  });

  afterAll(async () => {
    await probe?.stop();
    await kafka?.disconnect();
    await dataSource?.destroy();
  });

  function relay(): OutboxRelay {
    return new OutboxRelay(
      { service: 'relay-test', databaseUrl: url, batchSize: 37, pollIntervalMs: 100 },
      kafka,
      new PlatformMetrics('relay-test'),
      logger,
    );
  }

  it('publishes 1,000 events over 10 keys in order per key, with two relays and a hand-over', async () => {
    const networkId = randomUUID();
    const keys = Array.from({ length: 10 }, () => randomUUID());
    const [first, second] = [relay(), relay()];
    first.start();
    second.start();

    const total = 1_000;
    for (let batch = 0; batch < total / 50; batch++) {
      await dataSource.transaction(async (manager) => {
        for (let i = batch * 50; i < (batch + 1) * 50; i++) {
          const userId = keys[i % keys.length];
          // The sequence number travels in the address, so the test can read the order back.
          await writer.append(manager, userRegistered, {
            userId,
            networkId,
            email: `seq-${i}@example.org`,
            displayName: `Sequence ${i}`,
            roles: [],
            registeredAt: new Date().toISOString(),
          });
        }
      });
      if (batch === 8) {
        // One relay at a time publishes; stopping the active one hands over to the other.
        await expectEventually(() => expect(first.isLeader !== second.isLeader).toBe(true));
        await (first.isLeader ? first : second).stop();
      }
    }

    const records = await probe.waitFor((record) => record.headers['ce_networkid'] === networkId, total, 60_000);
    await first.stop();
    await second.stop();

    expect(records).toHaveLength(total);
    expect(new Set(records.map((record) => record.headers['ce_id'])).size).toBe(total);
    for (const key of keys) {
      const sequence = records
        .filter((record) => record.key === key)
        .map((record) => Number((record.data as { email: string }).email.match(/^seq-(\d+)@/)![1]));
      expect(sequence).toHaveLength(total / keys.length);
      expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
    }
    const [{ pending }] = await dataSource.query(
      `SELECT count(*)::int AS pending FROM outbox WHERE network_id = $1 AND published_at IS NULL`,
      [networkId],
    );
    expect(pending).toBe(0);
  });

  it('refuses to write an event outside a transaction or one that fails its schema', async () => {
    await expect(
      writer.append(dataSource.manager, userRegistered, {
        userId: randomUUID(),
        networkId: randomUUID(),
        email: 'a@example.org',
        displayName: 'A',
        roles: [],
        registeredAt: new Date().toISOString(),
      }),
    ).rejects.toThrow(/inside a transaction/);
    const networkId = randomUUID();
    await expect(
      dataSource.transaction((manager) =>
        writer.append(manager, userRegistered, {
          userId: 'not-a-uuid',
          networkId,
          email: 'a@example.org',
          displayName: 'A',
          roles: [],
          registeredAt: new Date().toISOString(),
        }),
      ),
    ).rejects.toThrow(/userId/);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM outbox WHERE network_id = $1', [networkId]);
    expect(count).toBe(0);
  });
});
