import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions of a pair (issue 6, item 2) and the mails announcing them.
 *
 * A session repeats its pair's ids (as its events do) so a participant's
 * calendar is one indexed query, whichever pair the session belongs to.
 * `mail_deliveries` is an outbox for mail: rows are written in the
 * transaction of the change they announce and a sender hands them to SMTP.
 */
export class CommunicationSessions1764820000000 implements MigrationInterface {
  name = 'CommunicationSessions1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sessions (
        id                       uuid PRIMARY KEY,
        network_id               uuid NOT NULL,
        program_id               uuid NOT NULL,
        match_id                 uuid NOT NULL,
        mentor_id                uuid,
        mentee_id                uuid,
        status                   text NOT NULL CHECK (status IN ('proposed', 'confirmed', 'completed', 'cancelled', 'no_show')),
        starts_at                timestamptz NOT NULL,
        duration_minutes         int NOT NULL CHECK (duration_minutes BETWEEN 15 AND 240),
        mode                     text NOT NULL CHECK (mode IN ('video', 'phone', 'in_person')),
        time_zone                text NOT NULL,
        agenda                   text CHECK (char_length(agenda) <= 2000),
        location                 text CHECK (char_length(location) <= 500),
        meeting_url              text,
        created_by               uuid NOT NULL,
        proposed_by              uuid NOT NULL,
        sequence                 int NOT NULL DEFAULT 0,
        created_at               timestamptz NOT NULL,
        scheduled_at             timestamptz,
        cancelled_by             uuid,
        cancel_reason            text CHECK (char_length(cancel_reason) <= 500),
        actual_duration_minutes  int,
        absent_role              text CHECK (absent_role IN ('mentor', 'mentee', 'both')),
        closed_at                timestamptz,
        updated_at               timestamptz NOT NULL,
        CHECK ((mode = 'video') = (meeting_url IS NOT NULL)),
        CHECK ((status = 'completed') = (actual_duration_minutes IS NOT NULL)),
        CHECK ((status = 'no_show') = (absent_role IS NOT NULL)),
        CHECK ((status IN ('proposed', 'confirmed')) = (closed_at IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX sessions_match ON sessions (match_id, starts_at)');
    await queryRunner.query(`CREATE INDEX sessions_mentor_confirmed ON sessions (mentor_id, starts_at) WHERE status = 'confirmed'`);
    await queryRunner.query(`CREATE INDEX sessions_mentee_confirmed ON sessions (mentee_id, starts_at) WHERE status = 'confirmed'`);

    await queryRunner.query(`
      CREATE TABLE mail_deliveries (
        id               uuid PRIMARY KEY,
        network_id       uuid NOT NULL,
        recipient_id     uuid NOT NULL,
        to_address       text NOT NULL,
        template         text NOT NULL,
        subject          text NOT NULL,
        text_body        text NOT NULL,
        calendar         text,
        calendar_method  text CHECK (calendar_method IN ('REQUEST', 'CANCEL')),
        session_id       uuid,
        status           text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts         int NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL,
        last_error       text,
        created_at       timestamptz NOT NULL,
        sent_at          timestamptz,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX mail_deliveries_due ON mail_deliveries (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE mail_deliveries');
    await queryRunner.query('DROP TABLE sessions');
  }
}
