import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import type { EntityManager } from 'typeorm';
import type { EvaluationConfig } from '../../config';
import type { RiskRules } from '../domain/pair-health';

/** The at-risk rules of a programme: its organizers' settings, else the deployment's defaults (issue 7: "rules configurable per programme"). */
@Injectable()
export class RiskRulesRepository {
  constructor(@Inject(APP_CONFIG) private readonly config: EvaluationConfig) {}

  get defaults(): RiskRules {
    return {
      cadenceFactor: this.config.atRiskCadenceFactor,
      noShowThreshold: this.config.atRiskNoShows,
      lowRating: Number(this.config.atRiskLowRating),
      minRatings: this.config.atRiskMinRatings,
      declinedRescheduleThreshold: this.config.atRiskDeclinedReschedules,
    };
  }

  async rulesFor(manager: EntityManager, programId: string): Promise<RiskRules & { readonly custom: boolean }> {
    const [row] = (await manager.query(
      'SELECT cadence_factor, no_show_threshold, low_rating, min_ratings, declined_reschedule_threshold FROM program_risk_rules WHERE program_id = $1',
      [programId],
    )) as RiskRulesRow[];
    return this.fromRow(row);
  }

  /** The rules a `program_risk_rules` row (or its `to_jsonb`) says, or the defaults without one. */
  fromRow(row: RiskRulesRow | null | undefined): RiskRules & { readonly custom: boolean } {
    if (!row) return { ...this.defaults, custom: false };
    return {
      cadenceFactor: row.cadence_factor,
      noShowThreshold: row.no_show_threshold,
      lowRating: row.low_rating,
      minRatings: row.min_ratings,
      // Rules set before this rule existed keep the deployment's default for it.
      declinedRescheduleThreshold: row.declined_reschedule_threshold ?? this.defaults.declinedRescheduleThreshold,
      custom: true,
    };
  }
}

export interface RiskRulesRow {
  readonly cadence_factor: number;
  readonly no_show_threshold: number;
  readonly low_rating: number;
  readonly min_ratings: number;
  readonly declined_reschedule_threshold: number | null;
}
