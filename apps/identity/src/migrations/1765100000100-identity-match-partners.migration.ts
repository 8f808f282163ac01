import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The pairs matching proposed (from its match events), so that each side may read the other's public profile. */
export class IdentityMatchPartners1765100000100 implements MigrationInterface {
  name = 'IdentityMatchPartners1765100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE match_partners (
        match_id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        mentor_id uuid NOT NULL,
        mentee_id uuid NOT NULL,
        state text NOT NULL CHECK (state IN ('proposed', 'active', 'declined', 'ended')),
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX match_partners_mentor ON match_partners (mentor_id, mentee_id)');
    await queryRunner.query('CREATE INDEX match_partners_mentee ON match_partners (mentee_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE match_partners');
  }
}
