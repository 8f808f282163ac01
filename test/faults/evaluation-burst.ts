import { createEnvelope, toKafkaMessage, userRegistered } from '@passerelle/contracts';
import { expectEventually, type RawProducer } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { expectedFigures, type Script, scriptProgramme } from '../evaluation/programme-script';

/**
 * A burst of events on every topic evaluation projects, whose effects the
 * fault tests count exactly afterwards: user registrations (a plain counter,
 * so a redelivery that got past the inbox would show) and scripted
 * programmes whose report figures are computed from the script.
 */

/** The instant every programme report is read at, so time-dependent figures compare exactly. */
export const BURST_T0 = Date.parse('2026-06-15T12:00:00.000Z');

export interface Burst {
  /** The ce_id of every event sent. */
  readonly ids: string[];
  readonly scripts: Script[];
  readonly registrations: number;
}

/** Reads evaluation's database: `rows` of a query. */
export type Query = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;
/** GET on evaluation as the network's organizer. */
export type Get = (path: string) => Promise<{ status: number; body: Record<string, unknown> }>;

/** Sends the burst a batch of at most 100 per topic, the topics interleaved (PRODUCT.md, Order: no order across topics). */
export async function sendBurst(
  producer: RawProducer,
  networkId: string,
  { registrations = 500, programmes = 4 }: { registrations?: number; programmes?: number } = {},
): Promise<Burst> {
  const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
  const add = (topic: string, message: ReturnType<typeof toKafkaMessage>) => byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
  for (let i = 0; i < registrations; i++) {
    const data = { userId: randomUUID(), networkId, email: `burst-${i}@example.org`, displayName: `Burst ${i}`, roles: [], registeredAt: new Date().toISOString() };
    add(userRegistered.topic, toKafkaMessage(createEnvelope(userRegistered, data)));
  }
  const scripts = Array.from({ length: programmes }, () => scriptProgramme(networkId, BURST_T0));
  for (const script of scripts) {
    for (const event of script.events) add(event.definition.topic, toKafkaMessage(createEnvelope(event.definition, event.data)));
  }
  const chunks = [...byTopic].flatMap(([topic, messages]) =>
    Array.from({ length: Math.ceil(messages.length / 100) }, (_, i) => ({ topic, messages: messages.slice(i * 100, (i + 1) * 100) })),
  );
  await Promise.all(chunks.map(({ topic, messages }) => producer.send(topic, messages)));
  return { ids: [...byTopic.values()].flat().map((message) => message.headers['ce_id']), scripts, registrations };
}

/** How many of `ids` evaluation has applied (its inbox rows). */
export async function appliedCount(query: Query, ids: readonly string[]): Promise<number> {
  const [row] = await query(
    `SELECT count(*)::int AS count FROM inbox WHERE consumer_group = 'passerelle.evaluation' AND event_id = ANY($1)`,
    [ids],
  );
  return row['count'] as number;
}

/** Waits until a tenth of the burst has taken effect, and checks that not all of it has: a fault now lands in the middle. */
export async function waitUntilMidway(query: Query, ids: readonly string[]): Promise<number> {
  const done = await expectEventually(
    async () => {
      const count = await appliedCount(query, ids);
      expect(count).toBeGreaterThanOrEqual(Math.ceil(ids.length / 10));
      return count;
    },
    { timeoutMs: 60_000, intervalMs: 20 },
  );
  expect(done).toBeLessThan(ids.length);
  return done;
}

/**
 * Every effect exactly once: each event of `ids` in the inbox once, the
 * network's registrations equal to `registrations`, and every programme's
 * figures equal to the script's.
 */
export async function expectExactEffects(
  { query, get }: { query: Query; get: Get },
  { networkId, ids, registrations, scripts }: { networkId: string; ids: readonly string[]; registrations: number; scripts: readonly Script[] },
): Promise<void> {
  await expectEventually(
    async () => {
      expect(await appliedCount(query, ids)).toBe(ids.length);
      const counted = await get(`/v1/reports/networks/${networkId}/registrations`);
      expect([counted.status, counted.body['registeredUsers']]).toEqual([200, registrations]);
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  const expected = expectedFigures();
  const asOf = new Date(BURST_T0).toISOString();
  for (const script of scripts) {
    const report = await get(`/v1/reports/programs/${script.programId}?asOf=${encodeURIComponent(asOf)}`);
    expect(report.status).toBe(200);
    expect(report.body['kpis']).toEqual(expected);
  }
}
