import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every service's copy of identity's revocations: per account, the lowest
 * token epoch still accepted (libs/platform/src/auth/token-revocations.ts).
 * One row per account, so the table stays as small as the set of people
 * whose access was ever revoked. `recorded_at` is what each replica's guard
 * polls; its index keeps that read to the last few seconds of changes.
 */
export class PlatformTokenRevocations1765000000000 implements MigrationInterface {
  name = 'PlatformTokenRevocations1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE token_revocations (
        account_id   uuid PRIMARY KEY,
        network_id   uuid NOT NULL,
        token_epoch  integer NOT NULL CHECK (token_epoch > 0),
        revoked_at   timestamptz NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query('CREATE INDEX token_revocations_recorded_at ON token_revocations (recorded_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE token_revocations');
  }
}
