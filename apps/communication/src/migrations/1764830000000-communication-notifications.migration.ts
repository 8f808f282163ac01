import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications and reminders (issue 6, items 3 and 7).
 *
 * - `notifications`: the in-app list, written in the recipient's language.
 * - `notification_preferences`: per person, the language override, the
 *   non-essential mail categories they turned off, and the unguessable token
 *   of their one-click unsubscribe link.
 * - `nudges`: every reminder sent. The scheduler's state lives on the rows
 *   it is about (`sessions.reminded_at`, `pairs.cadence_nudged_at`),
 *   claimed with `FOR UPDATE SKIP LOCKED`.
 * - `pair_alerts`: evaluation's alerts as communication acted on them.
 * - The directory learns roles (organizers are told of alerts) and the
 *   programme copy its cadence.
 */
export class CommunicationNotifications1764830000000 implements MigrationInterface {
  name = 'CommunicationNotifications1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE directory_entries ADD COLUMN roles text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX directory_entries_organizers ON directory_entries (network_id) WHERE 'organizer' = ANY (roles)`);
    await queryRunner.query('ALTER TABLE cohort_programs ADD COLUMN cadence_days int CHECK (cadence_days BETWEEN 1 AND 365)');
    await queryRunner.query('ALTER TABLE pairs ADD COLUMN cadence_nudged_at timestamptz');
    await queryRunner.query('ALTER TABLE sessions ADD COLUMN reminded_at timestamptz');
    await queryRunner.query(`CREATE INDEX sessions_reminder_due ON sessions (starts_at) WHERE status = 'confirmed' AND reminded_at IS NULL`);
    await queryRunner.query('ALTER TABLE mail_deliveries ADD COLUMN unsubscribe_url text');

    await queryRunner.query(`
      CREATE TABLE notifications (
        id            uuid PRIMARY KEY,
        network_id    uuid NOT NULL,
        recipient_id  uuid NOT NULL,
        template      text NOT NULL,
        title         text NOT NULL,
        body          text NOT NULL,
        data          jsonb NOT NULL DEFAULT '{}',
        created_at    timestamptz NOT NULL,
        read_at       timestamptz
      )`);
    await queryRunner.query('CREATE INDEX notifications_recipient ON notifications (recipient_id, created_at DESC, id DESC)');

    await queryRunner.query(`
      CREATE TABLE notification_preferences (
        user_id            uuid PRIMARY KEY,
        network_id         uuid NOT NULL,
        language           text CHECK (language IN ('fr', 'en')),
        muted_categories   text[] NOT NULL DEFAULT '{}',
        unsubscribe_token  text NOT NULL UNIQUE,
        updated_at         timestamptz NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE nudges (
        id            uuid PRIMARY KEY,
        network_id    uuid NOT NULL,
        program_id    uuid NOT NULL,
        match_id      uuid,
        session_id    uuid,
        alert_id      uuid,
        recipient_id  uuid NOT NULL,
        reason        text NOT NULL,
        mailed        boolean NOT NULL,
        sent_at       timestamptz NOT NULL
      )`);
    // Sessions and pairs are claimed with their row locks; an alert has no row of its own to lock before its first nudge, so this guards it.
    await queryRunner.query('CREATE UNIQUE INDEX nudges_alert_once ON nudges (alert_id, recipient_id) WHERE alert_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX nudges_match ON nudges (match_id, sent_at)');

    await queryRunner.query(`
      CREATE TABLE pair_alerts (
        alert_id     uuid PRIMARY KEY,
        network_id   uuid NOT NULL,
        program_id   uuid NOT NULL,
        match_id     uuid NOT NULL,
        severity     text NOT NULL,
        reasons      jsonb NOT NULL,
        status       text NOT NULL CHECK (status IN ('open', 'resolved')),
        raised_at    timestamptz NOT NULL,
        resolved_at  timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE pair_alerts');
    await queryRunner.query('DROP TABLE nudges');
    await queryRunner.query('DROP TABLE notification_preferences');
    await queryRunner.query('DROP TABLE notifications');
    await queryRunner.query('ALTER TABLE mail_deliveries DROP COLUMN unsubscribe_url');
    await queryRunner.query('DROP INDEX sessions_reminder_due');
    await queryRunner.query('ALTER TABLE sessions DROP COLUMN reminded_at');
    await queryRunner.query('ALTER TABLE pairs DROP COLUMN cadence_nudged_at');
    await queryRunner.query('ALTER TABLE cohort_programs DROP COLUMN cadence_days');
    await queryRunner.query('DROP INDEX directory_entries_organizers');
    await queryRunner.query('ALTER TABLE directory_entries DROP COLUMN roles');
  }
}
