import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocation: a token epoch per account (users and service accounts; every
 * access token carries it, a revocation raises it), a service account's
 * previous secret during a rotation's overlap, who revoked a service account,
 * and when each refresh family (login) began, which bounds its lifetime.
 */
export class IdentityRevocation1765000000200 implements MigrationInterface {
  name = 'IdentityRevocation1765000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users ADD COLUMN token_epoch integer NOT NULL DEFAULT 0');
    await queryRunner.query(`
      ALTER TABLE service_accounts
        ADD COLUMN token_epoch integer NOT NULL DEFAULT 0,
        ADD COLUMN previous_secret_hash text,
        ADD COLUMN previous_secret_until timestamptz,
        ADD COLUMN rotated_at timestamptz,
        ADD COLUMN revoked_by uuid,
        ADD CONSTRAINT service_accounts_previous_secret CHECK ((previous_secret_hash IS NULL) = (previous_secret_until IS NULL))`);
    await queryRunner.query(
      'CREATE INDEX service_accounts_overlap_ends ON service_accounts (previous_secret_until) WHERE previous_secret_until IS NOT NULL',
    );
    await queryRunner.query('ALTER TABLE refresh_tokens ADD COLUMN family_started_at timestamptz');
    await queryRunner.query(`
      UPDATE refresh_tokens t SET family_started_at = f.started_at
        FROM (SELECT family_id, min(created_at) AS started_at FROM refresh_tokens GROUP BY family_id) f
       WHERE f.family_id = t.family_id`);
    await queryRunner.query('ALTER TABLE refresh_tokens ALTER COLUMN family_started_at SET NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE refresh_tokens DROP COLUMN family_started_at');
    await queryRunner.query('DROP INDEX service_accounts_overlap_ends');
    await queryRunner.query(`
      ALTER TABLE service_accounts
        DROP CONSTRAINT service_accounts_previous_secret,
        DROP COLUMN revoked_by, DROP COLUMN rotated_at, DROP COLUMN previous_secret_until,
        DROP COLUMN previous_secret_hash, DROP COLUMN token_epoch`);
    await queryRunner.query('ALTER TABLE users DROP COLUMN token_epoch');
  }
}
