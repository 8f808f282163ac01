import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Feedback answers (evaluation owns them), alerts and the durable at-risk sweep's work list. */
export class EvaluationFeedbackAlerts1764900000001 implements MigrationInterface {
  name = 'EvaluationFeedbackAlerts1764900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE feedback (
        feedback_id     uuid PRIMARY KEY,
        network_id      uuid NOT NULL,
        program_id      uuid NOT NULL,
        match_id        uuid,
        session_id      uuid,
        respondent_id   uuid NOT NULL,
        respondent_role text NOT NULL CHECK (respondent_role IN ('mentor', 'mentee')),
        form            text NOT NULL CHECK (form IN ('session', 'pulse', 'exit')),
        satisfaction    integer NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
        nps             integer CHECK (nps BETWEEN 0 AND 10),
        scales          jsonb,
        outcomes        jsonb,
        goal_progress   jsonb NOT NULL DEFAULT '[]',
        helped          text[] NOT NULL DEFAULT '{}',
        skills_gained   text[] NOT NULL DEFAULT '{}',
        comment         text,
        submitted_at    timestamptz NOT NULL
      )`);
    // Once per participant and session, once per participant and programme for the surveys (issue 7, item 1).
    await queryRunner.query(`CREATE UNIQUE INDEX feedback_once_per_session ON feedback (session_id, respondent_id) WHERE form = 'session'`);
    await queryRunner.query(`CREATE UNIQUE INDEX feedback_once_per_survey ON feedback (program_id, respondent_id, form) WHERE form <> 'session'`);
    await queryRunner.query(`CREATE INDEX feedback_respondent ON feedback (respondent_id)`);

    await queryRunner.query(`
      CREATE TABLE alerts (
        alert_id        uuid PRIMARY KEY,
        network_id      uuid NOT NULL,
        program_id      uuid NOT NULL,
        match_id        uuid NOT NULL,
        mentor_id       uuid NOT NULL,
        mentee_id       uuid NOT NULL,
        severity        text NOT NULL,
        reasons         jsonb NOT NULL,
        raised_at       timestamptz NOT NULL,
        resolved_at     timestamptz,
        resolution      text,
        acknowledged_at timestamptz,
        acknowledged_by uuid
      )`);
    // At most one open alert per pair: raising is "once" even with several replicas.
    await queryRunner.query(`CREATE UNIQUE INDEX alerts_one_open_per_pair ON alerts (match_id) WHERE resolved_at IS NULL`);
    await queryRunner.query(`CREATE INDEX alerts_network ON alerts (network_id, alert_id)`);

    await queryRunner.query(`
      CREATE TABLE pair_watch (
        match_id      uuid PRIMARY KEY,
        network_id    uuid NOT NULL,
        next_check_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX pair_watch_due ON pair_watch (next_check_at)`);

    await queryRunner.query(`
      CREATE TABLE program_risk_rules (
        program_id          uuid PRIMARY KEY,
        network_id          uuid NOT NULL,
        cadence_factor      double precision NOT NULL,
        no_show_threshold   integer NOT NULL,
        low_rating          double precision NOT NULL,
        min_ratings         integer NOT NULL,
        updated_by          uuid NOT NULL,
        updated_at          timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['program_risk_rules', 'pair_watch', 'alerts', 'feedback']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
