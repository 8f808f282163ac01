import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time tokens for e-mail verification, password reset and invitations:
 * only their SHA-256 is stored; the token itself exists only in the mail.
 */
export class IdentityRegistration1764320000000 implements MigrationInterface {
  name = 'IdentityRegistration1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE one_time_tokens (
        id          uuid PRIMARY KEY,
        purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'invitation')),
        token_hash  text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        network_id  uuid NOT NULL REFERENCES networks(id),
        user_id     uuid REFERENCES users(id) ON DELETE CASCADE,
        email       text,
        role        text CHECK (role IN ('organizer')),
        created_by  uuid,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        CHECK (CASE WHEN purpose = 'invitation'
                    THEN email IS NOT NULL AND user_id IS NULL
                    ELSE user_id IS NOT NULL AND email IS NULL AND role IS NULL END)
      )`);
    await queryRunner.query(
      'CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, purpose) WHERE used_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX one_time_tokens_invited_idx ON one_time_tokens (network_id, email) WHERE purpose = \'invitation\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE one_time_tokens');
  }
}
