import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox and the idempotent inbox (PRODUCT.md, Events:
 * Delivery). `position` orders publication; `inbox` is keyed by consumer
 * group and event id so a redelivered event finds its earlier effect.
 */
export class PlatformTables1764201600000 implements MigrationInterface {
  name = 'PlatformTables1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        position      bigserial PRIMARY KEY,
        event_id      uuid NOT NULL UNIQUE,
        topic         text NOT NULL,
        message_key   text NOT NULL,
        event_type    text NOT NULL,
        network_id    uuid NOT NULL,
        headers       jsonb NOT NULL,
        payload       jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL',
    );
    await queryRunner.query('CREATE INDEX outbox_published_at_idx ON outbox (published_at)');
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer_group  text NOT NULL,
        event_id        uuid NOT NULL,
        event_type      text NOT NULL,
        topic           text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset    bigint NOT NULL,
        processed_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox');
    await queryRunner.query('DROP TABLE outbox');
  }
}
