import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Profiles (one per user, deleted on erasure) and consents (append-only
 * history; kept on erasure because they hold nothing but the user id,
 * the purpose, the decision and its time — see profile/application/erase-user.use-case.ts).
 */
export class IdentityProfile1764330000000 implements MigrationInterface {
  name = 'IdentityProfile1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE profiles (
        user_id          uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        network_id       uuid NOT NULL REFERENCES networks(id),
        graduation_year  int CHECK (graduation_year >= 1900),
        degree           text,
        industry         text,
        employer         text,
        city             text,
        country          text CHECK (country ~ '^[A-Z]{2}$'),
        time_zone        text,
        languages        text[] NOT NULL DEFAULT '{}',
        bio              text CHECK (char_length(bio) <= 1000),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX profiles_network ON profiles (network_id)');
    await queryRunner.query(`
      CREATE TABLE consents (
        id           uuid PRIMARY KEY,
        user_id      uuid NOT NULL REFERENCES users(id),
        network_id   uuid NOT NULL REFERENCES networks(id),
        purpose      text NOT NULL CHECK (purpose IN ('terms', 'matching_data_processing', 'emails')),
        granted      boolean NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX consents_user ON consents (user_id, purpose, recorded_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE consents');
    await queryRunner.query('DROP TABLE profiles');
  }
}
