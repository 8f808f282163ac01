import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cohort's shared spaces (issue 6, items 4–6 and 8): communication's copy
 * of programmes and enrolments, forums, gatherings, resources and training.
 *
 * The copies carry no foreign key to each other, nor do the contexts to the
 * copies: intake's programme and enrolment events and identity's erasures come
 * on different topics, in any order (PRODUCT.md, Events: Order). Foreign keys
 * stay within one aggregate (a post to its thread, a registration to its
 * gathering). The CHECKs restate the rules so no path stores an incoherent row;
 * erased rows keep no person id and no text.
 */
export class CommunicationCohort1764810000000 implements MigrationInterface {
  name = 'CommunicationCohort1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cohort_programs (
        id          uuid PRIMARY KEY,
        network_id  uuid NOT NULL,
        name        text NOT NULL,
        starts_on   date NOT NULL,
        ends_on     date NOT NULL,
        status      text NOT NULL CHECK (status IN ('published', 'closed')),
        closed_at   timestamptz,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE cohort_members (
        enrollment_id  uuid PRIMARY KEY,
        network_id     uuid NOT NULL,
        program_id     uuid NOT NULL,
        user_id        uuid,
        role           text NOT NULL CHECK (role IN ('mentor', 'mentee')),
        status         text NOT NULL CHECK (status IN ('active', 'withdrawn', 'erased')),
        enrolled_at    timestamptz NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'erased') = (user_id IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX cohort_members_active ON cohort_members (program_id, user_id) WHERE status = 'active'`);
    await queryRunner.query('CREATE INDEX cohort_members_user ON cohort_members (user_id) WHERE user_id IS NOT NULL');
    // An erasure may overtake the enrolment it concerns (another topic): the bare id keeps a late enrolment anonymous.
    await queryRunner.query(`
      CREATE TABLE cohort_erased_users (
        user_id     uuid PRIMARY KEY,
        network_id  uuid NOT NULL,
        erased_at   timestamptz NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE forum_threads (
        id            uuid PRIMARY KEY,
        network_id    uuid NOT NULL,
        program_id    uuid NOT NULL,
        author_id     uuid,
        title         text CHECK (char_length(title) BETWEEN 1 AND 200),
        body          text CHECK (char_length(body) BETWEEN 1 AND 20000),
        created_at    timestamptz NOT NULL,
        last_post_at  timestamptz NOT NULL,
        locked_at     timestamptz,
        locked_by     uuid,
        hidden_at     timestamptz,
        hidden_by     uuid,
        erased_at     timestamptz,
        CHECK ((erased_at IS NULL) = (author_id IS NOT NULL)),
        CHECK ((erased_at IS NULL) = (title IS NOT NULL)),
        CHECK ((erased_at IS NULL) = (body IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX forum_threads_program ON forum_threads (program_id, id)');
    await queryRunner.query('CREATE INDEX forum_threads_author ON forum_threads (author_id) WHERE author_id IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE forum_posts (
        id          uuid PRIMARY KEY,
        thread_id   uuid NOT NULL REFERENCES forum_threads (id),
        network_id  uuid NOT NULL,
        program_id  uuid NOT NULL,
        author_id   uuid,
        body        text CHECK (char_length(body) BETWEEN 1 AND 20000),
        created_at  timestamptz NOT NULL,
        hidden_at   timestamptz,
        hidden_by   uuid,
        erased_at   timestamptz,
        CHECK ((erased_at IS NULL) = (author_id IS NOT NULL)),
        CHECK ((erased_at IS NULL) = (body IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX forum_posts_thread ON forum_posts (thread_id, id)');
    await queryRunner.query('CREATE INDEX forum_posts_author ON forum_posts (author_id) WHERE author_id IS NOT NULL');

    await queryRunner.query(`
      CREATE TABLE gatherings (
        id                uuid PRIMARY KEY,
        network_id        uuid NOT NULL,
        program_id        uuid NOT NULL,
        kind              text NOT NULL CHECK (kind IN ('webinar', 'networking_event')),
        title             text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description       text NOT NULL DEFAULT '',
        starts_at         timestamptz NOT NULL,
        duration_minutes  int NOT NULL CHECK (duration_minutes BETWEEN 15 AND 720),
        capacity          int NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        online_url        text CHECK (online_url LIKE 'https://%'),
        place             text CHECK (char_length(place) BETWEEN 1 AND 500),
        status            text NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
        created_by        uuid,
        created_at        timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL,
        cancelled_at      timestamptz,
        cancel_reason     text,
        CHECK ((online_url IS NULL) <> (place IS NULL)),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX gatherings_program ON gatherings (program_id, starts_at, id)');
    await queryRunner.query(`
      CREATE TABLE gathering_registrations (
        id                      uuid PRIMARY KEY,
        gathering_id            uuid NOT NULL REFERENCES gatherings (id),
        network_id              uuid NOT NULL,
        program_id              uuid NOT NULL,
        user_id                 uuid,
        status                  text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        registered_at           timestamptz NOT NULL,
        confirmed_at            timestamptz,
        cancelled_at            timestamptz,
        cancel_reason           text CHECK (cancel_reason IN ('participant_cancelled', 'participant_withdrew', 'gathering_cancelled', 'participant_erased')),
        attendance_recorded_at  timestamptz,
        attendance_recorded_by  uuid,
        erased_at               timestamptz,
        CHECK ((erased_at IS NULL) = (user_id IS NOT NULL)),
        CHECK (status <> 'confirmed' OR confirmed_at IS NOT NULL),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
        CHECK (attendance_recorded_at IS NULL OR status = 'confirmed')
      )`);
    // One open registration per person and gathering: two parallel requests of one person cannot take two places.
    await queryRunner.query(
      `CREATE UNIQUE INDEX gathering_registrations_one_open ON gathering_registrations (gathering_id, user_id) WHERE status IN ('confirmed', 'waitlisted')`,
    );
    await queryRunner.query('CREATE INDEX gathering_registrations_gathering ON gathering_registrations (gathering_id, status, id)');
    await queryRunner.query('CREATE INDEX gathering_registrations_user ON gathering_registrations (user_id) WHERE user_id IS NOT NULL');

    await queryRunner.query(`
      CREATE TABLE resources (
        id            uuid PRIMARY KEY,
        network_id    uuid NOT NULL,
        program_id    uuid NOT NULL,
        kind          text NOT NULL CHECK (kind IN ('training_module', 'guide', 'webinar_recording', 'tool_howto')),
        audience      text NOT NULL CHECK (audience IN ('mentor', 'mentee', 'all')),
        title         text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description   text NOT NULL DEFAULT '',
        url           text CHECK (url LIKE 'https://%'),
        body          text CHECK (char_length(body) BETWEEN 1 AND 50000),
        status        text NOT NULL CHECK (status IN ('published', 'archived')),
        published_by  uuid,
        published_at  timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL,
        archived_at   timestamptz,
        CHECK ((url IS NULL) <> (body IS NULL)),
        CHECK (kind <> 'webinar_recording' OR url IS NOT NULL),
        CHECK ((status = 'archived') = (archived_at IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX resources_program ON resources (program_id, id)');
    await queryRunner.query(`
      CREATE TABLE resource_completions (
        id            uuid PRIMARY KEY,
        resource_id   uuid NOT NULL REFERENCES resources (id),
        network_id    uuid NOT NULL,
        program_id    uuid NOT NULL,
        user_id       uuid,
        role          text NOT NULL CHECK (role IN ('mentor', 'mentee')),
        completed_at  timestamptz NOT NULL,
        erased_at     timestamptz,
        CHECK ((erased_at IS NULL) = (user_id IS NOT NULL))
      )`);
    // Once per person and module; an erased person's completion stays, anonymous, for the statistics.
    await queryRunner.query(
      'CREATE UNIQUE INDEX resource_completions_once ON resource_completions (resource_id, user_id) WHERE user_id IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX resource_completions_resource ON resource_completions (resource_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'resource_completions',
      'resources',
      'gathering_registrations',
      'gatherings',
      'forum_posts',
      'forum_threads',
      'cohort_erased_users',
      'cohort_members',
      'cohort_programs',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
