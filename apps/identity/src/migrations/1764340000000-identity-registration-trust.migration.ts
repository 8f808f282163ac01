import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration that cannot be hijacked, abuse limits, account mails through a queue:
 * - a verification token now carries its own registration (address, name,
 *   password hash) instead of pointing at a pending user: the account is
 *   created when the address is proven, with that registration's
 *   credentials. Earlier verification links chose nothing and are voided;
 *   accounts still pending lose the password their first registrant set,
 *   which only a new registration (or a reset) of the address replaces;
 * - the login throttle's attempts become every throttled action's
 *   (`action`); the account key stays a digest, never an address;
 * - `account_mails` queues the account mails, sent by `AccountMailSender`.
 */
export class IdentityRegistrationTrust1764340000000 implements MigrationInterface {
  name = 'IdentityRegistrationTrust1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM one_time_tokens WHERE purpose = 'verify_email'`);
    await queryRunner.query(`UPDATE users SET password_hash = NULL WHERE status = 'pending_verification'`);
    await queryRunner.query('ALTER TABLE one_time_tokens ADD COLUMN display_name text, ADD COLUMN password_hash text');
    await queryRunner.query('ALTER TABLE one_time_tokens DROP CONSTRAINT one_time_tokens_check');
    await queryRunner.query(`
      ALTER TABLE one_time_tokens ADD CONSTRAINT one_time_tokens_shape CHECK (CASE purpose
        WHEN 'invitation' THEN email IS NOT NULL AND user_id IS NULL AND display_name IS NULL AND password_hash IS NULL
        WHEN 'verify_email' THEN email IS NOT NULL AND user_id IS NULL AND role IS NULL AND display_name IS NOT NULL AND password_hash IS NOT NULL
        ELSE user_id IS NOT NULL AND email IS NULL AND role IS NULL AND display_name IS NULL AND password_hash IS NULL END)`);
    await queryRunner.query('DROP INDEX one_time_tokens_invited_idx');
    await queryRunner.query('CREATE INDEX one_time_tokens_address_idx ON one_time_tokens (network_id, email, purpose) WHERE email IS NOT NULL');

    await queryRunner.query('ALTER TABLE login_attempts RENAME TO throttle_attempts');
    await queryRunner.query(`ALTER TABLE throttle_attempts ADD COLUMN action text NOT NULL DEFAULT 'login'`);
    await queryRunner.query('ALTER TABLE throttle_attempts ALTER COLUMN action DROP DEFAULT');
    await queryRunner.query('DROP INDEX login_attempts_account');
    await queryRunner.query('DROP INDEX login_attempts_address');
    await queryRunner.query('CREATE INDEX throttle_attempts_account ON throttle_attempts (account_key, action, attempted_at)');
    await queryRunner.query('CREATE INDEX throttle_attempts_address ON throttle_attempts (address, action, attempted_at)');

    await queryRunner.query(`
      CREATE TABLE account_mails (
        id               uuid PRIMARY KEY,
        network_id       uuid NOT NULL REFERENCES networks(id),
        to_address       text NOT NULL,
        template         text NOT NULL,
        subject          text NOT NULL,
        text_body        text NOT NULL,
        html_body        text,
        status           text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts         int NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL,
        last_error       text,
        created_at       timestamptz NOT NULL,
        sent_at          timestamptz,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX account_mails_due ON account_mails (next_attempt_at) WHERE status = 'pending'`);
    await queryRunner.query('CREATE INDEX account_mails_recipient ON account_mails (network_id, to_address)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE account_mails');
    await queryRunner.query('DROP INDEX throttle_attempts_account');
    await queryRunner.query('DROP INDEX throttle_attempts_address');
    await queryRunner.query(`DELETE FROM throttle_attempts WHERE action <> 'login'`);
    await queryRunner.query('ALTER TABLE throttle_attempts DROP COLUMN action');
    await queryRunner.query('ALTER TABLE throttle_attempts RENAME TO login_attempts');
    await queryRunner.query('CREATE INDEX login_attempts_account ON login_attempts (account_key, attempted_at)');
    await queryRunner.query('CREATE INDEX login_attempts_address ON login_attempts (address, attempted_at)');
    await queryRunner.query(`DELETE FROM one_time_tokens WHERE purpose = 'verify_email'`);
    await queryRunner.query('DROP INDEX one_time_tokens_address_idx');
    await queryRunner.query(`CREATE INDEX one_time_tokens_invited_idx ON one_time_tokens (network_id, email) WHERE purpose = 'invitation'`);
    await queryRunner.query('ALTER TABLE one_time_tokens DROP CONSTRAINT one_time_tokens_shape');
    await queryRunner.query('ALTER TABLE one_time_tokens DROP COLUMN password_hash, DROP COLUMN display_name');
    await queryRunner.query(`
      ALTER TABLE one_time_tokens ADD CONSTRAINT one_time_tokens_check CHECK (CASE WHEN purpose = 'invitation'
        THEN email IS NOT NULL AND user_id IS NULL ELSE user_id IS NOT NULL AND email IS NULL AND role IS NULL END)`);
  }
}
