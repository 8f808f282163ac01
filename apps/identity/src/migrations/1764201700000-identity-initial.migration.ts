import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityInitial1764201700000 implements MigrationInterface {
  name = 'IdentityInitial1764201700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE networks (
        id          uuid PRIMARY KEY,
        name        text NOT NULL,
        slug        text NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE users (
        id            uuid PRIMARY KEY,
        network_id    uuid NOT NULL REFERENCES networks(id),
        email         text NOT NULL,
        display_name  text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (network_id, email)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE users');
    await queryRunner.query('DROP TABLE networks');
  }
}
