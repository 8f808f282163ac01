import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-network taxonomies (issue "Intake", item 2). The CHECKs restate the
 * domain rules (taxonomies/domain/taxonomy-term.ts); labels are unique per
 * taxonomy regardless of case, so one thing has one id and matching compares
 * like with like. `taxonomy_seeds` records which version of the defaults a
 * network has received, so they are seeded once, on first access.
 */
export class IntakeTaxonomies1764500000000 implements MigrationInterface {
  name = 'IntakeTaxonomies1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE taxonomy_terms (
        network_id  uuid NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('skills', 'industries', 'interests', 'languages')),
        id          text NOT NULL CHECK (char_length(id) <= 64 AND id ~ '^[a-z0-9]+([-_][a-z0-9]+)*$'),
        label       text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 100 AND label = btrim(label)),
        retired_at  timestamptz,
        is_default  boolean NOT NULL,
        created_by  uuid, -- the organizer who added a term; null for defaults and once that person erased their account
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (network_id, kind, id),
        CHECK (kind <> 'languages' OR id ~ '^[a-z]{2}$')
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX taxonomy_terms_label ON taxonomy_terms (network_id, kind, lower(label))');
    await queryRunner.query(`
      CREATE TABLE taxonomy_seeds (
        network_id        uuid PRIMARY KEY,
        defaults_version  int NOT NULL CHECK (defaults_version >= 1),
        seeded_at         timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE taxonomy_seeds');
    await queryRunner.query('DROP TABLE taxonomy_terms');
  }
}
