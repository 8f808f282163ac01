import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts of the declined-reschedule at-risk rule (issue 7, pair health):
 * each session's latest move (when, by whom, and the version that orders
 * moves) and who cancelled it; and the rule's per-programme threshold (NULL:
 * the deployment's default, AT_RISK_DECLINED_RESCHEDULES). Sessions projected
 * before this migration get their moves and cancellers from a rebuild.
 */
export class EvaluationDeclinedReschedules1764900000010 implements MigrationInterface {
  name = 'EvaluationDeclinedReschedules1764900000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE p_sessions
        ADD COLUMN rescheduled_at      timestamptz,
        ADD COLUMN rescheduled_by      uuid,
        ADD COLUMN rescheduled_version text,
        ADD COLUMN cancelled_by        uuid`);
    await queryRunner.query(`
      ALTER TABLE program_risk_rules
        ADD COLUMN declined_reschedule_threshold integer CHECK (declined_reschedule_threshold BETWEEN 1 AND 50)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE program_risk_rules DROP COLUMN declined_reschedule_threshold`);
    await queryRunner.query(`
      ALTER TABLE p_sessions
        DROP COLUMN cancelled_by,
        DROP COLUMN rescheduled_version,
        DROP COLUMN rescheduled_by,
        DROP COLUMN rescheduled_at`);
  }
}
