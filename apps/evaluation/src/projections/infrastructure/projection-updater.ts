import { Injectable } from '@nestjs/common';
import { type EventEnvelope, messageSent } from '@passerelle/contracts';
import { PlatformMetrics } from '@passerelle/platform/observability';
import { Histogram } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { writeGenerations } from './program-facts.repository';
import { applyToProjection, subjectsOf } from './projection-writer';

/**
 * What the live consumer does with each projected event, inside its inbox
 * transaction: write the facts into every generation being served or built,
 * put the pair on the at-risk sweep's list, and measure freshness
 * (issue 7, item 7: time from ce_time to the effect in the projection).
 */
@Injectable()
export class ProjectionUpdater {
  private readonly lag: Histogram;

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
    await applyToProjection(manager, await writeGenerations(manager), envelope);
    const { programId, matchId } = subjectsOf(envelope);
    if (matchId && envelope.type !== messageSent.type) {
      // The sweep judges the pair again at once: a new session may resolve its alert.
      await manager.query(
        `INSERT INTO pair_watch (match_id, network_id, next_check_at) VALUES ($1, $2, now())
         ON CONFLICT (match_id) DO UPDATE SET next_check_at = LEAST(pair_watch.next_check_at, now())`,
        [matchId, envelope.networkId],
      );
    }
    if (programId) {
      const [row] = (await manager.query(
        `INSERT INTO projection_freshness (program_id, network_id, event_time, applied_at, lag_ms)
         VALUES ($1, $2, $3, clock_timestamp(), GREATEST(0, round(extract(epoch FROM clock_timestamp() - $3::timestamptz) * 1000)))
         ON CONFLICT (program_id) DO UPDATE SET event_time = EXCLUDED.event_time, applied_at = EXCLUDED.applied_at, lag_ms = EXCLUDED.lag_ms
         RETURNING lag_ms`,
        [programId, envelope.networkId, envelope.time],
      )) as Array<{ lag_ms: string }>;
      this.lag.observe({ type: envelope.type }, Number(row?.lag_ms ?? 0) / 1000);
    }
  }
}
