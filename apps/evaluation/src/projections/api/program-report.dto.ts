import { ApiProperty } from '@nestjs/swagger';

const RISK_CODES = ['cadence_slipped', 'no_first_session', 'repeated_no_show', 'low_satisfaction', 'reschedule_declined'];

export class RiskReasonView {
  @ApiProperty({ enum: RISK_CODES }) code: string;
  @ApiProperty({ description: 'Days for the cadence rules, a count for no-shows and declined reschedules, a mean rating for satisfaction.' })
  observed: number;
  @ApiProperty() threshold: number;
}

class RiskRulesSettings {
  @ApiProperty({ description: "At risk with no session for more than this many times the programme's cadence." }) cadenceFactor: number;
  @ApiProperty({ description: 'At risk from this many no-shows.' }) noShowThreshold: number;
  @ApiProperty({ description: 'At risk when the mean session rating is at or below this…' }) lowRating: number;
  @ApiProperty({ description: '…once at least this many ratings exist.' }) minRatings: number;
  @ApiProperty({ description: "At risk from this many declined reschedules since the pair's last held session." }) declinedRescheduleThreshold: number;
  @ApiProperty({ description: "false when the deployment's defaults apply." }) custom: boolean;
}

export class RiskRulesView extends RiskRulesSettings {
  @ApiProperty({ format: 'uuid' }) programId: string;
}

class FreshnessView {
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Event time of the latest event of this programme applied.' })
  lastEventTime: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAppliedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: "Seconds from that event's time to its effect in the projection." })
  lagSeconds: number | null;
}

class WeekFiguresView {
  @ApiProperty({ format: 'date-time', description: 'Monday 00:00 UTC of the week.' }) weekStart: string;
  @ApiProperty() enrolments: number;
  @ApiProperty() matchesAccepted: number;
  @ApiProperty() sessionsHeld: number;
  @ApiProperty() noShows: number;
  @ApiProperty() messagesSent: number;
  @ApiProperty() feedbackResponses: number;
  @ApiProperty({ nullable: true, type: Number }) averageSessionRating: number | null;
  @ApiProperty() cumulativeMatchedMentees: number;
}

class PairHealthView {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ format: 'uuid' }) menteeId: string;
  @ApiProperty({ format: 'date-time' }) acceptedAt: string;
  @ApiProperty() active: boolean;
  @ApiProperty() atRisk: boolean;
  @ApiProperty({ enum: ['warning', 'critical'], nullable: true, type: String }) severity: string | null;
  @ApiProperty({ type: [RiskReasonView] }) reasons: RiskReasonView[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastSessionAt: string | null;
  @ApiProperty() sessionsHeld: number;
  @ApiProperty({ nullable: true, type: Number }) averageRating: number | null;
}

export class ProgramReportResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty({ format: 'date-time', description: 'The instant time-dependent figures are computed at.' }) asOf: string;
  @ApiProperty({ description: 'The projection generation the report was read from (see docs/operations.md on rebuilds).' }) generation: number;
  @ApiProperty({ type: FreshnessView }) freshness: FreshnessView;
  @ApiProperty({ type: RiskRulesSettings }) riskRules: RiskRulesSettings;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: true },
    description:
      'Figures by section (participation, engagement, quality, outcomes, support, pairHealth): a number, null when its denominator is 0, ' +
      'or a nested group of them; `definitions` says what each counts, keyed `section.figure`.',
  })
  kpis: Record<string, Record<string, unknown>>;
  @ApiProperty({ type: [WeekFiguresView] }) weekly: WeekFiguresView[];
  @ApiProperty({ type: [PairHealthView] }) pairs: PairHealthView[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'What each figure of `kpis` counts, over which period.' })
  definitions: Record<string, string>;
}

export class GenerationStatusResponse {
  @ApiProperty() generation: number;
  @ApiProperty({ enum: ['live', 'building', 'retired', 'failed'] }) state: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty() eventsReplayed: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why a failed generation failed.' }) error: string | null;
}
