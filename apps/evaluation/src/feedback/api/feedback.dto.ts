import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import type { FeedbackForm } from '../domain/feedback-window';

export const FEEDBACK_FORMS = ['session', 'pulse', 'exit'] as const;
/** What helped in a session: fixed options, so no free text travels beyond the comment. */
export const HELPED_OPTIONS = ['advice', 'introductions', 'cv_review', 'interview_practice', 'skills_practice', 'career_planning', 'encouragement', 'other'] as const;
const TAG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

const FORM_NAMES: Record<FeedbackForm, string> = { session: 'session feedback', pulse: 'the pulse survey', exit: 'the exit survey' };
const requiredFor = (forms: readonly FeedbackForm[]) =>
  `is required for ${forms.map((form) => FORM_NAMES[form]).join(' and ')}`.replace('the pulse survey and the exit survey', 'the pulse and exit surveys');

/** Required for some forms, optional otherwise, and when present, valid: one message either way (not one per failed rule). */
function ConditionalField(forms: readonly FeedbackForm[], valid: (value: unknown) => boolean, issue: string): PropertyDecorator {
  return ValidateBy({
    name: 'conditionalField',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        value === undefined ? !forms.includes((args?.object as { form?: FeedbackForm }).form as FeedbackForm) : valid(value),
      defaultMessage: (args?: ValidationArguments) => (args?.value === undefined ? requiredFor(forms) : issue),
    },
  });
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: unknown) => typeof value === 'string' && UUID.test(value);

const likert = (field: string) => [
  IsInt({ message: `${field} must be a whole number from 1 to 5` }),
  Min(1, { message: 'must be from 1 to 5' }),
  Max(5, { message: 'must be from 1 to 5' }),
];
const applyAll = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((decorator) => decorator(target, key));
const Likert = (field: string): PropertyDecorator => applyAll(IsDefined({ message: 'is required' }), ...likert(field));
const Count = (): PropertyDecorator =>
  applyAll(IsDefined({ message: 'is required' }), IsInt({ message: 'must be a whole number from 0 to 1000' }), Min(0, { message: 'must be from 0 to 1000' }), Max(1000, { message: 'must be from 0 to 1000' }));

export class ScalesAnswer {
  @ApiProperty({ minimum: 1, maximum: 5 }) @Likert('confidence') confidence: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @Likert('communication') communication: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @Likert('leadership') leadership: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @Likert('networkSize') networkSize: number;
}

export class OutcomesAnswer {
  @ApiProperty({ minimum: 0, maximum: 1000, description: 'New professional connections made since the programme started.' }) @Count() connectionsMade: number;
  @ApiProperty({ minimum: 0, maximum: 1000 }) @Count() interviews: number;
  @ApiProperty({ minimum: 0, maximum: 1000 }) @Count() offers: number;
}

export class GoalProgressAnswer {
  @ApiProperty({ format: 'uuid' })
  @IsDefined({ message: 'is required' })
  @IsUUID(undefined, { message: 'must be a UUID' })
  goalId: string;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'How far toward the goal the participant feels, after this session.' })
  @IsDefined({ message: 'is required' })
  @IsInt({ message: 'must be a whole number from 0 to 100' })
  @Min(0, { message: 'must be from 0 to 100' })
  @Max(100, { message: 'must be from 0 to 100' })
  progressPercent: number;
}

/** One body for the three forms; which fields are required depends on `form` (issue 7, item 1). */
export class SubmitFeedbackRequest {
  @ApiProperty({ enum: FEEDBACK_FORMS })
  @IsDefined({ message: 'is required' })
  @IsIn(FEEDBACK_FORMS, { message: `must be one of ${FEEDBACK_FORMS.join(', ')}` })
  form: FeedbackForm;

