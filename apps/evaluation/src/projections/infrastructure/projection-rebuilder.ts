import { fromKafkaMessage } from '@passerelle/contracts';
import { type KafkaConnection, LogReplay } from '@passerelle/platform/kafka';
import { redactText } from '@passerelle/platform/observability';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { PROJECTED_EVENTS, applyToProjection } from './projection-writer';

/** Tables holding one copy of the projection per generation. */
export const PROJECTION_TABLES = [
  'p_programs',
  'p_enrollments',
  'p_goals',
  'p_matches',
  'p_sessions',
  'p_messages',
  'p_gathering_registrations',
  'p_resources',
  'p_resource_completions',
  'p_feedback',
  'p_nudges',
  'p_rounds',
] as const;

/** A rebuild whose heartbeat is older than this died with its process; another may take over. */
const STALE_AFTER_MS = 60_000;
const HEARTBEAT_MS = 5_000;

export interface GenerationStatus {
  readonly generation: number;
  readonly state: 'live' | 'building' | 'retired' | 'failed';
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly eventsReplayed: number;
  readonly error: string | null;
}

export class RebuildInProgress extends Error {
  constructor(readonly generation: number) {
    super(`generation ${generation} is being rebuilt`);
  }
}

interface GenerationRow {
  generation: number;
  state: GenerationStatus['state'];
  started_at: Date;
  finished_at: Date | null;
  events_replayed: string;
  error: string | null;
  heartbeat_at: Date;
}

const status = (row: GenerationRow): GenerationStatus => ({
  generation: row.generation,
  state: row.state,
  startedAt: row.started_at.toISOString(),
  finishedAt: row.finished_at?.toISOString() ?? null,
  eventsReplayed: Number(row.events_replayed),
  error: row.error,
});

/**
 * Rebuild from the log (issue 7, item 6). A new generation is filled by
 * replaying every projected topic from its beginning up to the end offsets
 * read once the generation exists; meanwhile the live consumer writes each
 * new event to both generations (its offset may be past those ends), and
 * reports keep reading the live one. When the replay reaches the ends, one
 * transaction makes the new generation live, and the old one is deleted.
 * Replaying is safe because every fact write is idempotent and commutative.
 * The platform's `LogReplay` reads Kafka through a throw-away consumer
 * group, so the live consumer's offsets are untouched.
 */
