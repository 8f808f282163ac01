import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projection facts, one row per aggregate and per generation. A generation is
 * one complete copy of the projection: the live one serves reads, a rebuild
 * fills the next one from the event log and swaps it in (issue 7, item 6).
 * Every column is set by one event type, either commutatively (LEAST,
 * COALESCE) or "latest version wins" (`*_version` = "<event time>|<event id>"),
 * so the rows converge whatever the arrival order (PRODUCT.md, Events: Order).
 */
export class EvaluationProjections1764900000000 implements MigrationInterface {
  name = 'EvaluationProjections1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_generations (
        generation      integer PRIMARY KEY,
        state           text NOT NULL CHECK (state IN ('live', 'building', 'retired', 'failed')),
        requested_by    uuid,
        started_at      timestamptz NOT NULL DEFAULT now(),
        heartbeat_at    timestamptz NOT NULL DEFAULT now(),
        finished_at     timestamptz,
        events_replayed bigint NOT NULL DEFAULT 0,
        error           text
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX projection_generations_one_live ON projection_generations (state) WHERE state = 'live'`);
    await queryRunner.query(`CREATE UNIQUE INDEX projection_generations_one_building ON projection_generations (state) WHERE state = 'building'`);
    await queryRunner.query(`INSERT INTO projection_generations (generation, state, finished_at) VALUES (1, 'live', now())`);

    await queryRunner.query(`
      CREATE TABLE p_programs (
        generation       integer NOT NULL,
        program_id       uuid NOT NULL,
        network_id       uuid NOT NULL,
        objectives       text[],
        starts_on        date,
        ends_on          date,
        cadence_days     integer,
        default_capacity integer,
        snapshot_version text,
        closed_at        timestamptz,
        PRIMARY KEY (generation, program_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE p_enrollments (
        generation       integer NOT NULL,
        enrollment_id    uuid NOT NULL,
        network_id       uuid NOT NULL,
        program_id       uuid NOT NULL,
        user_id          uuid NOT NULL,
        role             text NOT NULL,
        capacity         integer,
        capacity_version text,
        baseline         jsonb,
        baseline_version text,
        enrolled_at      timestamptz,
        withdrawn_at     timestamptz,
        PRIMARY KEY (generation, enrollment_id)
      )`);
    await queryRunner.query(`CREATE INDEX p_enrollments_program ON p_enrollments (generation, program_id)`);
    await queryRunner.query(`
      CREATE TABLE p_goals (
        generation       integer NOT NULL,
        goal_id          uuid NOT NULL,
        network_id       uuid NOT NULL,
        program_id       uuid NOT NULL,
        user_id          uuid NOT NULL,
        role             text NOT NULL,
        objective        text,
        metric           text NOT NULL,
        target_value     double precision,
        set_version      text,
        progress_percent integer,
        status           text,
        progress_version text,
        PRIMARY KEY (generation, goal_id)
      )`);
    await queryRunner.query(`CREATE INDEX p_goals_program ON p_goals (generation, program_id)`);
    await queryRunner.query(`
      CREATE TABLE p_matches (
        generation   integer NOT NULL,
        match_id     uuid NOT NULL,
        network_id   uuid NOT NULL,
        program_id   uuid NOT NULL,
        mentor_id    uuid NOT NULL,
        mentee_id    uuid NOT NULL,
        proposed_at  timestamptz,
        accepted_at  timestamptz,
        declined_at  timestamptz,
        ended_at     timestamptz,
        PRIMARY KEY (generation, match_id)
      )`);
    await queryRunner.query(`CREATE INDEX p_matches_program ON p_matches (generation, program_id)`);
    await queryRunner.query(`
      CREATE TABLE p_sessions (
        generation     integer NOT NULL,
        session_id     uuid NOT NULL,
        network_id     uuid NOT NULL,
        program_id     uuid NOT NULL,
        match_id       uuid NOT NULL,
        mentor_id      uuid NOT NULL,
        mentee_id      uuid NOT NULL,
        starts_at      timestamptz NOT NULL,
        starts_version text NOT NULL,
        completed_at   timestamptz,
        cancelled_at   timestamptz,
        no_show_at     timestamptz,
        PRIMARY KEY (generation, session_id)
      )`);
    await queryRunner.query(`CREATE INDEX p_sessions_program ON p_sessions (generation, program_id)`);
    await queryRunner.query(`CREATE INDEX p_sessions_match ON p_sessions (generation, match_id)`);
    await queryRunner.query(`
      CREATE TABLE p_messages (
        generation  integer NOT NULL,
        message_id  uuid NOT NULL,
        network_id  uuid NOT NULL,
        program_id  uuid NOT NULL,
        match_id    uuid NOT NULL,
        sender_role text NOT NULL,
        sent_at     timestamptz NOT NULL,
        PRIMARY KEY (generation, message_id)
      )`);
    await queryRunner.query(`CREATE INDEX p_messages_program ON p_messages (generation, program_id)`);
    await queryRunner.query(`
      CREATE TABLE p_gathering_registrations (
        generation      integer NOT NULL,
        registration_id uuid NOT NULL,
        network_id      uuid NOT NULL,
        program_id      uuid NOT NULL,
        gathering_id    uuid NOT NULL,
        user_id         uuid NOT NULL,
        registered_at   timestamptz,
        cancelled_at    timestamptz,
        attended_at     timestamptz,
        PRIMARY KEY (generation, registration_id)
      )`);
    await queryRunner.query(`CREATE INDEX p_gathering_registrations_program ON p_gathering_registrations (generation, program_id)`);
    await queryRunner.query(`
      CREATE TABLE p_resources (
        generation   integer NOT NULL,
        resource_id  uuid NOT NULL,
        network_id   uuid NOT NULL,
        program_id   uuid NOT NULL,
        kind         text NOT NULL,
        audience     text NOT NULL,
        PRIMARY KEY (generation, resource_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE p_resource_completions (
        generation   integer NOT NULL,
        resource_id  uuid NOT NULL,
        user_id      uuid NOT NULL,
        network_id   uuid NOT NULL,
        program_id   uuid NOT NULL,
        role         text NOT NULL,
        completed_at timestamptz NOT NULL,
        PRIMARY KEY (generation, resource_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX p_resource_completions_program ON p_resource_completions (generation, program_id)`);
    await queryRunner.query(`
      CREATE TABLE p_feedback (
        generation      integer NOT NULL,
        feedback_id     uuid NOT NULL,
        network_id      uuid NOT NULL,
        program_id      uuid NOT NULL,
        match_id        uuid,
        session_id      uuid,
        respondent_id   uuid NOT NULL,
        respondent_role text NOT NULL,
        form            text NOT NULL,
        satisfaction    integer NOT NULL,
        nps             integer,
        scales          jsonb,
        outcomes        jsonb,
        submitted_at    timestamptz NOT NULL,
        PRIMARY KEY (generation, feedback_id)
      )`);
    await queryRunner.query(`CREATE INDEX p_feedback_program ON p_feedback (generation, program_id)`);
    await queryRunner.query(`
      CREATE TABLE p_nudges (
        generation  integer NOT NULL,
        nudge_id    uuid NOT NULL,
        network_id  uuid NOT NULL,
        program_id  uuid NOT NULL,
        reason      text NOT NULL,
        sent_at     timestamptz NOT NULL,
        PRIMARY KEY (generation, nudge_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE p_rounds (
        generation    integer NOT NULL,
        round_id      uuid NOT NULL,
        network_id    uuid NOT NULL,
        program_id    uuid NOT NULL,
        matched_count integer NOT NULL,
        completed_at  timestamptz NOT NULL,
        PRIMARY KEY (generation, round_id)
      )`);

    // Freshness (issue 7, item 7): the live consumer's lag per programme, outside generations (a replay is not "fresh").
    await queryRunner.query(`
      CREATE TABLE projection_freshness (
        program_id   uuid PRIMARY KEY,
        network_id   uuid NOT NULL,
        event_time   timestamptz NOT NULL,
        applied_at   timestamptz NOT NULL,
        lag_ms       bigint NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'projection_freshness',
      'p_rounds',
      'p_nudges',
      'p_feedback',
      'p_resource_completions',
      'p_resources',
      'p_gathering_registrations',
      'p_messages',
      'p_sessions',
      'p_matches',
      'p_goals',
      'p_enrollments',
      'p_programs',
      'projection_generations',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
