import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programmes (issue 4, item 1). The CHECKs restate the domain rules
 * (programs/domain/program.ts) so no path can store an incoherent programme.
 */
export class IntakePrograms1764400000000 implements MigrationInterface {
  name = 'IntakePrograms1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE programs (
        id                       uuid PRIMARY KEY,
        network_id               uuid NOT NULL,
        name                     text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        description              text NOT NULL DEFAULT '',
        charter                  text NOT NULL DEFAULT '',
        objectives               text[] NOT NULL
          CHECK (cardinality(objectives) >= 1 AND objectives <@ ARRAY['job_search', 'networking', 'skills']),
        starts_on                date NOT NULL,
        ends_on                  date NOT NULL,
        cadence_days             int NOT NULL CHECK (cadence_days BETWEEN 1 AND 90),
        matching_modes           text[] NOT NULL
          CHECK (cardinality(matching_modes) >= 1 AND matching_modes <@ ARRAY['organizer_rounds', 'mentee_choice']),
        default_mentor_capacity  int NOT NULL CHECK (default_mentor_capacity BETWEEN 1 AND 5),
        intake_opens_on          date NOT NULL,
        intake_closes_on         date NOT NULL,
        status                   text NOT NULL CHECK (status IN ('draft', 'published', 'closed')),
        version                  int NOT NULL DEFAULT 1,
        created_by               uuid NOT NULL,
        published_at             timestamptz,
        closed_at                timestamptz,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        CHECK (starts_on < ends_on),
        CHECK (intake_opens_on <= intake_closes_on AND intake_closes_on <= ends_on)
      )`);
    await queryRunner.query('CREATE INDEX programs_network ON programs (network_id, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE programs');
  }
}
