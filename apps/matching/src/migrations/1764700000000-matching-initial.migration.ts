import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching's own tables (issue 5): copies of programmes and candidates built
 * from intake's events, rounds, and matches with their lifecycle. No foreign
 * key from candidates to programmes: events of different topics arrive in any
 * order (PRODUCT.md, Events: Order).
 */
export class MatchingInitial1764700000000 implements MigrationInterface {
  name = 'MatchingInitial1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE programs (
        id                       uuid PRIMARY KEY,
        network_id               uuid NOT NULL,
        name                     text NOT NULL,
        objectives               text[] NOT NULL,
        matching_modes           text[] NOT NULL,
        default_mentor_capacity  int NOT NULL,
        starts_on                date NOT NULL,
        ends_on                  date NOT NULL,
        status                   text NOT NULL CHECK (status IN ('published', 'closed')),
        scoring_model            jsonb,
        model_version            int NOT NULL DEFAULT 0,
        model_updated_by         uuid,
        model_updated_at         timestamptz,
        updated_at               timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE candidates (
        enrollment_id      uuid PRIMARY KEY,
        network_id         uuid NOT NULL,
        program_id         uuid NOT NULL,
        user_id            uuid,
        role               text NOT NULL CHECK (role IN ('mentor', 'mentee')),
        capacity           int CHECK (capacity BETWEEN 1 AND 5),
        features           jsonb,
        excluded_user_ids  uuid[] NOT NULL DEFAULT '{}',
        status             text NOT NULL CHECK (status IN ('active', 'withdrawn', 'erased')),
        enrolled_at        timestamptz NOT NULL,
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'erased') = (user_id IS NULL)),
        CHECK (status = 'erased' OR features IS NOT NULL)
      )`);
    await queryRunner.query('CREATE INDEX candidates_program ON candidates (program_id, role, status)');
    await queryRunner.query('CREATE INDEX candidates_user ON candidates (user_id) WHERE user_id IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE rounds (
        id           uuid PRIMARY KEY,
        network_id   uuid NOT NULL,
        program_id   uuid NOT NULL REFERENCES programs (id),
        started_by   uuid,
        started_at   timestamptz NOT NULL,
        completed_at timestamptz NOT NULL,
        model        jsonb NOT NULL,
        statistics   jsonb NOT NULL,
        duals        jsonb NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX rounds_program ON rounds (program_id, started_at)');
    await queryRunner.query(`
      CREATE TABLE matches (
        id                    uuid PRIMARY KEY,
        network_id            uuid NOT NULL,
        program_id            uuid NOT NULL REFERENCES programs (id),
        mentee_id             uuid,
        mentor_id             uuid,
        mentee_enrollment_id  uuid NOT NULL REFERENCES candidates (enrollment_id),
        mentor_enrollment_id  uuid NOT NULL REFERENCES candidates (enrollment_id),
        status                text NOT NULL CHECK (status IN ('proposed', 'active', 'declined', 'ended')),
        origin                text NOT NULL CHECK (origin IN ('round', 'mentee_choice', 'organizer')),
        round_id              uuid REFERENCES rounds (id),
        rank                  int,
        score                 jsonb NOT NULL,
        reason_note           text,
        mentee_accepted_at    timestamptz,
        mentor_accepted_at    timestamptz,
        respond_by            timestamptz,
        reminded_at           timestamptz,
        declined_by           text,
        decline_reason        text,
        ended_by              text,
        end_reason            text,
        proposed_at           timestamptz NOT NULL,
        accepted_at           timestamptz,
        closed_at             timestamptz,
        version               int NOT NULL DEFAULT 1,
        CHECK ((origin = 'round') = (round_id IS NOT NULL))
      )`);
    // One open match per mentee and programme: a mentee is proposed (or requests) one mentor at a time.
    await queryRunner.query(
      `CREATE UNIQUE INDEX matches_one_open_per_mentee ON matches (program_id, mentee_enrollment_id) WHERE status IN ('proposed', 'active')`,
    );
    await queryRunner.query('CREATE INDEX matches_mentor ON matches (mentor_enrollment_id, status)');
    await queryRunner.query('CREATE INDEX matches_program ON matches (program_id, id)');
    await queryRunner.query(`CREATE INDEX matches_expiring ON matches (respond_by) WHERE status = 'proposed' AND respond_by IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE matches');
    await queryRunner.query('DROP TABLE rounds');
    await queryRunner.query('DROP TABLE candidates');
    await queryRunner.query('DROP TABLE programs');
  }
}
