import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Survey templates, enrolments and SMART goals (issue 4, items 3–6). The
 * CHECKs restate the domain rules so no path stores an incoherent row; the
 * partial unique index is "one enrolment per user, programme and role".
 */
export class IntakeEnrollments1764600000000 implements MigrationInterface {
  name = 'IntakeEnrollments1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE survey_templates (
        program_id   uuid NOT NULL REFERENCES programs (id),
        role         text NOT NULL CHECK (role IN ('mentor', 'mentee')),
        version      int NOT NULL CHECK (version >= 1),
        network_id   uuid NOT NULL,
        questions    jsonb NOT NULL CHECK (jsonb_typeof(questions) = 'array'),
        created_by   uuid,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (program_id, role, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE enrollments (
        id                 uuid PRIMARY KEY,
        network_id         uuid NOT NULL,
        program_id         uuid NOT NULL REFERENCES programs (id),
        user_id            uuid,
        role               text NOT NULL CHECK (role IN ('mentor', 'mentee')),
        status             text NOT NULL CHECK (status IN ('active', 'withdrawn')),
        template_version   int NOT NULL,
        answers            jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
        features           jsonb NOT NULL,
        capacity           int CHECK (capacity BETWEEN 1 AND 5),
        baseline_confidence     int NOT NULL CHECK (baseline_confidence BETWEEN 1 AND 5),
        baseline_communication  int NOT NULL CHECK (baseline_communication BETWEEN 1 AND 5),
        baseline_leadership     int NOT NULL CHECK (baseline_leadership BETWEEN 1 AND 5),
        baseline_network_size   int NOT NULL CHECK (baseline_network_size BETWEEN 1 AND 5),
        excluded_user_ids  uuid[] NOT NULL DEFAULT '{}',
        version            int NOT NULL DEFAULT 1,
        submitted_at       timestamptz NOT NULL,
        updated_at         timestamptz NOT NULL,
        withdrawn_at       timestamptz,
        erased_at          timestamptz,
        FOREIGN KEY (program_id, role, template_version) REFERENCES survey_templates (program_id, role, version),
        CHECK ((role = 'mentor') = (capacity IS NOT NULL)),
        CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
        CHECK ((erased_at IS NULL) = (user_id IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX enrollments_one_active ON enrollments (program_id, user_id, role) WHERE status = 'active'`,
    );
    await queryRunner.query('CREATE INDEX enrollments_program ON enrollments (program_id, id)');
    await queryRunner.query('CREATE INDEX enrollments_user ON enrollments (user_id) WHERE user_id IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE goals (
        id                uuid PRIMARY KEY,
        network_id        uuid NOT NULL,
        program_id        uuid NOT NULL REFERENCES programs (id),
        enrollment_id     uuid NOT NULL REFERENCES enrollments (id),
        user_id           uuid,
        role              text NOT NULL CHECK (role IN ('mentor', 'mentee')),
        title             text,
        objective         text NOT NULL CHECK (objective IN ('job_search', 'networking', 'skills')),
        metric            text NOT NULL,
        baseline_value    double precision NOT NULL,
        target_value      double precision NOT NULL CHECK (target_value > baseline_value),
        due_on            date NOT NULL,
        status            text NOT NULL CHECK (status IN ('in_progress', 'achieved', 'abandoned')),
        value_reached     double precision,
        reached_on        date,
        progress_percent  int NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
        version           int NOT NULL DEFAULT 1,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CHECK ((title IS NULL) = (user_id IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX goals_enrollment ON goals (enrollment_id, id)');
    await queryRunner.query('CREATE INDEX goals_user ON goals (user_id) WHERE user_id IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE goals');
    await queryRunner.query('DROP TABLE enrollments');
    await queryRunner.query('DROP TABLE survey_templates');
  }
}
