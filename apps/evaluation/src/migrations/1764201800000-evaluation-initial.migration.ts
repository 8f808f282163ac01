import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EvaluationInitial1764201800000 implements MigrationInterface {
  name = 'EvaluationInitial1764201800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE network_registrations (
        network_id        uuid PRIMARY KEY,
        registered_users  integer NOT NULL CHECK (registered_users >= 0),
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE network_registrations');
  }
}
