import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signing keys, refresh-token families, integrator service accounts and the login throttle. */
export class IdentityTokens1764310000000 implements MigrationInterface {
  name = 'IdentityTokens1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE signing_keys (
        kid                    text PRIMARY KEY,
        public_jwk             jsonb NOT NULL,
        private_jwk_encrypted  text NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX signing_keys_created_at ON signing_keys (created_at DESC)');
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id          uuid PRIMARY KEY,
        family_id   uuid NOT NULL,
        user_id     uuid NOT NULL REFERENCES users(id),
        network_id  uuid NOT NULL REFERENCES networks(id),
        token_hash  bytea NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        revoked_at  timestamptz
      )`);
    await queryRunner.query('CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)');
    await queryRunner.query('CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)');
    await queryRunner.query(`
      CREATE TABLE service_accounts (
        id           uuid PRIMARY KEY,
        network_id   uuid NOT NULL REFERENCES networks(id),
        name         text NOT NULL,
        client_id    text NOT NULL UNIQUE,
        secret_hash  text NOT NULL,
        created_by   uuid NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        revoked_at   timestamptz
      )`);
    await queryRunner.query('CREATE INDEX service_accounts_network ON service_accounts (network_id)');
    // One row per credential check that has not (yet) succeeded; see tokens/domain/login-throttle.ts.
    await queryRunner.query(`
      CREATE TABLE login_attempts (
        id            uuid PRIMARY KEY,
        account_key   text,
        address       text NOT NULL,
        attempted_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX login_attempts_account ON login_attempts (account_key, attempted_at)');
    await queryRunner.query('CREATE INDEX login_attempts_address ON login_attempts (address, attempted_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE login_attempts');
    await queryRunner.query('DROP TABLE service_accounts');
    await queryRunner.query('DROP TABLE refresh_tokens');
    await queryRunner.query('DROP TABLE signing_keys');
  }
}
