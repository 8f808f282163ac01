import { Injectable } from '@nestjs/common';
import { type EventEnvelope, messageSent } from '@passerelle/contracts';
import { PlatformMetrics } from '@passerelle/platform/observability';
import { Histogram } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { writeGenerations } from './program-facts.repository';
import { applyToProjection, subjectsOf } from './projection-writer';

/** What one transaction of the live consumer has left to write when it completes. */
interface Pending {
  readonly generations: Promise<number[]>;
  /** Pairs to judge again, by match id. */
  readonly pairs: Map<string, string>;
  /** Latest event per programme, for freshness, and every event's time and type for the lag histogram. */
  readonly programmes: Map<string, { networkId: string; time: string }>;
  readonly applied: Array<{ type: string; time: string }>;
}

/**
 * What the live consumer does with each projected event, inside its inbox
 * transaction: write the facts into every generation being served or built,
 * put the pair on the at-risk sweep's list, and measure freshness
 * (issue 7, item 7: time from ce_time to the effect in the projection).
 *
 * The consumer applies many events in one transaction. The facts are
 * written event by event; the pair list and the freshness row, which many
 * events of a transaction touch, are written once per pair and programme
 * when the transaction completes, sorted by key, so that transactions of
 * different partitions lock those rows in the same order and never deadlock.
 */
@Injectable()
export class ProjectionUpdater {
  private readonly lag: Histogram;
  private readonly pending = new WeakMap<EntityManager, Pending>();

  constructor(metrics: PlatformMetrics) {
    this.lag = new Histogram({
      name: 'evaluation_projection_lag_seconds',
      help: "Seconds from an event's ce_time to its effect in the live projection, by event type",
      labelNames: ['type'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
      registers: [metrics.registry],
    });
  }

  async apply(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    let pending = this.pending.get(manager);
    if (!pending) {
      // Read once per transaction: FOR SHARE holds the generations until it commits, so a swap waits for it.
      pending = { generations: writeGenerations(manager), pairs: new Map(), programmes: new Map(), applied: [] };
      this.pending.set(manager, pending);
    }
    await applyToProjection(manager, await pending.generations, envelope);
    const { programId, matchId } = subjectsOf(envelope);
    // The sweep judges the pair again at once: a new session may resolve its alert.
    if (matchId && envelope.type !== messageSent.type) pending.pairs.set(matchId, envelope.networkId);
    if (programId) {
      pending.programmes.set(programId, { networkId: envelope.networkId, time: envelope.time });
      pending.applied.push({ type: envelope.type, time: envelope.time });
    }
  }

  /** Writes what the transaction's events left pending, just before it commits. */
  async complete(manager: EntityManager): Promise<void> {
    const pending = this.pending.get(manager);
    if (!pending) return;
    this.pending.delete(manager);
    const pairs = [...pending.pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (pairs.length > 0) {
      await manager.query(
        `INSERT INTO pair_watch (match_id, network_id, next_check_at)
         SELECT match_id, network_id, now() FROM unnest($1::uuid[], $2::uuid[]) AS pair (match_id, network_id)
         ON CONFLICT (match_id) DO UPDATE SET next_check_at = LEAST(pair_watch.next_check_at, now())`,
        [pairs.map(([matchId]) => matchId), pairs.map(([, networkId]) => networkId)],
      );
    }
    const programmes = [...pending.programmes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (programmes.length === 0) return;
    const [{ now }] = (await manager.query(
      `INSERT INTO projection_freshness (program_id, network_id, event_time, applied_at, lag_ms)
       SELECT program_id, network_id, event_time, clock_timestamp(), GREATEST(0, round(extract(epoch FROM clock_timestamp() - event_time) * 1000))
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS latest (program_id, network_id, event_time)
       ON CONFLICT (program_id) DO UPDATE SET event_time = EXCLUDED.event_time, applied_at = EXCLUDED.applied_at, lag_ms = EXCLUDED.lag_ms
       RETURNING (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now`,
      [programmes.map(([programId]) => programId), programmes.map(([, latest]) => latest.networkId), programmes.map(([, latest]) => latest.time)],
    )) as Array<{ now: number }>;
    for (const { type, time } of pending.applied) this.lag.observe({ type }, Math.max(0, Number(now) - Date.parse(time)) / 1000);
  }
}