  @ApiPropertyOptional({ format: 'uuid', description: 'session: the session held.' })
  @ConditionalField(['session'], isUuid, 'must be a UUID')
  sessionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'pulse and exit: the programme.' })
  @ConditionalField(['pulse', 'exit'], isUuid, 'must be a UUID')
  programId?: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Rating of the session, or satisfaction with the programme (1 very dissatisfied … 5 very satisfied).' })
  @Likert('satisfaction')
  satisfaction: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10, description: 'pulse and exit (required): likelihood to recommend the programme.' })
  @ConditionalField(['pulse', 'exit'], (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10, 'must be a whole number from 0 to 10')
  nps?: number;

  @ApiPropertyOptional({ type: ScalesAnswer, description: "exit (required), pulse (optional): the baseline's four scales again." })
  @ValidateIf((body: SubmitFeedbackRequest) => body.form === 'exit' || body.scales !== undefined)
  @IsDefined({ message: requiredFor(['exit']) })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => ScalesAnswer)
  scales?: ScalesAnswer;

  @ApiPropertyOptional({ type: OutcomesAnswer, description: 'exit (required): outcomes since the programme started.' })
  @ValidateIf((body: SubmitFeedbackRequest) => body.form === 'exit' || body.outcomes !== undefined)
  @IsDefined({ message: requiredFor(['exit']) })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => OutcomesAnswer)
  outcomes?: OutcomesAnswer;

  @ApiPropertyOptional({ type: [String], description: 'exit: skills gained (taxonomy ids, at most 64 characters each).' })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(30, { message: 'holds at most 30 skills' })
  @MaxLength(64, { each: true, message: 'each skill must be at most 64 characters' })
  @Matches(TAG, { each: true, message: 'each skill must be a taxonomy id (lower case, digits, - or _)' })
  skillsGained?: string[];

  @ApiPropertyOptional({ type: [GoalProgressAnswer], description: 'session: progress toward each of your goals.' })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(20, { message: 'holds at most 20 goals' })
  @ValidateNested({ each: true })
  @Type(() => GoalProgressAnswer)
  goalProgress?: GoalProgressAnswer[];

  @ApiPropertyOptional({ enum: HELPED_OPTIONS, isArray: true, description: 'session: what helped.' })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(HELPED_OPTIONS.length, { message: `holds at most ${HELPED_OPTIONS.length} options` })
  @IsIn(HELPED_OPTIONS, { each: true, message: `each must be one of ${HELPED_OPTIONS.join(', ')}` })
  helped?: string[];

  @ApiPropertyOptional({ maxLength: 2000, description: 'Optional free text; visible to no one but evaluation, removed when you erase your account.' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  comment?: string;
}

export class FeedbackResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FEEDBACK_FORMS }) form: FeedbackForm;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) matchId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) sessionId: string | null;
  @ApiProperty({ enum: ['mentor', 'mentee'] }) respondentRole: 'mentor' | 'mentee';
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

export class OpenSessionFeedbackView {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ enum: ['mentor', 'mentee'], description: 'Your side of the pair.' }) role: 'mentor' | 'mentee';
  @ApiProperty({ format: 'uuid', description: 'The other side of the pair (their public profile is in identity).' }) partnerId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) completedAt: string;
}

export class OpenSurveyView {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ enum: ['pulse', 'exit'] }) form: 'pulse' | 'exit';
  @ApiProperty({ enum: ['mentor', 'mentee'], description: 'The role you answer it in.' }) role: 'mentor' | 'mentee';
  @ApiProperty({ nullable: true, type: String, format: 'date', description: "The programme's last day: the pulse survey closes after it." }) endsOn: string | null;
}

export class OpenFeedbackResponse {
  @ApiProperty({ type: [OpenSessionFeedbackView], description: 'Held sessions of your pairs you have not given feedback on yet, most recent first (at most 50).' })
  sessions: OpenSessionFeedbackView[];

  @ApiProperty({ type: [OpenSurveyView], description: 'Pulse and exit surveys open to you now and not answered yet.' })
  surveys: OpenSurveyView[];
}
