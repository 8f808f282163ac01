import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserRegisteredData, userRegistered } from '@passerelle/contracts';
import { defineService } from '@passerelle/platform/bootstrap';
import { defineConfig, platformConfigSchema } from '@passerelle/platform/config';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A minimal service built on the platform alone, to test the event
 * machinery without any domain: it records each `user.registered` it
 * handles, and its handler fails every time for a user named `always-fails`.
 */
export const ALWAYS_FAILS = 'always-fails';

class ProbeTables1764202000000 implements MigrationInterface {
  name = 'ProbeTables1764202000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE probe_effects (
        id          bigserial PRIMARY KEY,
        event_id    uuid NOT NULL,
        network_id  uuid NOT NULL,
        user_id     uuid NOT NULL
      )`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE probe_effects');
  }
}

@Injectable()
@HandlesEvent(userRegistered)
class RecordRegistrationHandler implements EventHandler<UserRegisteredData> {
  async handle(event: EventEnvelope<UserRegisteredData>, manager: EntityManager): Promise<void> {
    // The effect is written first, so a failure proves the rollback too.
    await manager.query('INSERT INTO probe_effects (event_id, network_id, user_id) VALUES ($1, $2, $3)', [
      event.id,
      event.data.networkId,
      event.data.userId,
    ]);
    if (event.data.displayName === ALWAYS_FAILS) throw new Error('simulated handler failure');
  }
}

export const probeApp = defineService({
  description: { service: 'probe', title: 'Platform probe', description: 'Test service for the event backbone.' },
  configSchema: defineConfig({ ...platformConfigSchema('probe', 3999) }),
  entities: [],
  migrations: [ProbeTables1764202000000],
  imports: [],
  providers: [RecordRegistrationHandler],
});
