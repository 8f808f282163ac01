import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNumber, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PROGRAM_ROLES, type ProgramRole } from '../../programs/domain/program';
import { PROGRAM_OBJECTIVES, type ProgramObjective } from '../../programs/domain/program';
import { GOAL_METRICS, SMART_CRITERIA, type SmartCriterion } from '../domain/smart-goal';
import { GOAL_STATUSES, type GoalStatus } from '../infrastructure/goal.entity';

const DATE_MESSAGE = { message: 'must be a calendar date (YYYY-MM-DD)' };
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_MESSAGE = { message: 'must be a finite number' };
const METRICS = GOAL_METRICS.map((metric) => `\`${metric.id}\` (${metric.objectives.join(', ')}; ${metric.min}–${metric.max} ${metric.unit})`).join(', ');

/**
 * Shapes only: whether the goal is specific, measurable, achievable, relevant
 * and time-bound is the SMART check's answer, criterion by criterion.
 */
export class SetGoalRequest {
  @ApiProperty({ example: 'Obtain three interviews for data analyst roles in banking', maxLength: 400, description: 'The outcome, concretely (the S of SMART).' })
  @IsString()
  @MaxLength(400)
  title: string;

  @ApiProperty({ enum: PROGRAM_OBJECTIVES, description: "One of the programme's objectives (the R)." })
  @IsIn(PROGRAM_OBJECTIVES, { message: `must be one of ${PROGRAM_OBJECTIVES.join(', ')}` })
  objective: string;

  // An unknown metric fails the SMART check's "measurable", which names every criterion at once.
  @ApiProperty({ example: 'interviews_obtained', maxLength: 64, description: `What is counted (the M): ${METRICS}.` })
  @IsString()
  @MaxLength(64)
  metric: string;

  @ApiProperty({ example: 3, description: 'The value that means done (the A: within the metric\'s bounds and pace).' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER_MESSAGE)
  targetValue: number;

  @ApiPropertyOptional({ example: 0, default: 0, description: 'Where you start; the target must be above it (required for 1–5 scale metrics).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER_MESSAGE)
  baselineValue?: number;

  @ApiProperty({ format: 'date', example: '2026-06-30', description: 'Within the programme (the T).' })
  @Matches(DATE_PATTERN, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  dueOn: string;
}

export class ReviseGoalRequest extends PartialType(SetGoalRequest) {}

export class GoalProgressRequest {
  @ApiProperty({ example: 1, description: 'The value of the metric on `reachedOn`.' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER_MESSAGE)
  valueReached: number;

  @ApiProperty({ format: 'date', example: '2026-03-15', description: 'Not in the future, not before the last progress recorded.' })
  @Matches(DATE_PATTERN, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  reachedOn: string;
}

export class GoalResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ enum: PROGRAM_ROLES }) role: ProgramRole;
  @ApiProperty({ nullable: true, type: String, description: 'Removed when the participant erased their account.' }) title: string | null;
  @ApiProperty({ enum: PROGRAM_OBJECTIVES }) objective: ProgramObjective;
  @ApiProperty() metric: string;
  @ApiProperty() baselineValue: number;
  @ApiProperty() targetValue: number;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: GOAL_STATUSES }) status: GoalStatus;
  @ApiProperty({ nullable: true, type: Number }) valueReached: number | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) reachedOn: string | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) progressPercent: number;
  @ApiProperty() version: number;
}

/**
 * A draft goal to check while it is being written: every field is optional
 * and only its shape is checked here (a number, a calendar date), since a
 * missing or unsuitable value is the SMART check's to explain, criterion by
 * criterion.
 */
export class CheckGoalRequest {
  @ApiPropertyOptional({ maxLength: 400 })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  title?: string;

  @ApiPropertyOptional({ maxLength: 64, description: "One of the programme's objectives; anything else fails `relevant`." })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  objective?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'A metric id of `GET /v1/programs/{programId}/goal-metrics`.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  metric?: string;

  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER_MESSAGE)
  targetValue?: number;

  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER_MESSAGE)
  baselineValue?: number;

  @ApiPropertyOptional({ format: 'date', example: '2026-06-30', description: 'A date outside the programme fails `time_bound`.' })
  @IsOptional()
  @Matches(DATE_PATTERN, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  dueOn?: string;
}

export class CriterionResponse {
  @ApiProperty({ enum: SMART_CRITERIA }) criterion: SmartCriterion;
  @ApiProperty() passed: boolean;
  @ApiProperty({ description: 'The field to change when it fails; the field it chiefly reads when it passes.' }) path: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why it fails and what to do; null when it passes.' }) reason: string | null;
}

export class GoalCheckResponse {
  @ApiProperty({ description: 'True when every criterion passes: setting this goal would be accepted by the check.' }) smart: boolean;
  @ApiProperty({ type: [CriterionResponse], description: 'Always the five criteria, in SMART order.' }) criteria: CriterionResponse[];
}

export class GoalMetricResponse {
  @ApiProperty({ example: 'interviews_obtained' }) id: string;
  @ApiProperty({ example: 'Job interviews obtained' }) label: string;
  @ApiProperty({ example: 'interviews' }) unit: string;
  @ApiProperty({ enum: PROGRAM_OBJECTIVES, isArray: true, description: 'The objectives it is evidence for (of this programme).' }) objectives: ProgramObjective[];
  @ApiProperty({ enum: ['count', 'scale'], description: 'scale: a level whose starting point must be stated.' }) kind: 'count' | 'scale';
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty() integer: boolean;
}

export class GoalMetricListResponse {
  @ApiProperty({ type: [GoalMetricResponse], description: "The metrics serving at least one of the programme's objectives." }) items: GoalMetricResponse[];
}
