/**
 * The metrics a SMART goal can be measured with (PRODUCT.md, lifecycle step 2:
 * "Mentees set goals that must pass the SMART check (specific, measurable,
 * achievable, relevant to an objective, time-bound within the programme)").
 * A closed catalogue rather than free text, so every goal names a metric the
 * evaluation projections can add up across participants. Pure data.
 */
import type { ProgramObjective } from '../../programs/domain/program';

/**
 * `count`: a tally that starts at 0 by default (applications, contacts...).
 * `scale`: a self-assessed level on [min, max]; the starting level must be
 * stated, since "reach level 4" says nothing without where one starts.
 */
export type GoalMetricKind = 'count' | 'scale';

export interface GoalMetric {
  /** snake_case tag, stored with the goal and carried by goal events. */
  readonly id: string;
  readonly label: string;
  /** Plural noun used in messages: "a whole number of interviews". */
  readonly unit: string;
  /** The programme objectives this metric is evidence for (rule "relevant"). */
  readonly objectives: readonly ProgramObjective[];
  /** Realistic bounds of a target within one programme (rule "achievable"). */
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly kind: GoalMetricKind;
  /**
   * The most progress a participant can plausibly make in 30 days, so a goal
   * cannot aim for the whole year's ceiling in a fortnight (rule "achievable").
   */
  readonly maxPerMonth: number;
}

type Bounds = Pick<GoalMetric, 'min' | 'max' | 'integer' | 'kind' | 'maxPerMonth'>;

function count(min: number, max: number, maxPerMonth: number): Bounds {
  return { min, max, integer: true, kind: 'count', maxPerMonth };
}

function scale(min: number, max: number, maxPerMonth: number): Bounds {
  return { min, max, integer: true, kind: 'scale', maxPerMonth };
}

// Bounds and paces are deliberately generous: the check is there to catch a
// typo or a wish ("50 job offers", "20 certifications by next week"), not to
// second-guess a participant whose mentor agreed on an ambitious target.
export const GOAL_METRICS: readonly GoalMetric[] = [
  { id: 'applications_sent', label: 'Job applications sent', unit: 'applications', objectives: ['job_search'], ...count(1, 100, 25) },
  { id: 'interviews_obtained', label: 'Job interviews obtained', unit: 'interviews', objectives: ['job_search'], ...count(1, 20, 5) },
  { id: 'job_offers_received', label: 'Job offers received', unit: 'offers', objectives: ['job_search'], ...count(1, 5, 2) },
  { id: 'cv_reviews', label: 'CV reviews completed', unit: 'CV reviews', objectives: ['job_search'], ...count(1, 5, 3) },
  // An informational interview is both a step towards a job and a new contact.
  {
    id: 'informational_interviews',
    label: 'Informational interviews held',
    unit: 'informational interviews',
    objectives: ['job_search', 'networking'],
    ...count(1, 20, 6),
  },
  { id: 'professional_contacts_made', label: 'Professional contacts made', unit: 'contacts', objectives: ['networking'], ...count(1, 50, 15) },
  { id: 'events_attended', label: 'Professional events attended', unit: 'events', objectives: ['networking'], ...count(1, 20, 5) },
  { id: 'alumni_introductions', label: 'Introductions to alumni obtained', unit: 'introductions', objectives: ['networking'], ...count(1, 20, 6) },
  // Same 1–5 scale as the baseline self-assessment of the intake survey; one level a month at most.
  { id: 'skill_level_reached', label: 'Level reached in the skill worked on (1–5)', unit: 'levels', objectives: ['skills'], ...scale(1, 5, 1) },
  { id: 'training_modules_completed', label: 'Training modules completed', unit: 'modules', objectives: ['skills'], ...count(1, 20, 6) },
  { id: 'portfolio_items_completed', label: 'Portfolio items completed', unit: 'portfolio items', objectives: ['skills'], ...count(1, 10, 3) },
  { id: 'certifications_obtained', label: 'Certifications obtained', unit: 'certifications', objectives: ['skills'], ...count(1, 3, 1) },
];

const BY_ID = new Map(GOAL_METRICS.map((metric) => [metric.id, metric]));

export function goalMetric(id: string): GoalMetric | undefined {
  return BY_ID.get(id);
}

/** The catalogue ids serving one objective, for "pick one of ..." messages. */
export function metricsServing(objective: ProgramObjective): string[] {
  return GOAL_METRICS.filter((metric) => metric.objectives.includes(objective)).map((metric) => metric.id);
}
