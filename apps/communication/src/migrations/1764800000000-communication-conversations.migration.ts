import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Communication's copy of recipients (from identity's `user.*`), the pairs of
 * accepted matches (from matching's `match.*`), and the private conversation
 * of each pair with its messages (issue 6, items 1 and 8). The CHECKs restate
 * the rules so no path stores an incoherent row: an erased recipient keeps no
 * address, an erased message keeps no text, an open conversation has both of
 * its people.
 */
export class CommunicationConversations1764800000000 implements MigrationInterface {
  name = 'CommunicationConversations1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_entries (
        user_id        uuid PRIMARY KEY,
        network_id     uuid NOT NULL,
        email          text,
        display_name   text,
        locale         text,
        status         text NOT NULL CHECK (status IN ('active', 'erased')),
        registered_at  timestamptz,
        updated_at     timestamptz NOT NULL,
        erased_at      timestamptz,
        CHECK ((status = 'erased') = (erased_at IS NOT NULL)),
        CHECK (status = 'active' OR (email IS NULL AND display_name IS NULL AND locale IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX directory_entries_network ON directory_entries (network_id)');
    await queryRunner.query(`
      CREATE TABLE pairs (
        match_id     uuid PRIMARY KEY,
        network_id   uuid NOT NULL,
        program_id   uuid NOT NULL,
        mentor_id    uuid,
        mentee_id    uuid,
        status       text NOT NULL CHECK (status IN ('active', 'ended')),
        accepted_at  timestamptz,
        ended_at     timestamptz,
        end_reason   text,
        updated_at   timestamptz NOT NULL,
        CHECK ((status = 'ended') = (ended_at IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX pairs_mentor ON pairs (mentor_id) WHERE mentor_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX pairs_mentee ON pairs (mentee_id) WHERE mentee_id IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE conversations (
        id                 uuid PRIMARY KEY,
        match_id           uuid NOT NULL UNIQUE REFERENCES pairs (match_id),
        network_id         uuid NOT NULL,
        program_id         uuid NOT NULL,
        mentor_id          uuid,
        mentee_id          uuid,
        status             text NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at          timestamptz NOT NULL,
        closed_at          timestamptz,
        closed_reason      text,
        last_message_id    uuid,
        last_message_at    timestamptz,
        mentor_read_up_to  uuid,
        mentor_read_at     timestamptz,
        mentee_read_up_to  uuid,
        mentee_read_at     timestamptz,
        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CHECK (status = 'closed' OR (mentor_id IS NOT NULL AND mentee_id IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX conversations_mentor ON conversations (mentor_id, id) WHERE mentor_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX conversations_mentee ON conversations (mentee_id, id) WHERE mentee_id IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE messages (
        id               uuid PRIMARY KEY,
        conversation_id  uuid NOT NULL REFERENCES conversations (id),
        network_id       uuid NOT NULL,
        sender_id        uuid,
        sender_role      text NOT NULL CHECK (sender_role IN ('mentor', 'mentee')),
        text             text CHECK (char_length(text) BETWEEN 1 AND 4000),
        length           int NOT NULL CHECK (length BETWEEN 1 AND 4000),
        sent_at          timestamptz NOT NULL,
        erased_at        timestamptz,
        CHECK ((text IS NULL) = (erased_at IS NOT NULL)),
        CHECK (erased_at IS NULL OR sender_id IS NULL)
      )`);
    await queryRunner.query('CREATE INDEX messages_conversation ON messages (conversation_id, id)');
    await queryRunner.query('CREATE INDEX messages_sender ON messages (sender_id) WHERE sender_id IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE messages');
    await queryRunner.query('DROP TABLE conversations');
    await queryRunner.query('DROP TABLE pairs');
    await queryRunner.query('DROP TABLE directory_entries');
  }
}
