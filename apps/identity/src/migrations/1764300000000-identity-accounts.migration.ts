import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Registration policy and allowed domains per network; credentials, status and account roles per user. */
export class IdentityAccounts1764300000000 implements MigrationInterface {
  name = 'IdentityAccounts1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE networks
        ADD COLUMN allowed_email_domains text[] NOT NULL DEFAULT '{}',
        ADD COLUMN registration_policy text NOT NULL DEFAULT 'invitation'
          CHECK (registration_policy IN ('open', 'invitation'))`);
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN password_hash text,
        ADD COLUMN status text NOT NULL DEFAULT 'active'
          CHECK (status IN ('pending_verification', 'active', 'disabled', 'erased')),
        ADD COLUMN email_verified_at timestamptz,
        ADD COLUMN roles text[] NOT NULL DEFAULT '{}',
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE users DROP COLUMN updated_at, DROP COLUMN roles, DROP COLUMN email_verified_at, DROP COLUMN status, DROP COLUMN password_hash',
    );
    await queryRunner.query('ALTER TABLE networks DROP COLUMN registration_policy, DROP COLUMN allowed_email_domains');
  }
}