export class ProjectionRebuilder {
  private replaying?: LogReplay;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly logger: Logger,
  ) {}

  /** Creates the generation to fill; refuses while another rebuild is alive. */
  async begin(requestedBy: string | null): Promise<GenerationStatus> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE projection_generations IN EXCLUSIVE MODE');
      const [building] = (await manager.query(`SELECT * FROM projection_generations WHERE state = 'building'`)) as GenerationRow[];
      if (building) {
        if (Date.now() - building.heartbeat_at.getTime() < STALE_AFTER_MS) throw new RebuildInProgress(building.generation);
        await manager.query(`UPDATE projection_generations SET state = 'failed', finished_at = now(), error = 'abandoned: no heartbeat' WHERE generation = $1`, [
          building.generation,
        ]);
      }
      const [row] = (await manager.query(
        `INSERT INTO projection_generations (generation, state, requested_by)
         VALUES ((SELECT max(generation) + 1 FROM projection_generations), 'building', $1) RETURNING *`,
        [requestedBy],
      )) as GenerationRow[];
      return status(row);
    });
  }

  async status(generation: number): Promise<GenerationStatus | null> {
    const [row] = (await this.dataSource.query('SELECT * FROM projection_generations WHERE generation = $1', [generation])) as GenerationRow[];
    return row ? status(row) : null;
  }

  /** Replays into `generation`, then swaps it in; on failure the generation is marked failed and its rows removed. */
  async run(generation: number): Promise<GenerationStatus> {
    try {
      const replayed = await this.replay(generation);
      await this.swap(generation, replayed);
      this.logger.info({ generation, replayed }, 'projection rebuilt from the log and swapped in');
    } catch (error) {
      this.logger.error({ err: error, generation }, 'projection rebuild failed');
      await this.dataSource.query(`UPDATE projection_generations SET state = 'failed', finished_at = now(), error = $2 WHERE generation = $1 AND state = 'building'`, [
        generation,
        redactText(error instanceof Error ? error.message : String(error)).slice(0, 1000),
      ]);
    }
    await this.removeOldGenerations().catch((error: unknown) => this.logger.warn({ err: error }, 'could not remove old projection generations yet'));
    return (await this.status(generation)) as GenerationStatus;
  }

  /** Stops a replay in progress (shutdown); the generation is marked failed. */
  async abort(): Promise<void> {
    await this.replaying?.stop();
  }

  private async replay(generation: number): Promise<number> {
    let replayed = 0;
    let lastHeartbeat = 0;
    this.replaying = new LogReplay(this.kafka, {
      topics: [...new Set(PROJECTED_EVENTS.map((definition) => definition.topic))],
      groupId: `passerelle.evaluation.rebuild.${generation}.${Date.now()}`,
      onBatch: async ({ messages }) => {
        const heartbeatDue = Date.now() - lastHeartbeat > HEARTBEAT_MS;
        replayed += await this.withRetries(() =>
          this.dataSource.transaction(async (manager) => {
            let count = 0;
            for (const message of messages) {
              const parsed = fromKafkaMessage(message);
              // Records the live consumer dead-letters (bad schema) are skipped here too.
              if (parsed.ok && (await applyToProjection(manager, [generation], parsed.envelope))) count += 1;
            }
            if (heartbeatDue) await this.beat(manager, generation, replayed + count);
            return count;
          }),
        );
        if (heartbeatDue) lastHeartbeat = Date.now();
      },
    });
    try {
      await this.replaying.run();
    } finally {
      this.replaying = undefined;
    }
    return replayed;
  }

  /** The live consumer writes the same rows meanwhile: a deadlock or serialization failure is retried, not fatal. */
  private async withRetries<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '40001')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  private async beat(manager: EntityManager, generation: number, replayed: number): Promise<void> {
    const rows = (await manager.query(
      `UPDATE projection_generations SET heartbeat_at = now(), events_replayed = $2 WHERE generation = $1 AND state = 'building' RETURNING generation`,
      [generation, replayed],
    )) as [unknown[], number];
    if (rows[1] === 0) throw new Error(`generation ${generation} is no longer being built`);
  }

  /** The atomic swap: waits for live handlers in flight (they hold the generation rows FOR SHARE). */
  private async swap(generation: number, replayed: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(`SELECT generation, state FROM projection_generations WHERE state IN ('live', 'building') FOR UPDATE`)) as GenerationRow[];
      if (!rows.some((row) => row.generation === generation && row.state === 'building')) throw new Error(`generation ${generation} is no longer being built`);
      await manager.query(`UPDATE projection_generations SET state = 'retired', finished_at = now() WHERE state = 'live'`);
      await manager.query(`UPDATE projection_generations SET state = 'live', finished_at = now(), heartbeat_at = now(), events_replayed = $2 WHERE generation = $1`, [
        generation,
        replayed,
      ]);
      // Every active pair of the new generation is judged at the next sweep (pairs only the log knew included).
      await manager.query(
        `INSERT INTO pair_watch (match_id, network_id, next_check_at)
         SELECT match_id, network_id, now() FROM p_matches WHERE generation = $1 AND accepted_at IS NOT NULL AND ended_at IS NULL
         ON CONFLICT (match_id) DO UPDATE SET next_check_at = now()`,
        [generation],
      );
    });
  }

  private async removeOldGenerations(): Promise<void> {
    for (const table of PROJECTION_TABLES) {
      await this.dataSource.query(`DELETE FROM ${table} WHERE generation IN (SELECT generation FROM projection_generations WHERE state IN ('retired', 'failed'))`);
    }
  }
}
