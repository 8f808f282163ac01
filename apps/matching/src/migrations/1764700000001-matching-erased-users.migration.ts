import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who erased their account, by id only: `user.erased` and `enrollment.*` come
 * on different topics in any order, so an enrolment arriving after the erasure
 * must find that the person is gone and stay anonymous.
 */
export class MatchingErasedUsers1764700000001 implements MigrationInterface {
  name = 'MatchingErasedUsers1764700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE erased_users (
        user_id     uuid PRIMARY KEY,
        network_id  uuid NOT NULL,
        erased_at   timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE erased_users');
  }
}
