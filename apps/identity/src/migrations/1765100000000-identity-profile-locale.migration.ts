import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language a person reads the application and its mails in; null until they choose one. */
export class IdentityProfileLocale1765100000000 implements MigrationInterface {
  name = 'IdentityProfileLocale1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE profiles ADD COLUMN locale text CHECK (locale IN ('fr', 'en'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE profiles DROP COLUMN locale');
  }
}
