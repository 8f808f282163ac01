import { type ConfigOf, defineConfig, platformConfigSchema } from '@passerelle/platform/config';

/** Every variable evaluation reads (ARCHITECTURE.md rule 6). */
export const evaluationConfigSchema = defineConfig({
  ...platformConfigSchema('evaluation', 3005),
  alertSweepIntervalMs: {
    env: 'ALERT_SWEEP_INTERVAL_MS',
    type: 'int',
    min: 50,
    max: 3_600_000,
    default: 60_000,
    description: 'how often each replica looks for pairs due for an at-risk check (raises and resolves alerts)',
  },
  pairRecheckIntervalMs: {
    env: 'PAIR_RECHECK_INTERVAL_MS',
    type: 'int',
    min: 50,
    max: 86_400_000,
    default: 3_600_000,
    description: 'how long after a check an active pair is judged again with no new event (cadence slips as time passes)',
  },
  atRiskCadenceFactor: {
    env: 'AT_RISK_CADENCE_FACTOR',
    type: 'int',
    min: 1,
    max: 10,
    default: 2,
    description: 'default rule: a pair is at risk with no session for more than this many times the programme cadence',
  },
  atRiskNoShows: {
    env: 'AT_RISK_NO_SHOWS',
    type: 'int',
    min: 1,
    max: 50,
    default: 2,
    description: 'default rule: a pair is at risk from this many no-shows',
  },
  atRiskLowRating: {
    env: 'AT_RISK_LOW_RATING',
    type: 'string',
    pattern: /^[1-5](?:\.\d{1,2})?$/,
    default: '2.5',
    description: 'default rule: a pair is at risk when its mean session rating is at or below this (1–5)…',
  },
  atRiskMinRatings: {
    env: 'AT_RISK_MIN_RATINGS',
    type: 'int',
    min: 1,
    max: 50,
    default: 2,
    description: '…once it has at least this many ratings',
  },
  atRiskDeclinedReschedules: {
    env: 'AT_RISK_DECLINED_RESCHEDULES',
    type: 'int',
    min: 1,
    max: 50,
    default: 2,
    description:
      'default rule: a pair is at risk from this many declined reschedules (a moved session the other participant cancelled instead of confirming) since its last held session',
  },
  participantRatingMinRaters: {
    env: 'PARTICIPANT_RATING_MIN_RATERS',
    type: 'int',
    min: 2,
    max: 100,
    default: 5,
    description:
      "how many distinct people must have rated a participant before that participant sees an average of their ratings; the average then moves only once that many more have rated (docs/privacy.md)",
  },
  exitSurveyOpensDaysBeforeEnd: {
    env: 'EXIT_SURVEY_OPENS_DAYS_BEFORE_END',
    type: 'int',
    min: 0,
    max: 365,
    default: 14,
    description: "days before a programme's end date from which its exit survey may be answered (earlier once the participant's match ended or the programme closed)",
  },
});

export type EvaluationConfig = ConfigOf<typeof evaluationConfigSchema>;
