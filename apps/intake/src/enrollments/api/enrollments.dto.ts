import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@passerelle/platform/http';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { MENTOR_CAPACITY, PROGRAM_ROLES, type ProgramRole } from '../../programs/domain/program';
import { ENROLLMENT_STATUSES, type EnrollmentStatus, MAX_EXCLUSIONS } from '../domain/enrollment';

const SCALE_MESSAGE = { message: 'must be a whole number from 1 to 5' };

export class BaselineDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 2 }) @IsInt(SCALE_MESSAGE) @Min(1, SCALE_MESSAGE) @Max(5, SCALE_MESSAGE) confidence: number;
  @ApiProperty({ minimum: 1, maximum: 5, example: 3 }) @IsInt(SCALE_MESSAGE) @Min(1, SCALE_MESSAGE) @Max(5, SCALE_MESSAGE) communication: number;
  @ApiProperty({ minimum: 1, maximum: 5, example: 2 }) @IsInt(SCALE_MESSAGE) @Min(1, SCALE_MESSAGE) @Max(5, SCALE_MESSAGE) leadership: number;
  @ApiProperty({ minimum: 1, maximum: 5, example: 1 }) @IsInt(SCALE_MESSAGE) @Min(1, SCALE_MESSAGE) @Max(5, SCALE_MESSAGE) networkSize: number;
}

const ANSWERS_DESCRIPTION =
  'Answers keyed by question id: an option or term id (single choice), a list of ids or of `{id, level}` (multiple choice), ' +
  'an integer 1–5 (scale), a number, a string (short text), `{timeZone, slots: ["tue-18", …]}` (availability).';

export class EnrollmentAnswersRequest {
  @ApiProperty({ minimum: 1, description: 'The `version` of the survey you answered.' })
  @IsInt()
  @Min(1)
  templateVersion: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: ANSWERS_DESCRIPTION, example: { languages: ['fr', 'en'], availability: { timeZone: 'Europe/Paris', slots: ['tue-18', 'thu-18'] } } })
  @IsObject()
  answers: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: MENTOR_CAPACITY.min, maximum: MENTOR_CAPACITY.max, description: "Mentors only: mentees at once; the programme's default when absent." })
  @IsOptional()
  @IsInt()
  capacity?: number;

  @ApiProperty({ type: BaselineDto, description: 'The baseline self-assessment the exit survey compares with.' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => BaselineDto)
  baseline: BaselineDto;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_EXCLUSIONS, description: 'People you must not be matched with (e.g. your own manager).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EXCLUSIONS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each must be a user id (UUID)' })
  excludedUserIds?: string[];
}

export class SubmitEnrollmentRequest extends EnrollmentAnswersRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programId: string;

  @ApiProperty({ enum: PROGRAM_ROLES })
  @IsIn(PROGRAM_ROLES, { message: `must be one of ${PROGRAM_ROLES.join(', ')}` })
  role: ProgramRole;
}

export class UpdateEnrollmentRequest extends EnrollmentAnswersRequest {
  @ApiPropertyOptional({ minimum: 1, description: 'The enrolment version you read; a 409 if it changed since.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ListEnrollmentsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ enum: PROGRAM_ROLES })
  @IsOptional()
  @IsIn(PROGRAM_ROLES, { message: `must be one of ${PROGRAM_ROLES.join(', ')}` })
  role?: ProgramRole;

  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES, { message: `must be one of ${ENROLLMENT_STATUSES.join(', ')}` })
  status?: EnrollmentStatus;
}

export class EnrollmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null once the participant erased their account.' }) userId: string | null;
  @ApiProperty({ enum: PROGRAM_ROLES }) role: ProgramRole;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty() templateVersion: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) answers: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: Number }) capacity: number | null;
  @ApiProperty({ type: BaselineDto }) baseline: BaselineDto;
  @ApiProperty({ type: [String], format: 'uuid' }) excludedUserIds: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The answers as matching reads them (published in `enrollment.*` events).' })
  features: object;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt: string | null;
}

export class EnrollmentPageResponse {
  @ApiProperty({ type: [EnrollmentResponse] }) items: EnrollmentResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

class BaselineMeans {
  @ApiProperty() confidence: number;
  @ApiProperty() communication: number;
  @ApiProperty() leadership: number;
  @ApiProperty() networkSize: number;
}

class RoleStatisticsResponse {
  @ApiProperty({ description: 'Every enrolment submitted, erased participants included (anonymised).' }) submitted: number;
  @ApiProperty() active: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() erased: number;
  @ApiProperty({ description: "Active mentors' capacities summed; 0 for mentees." }) capacity: number;
  @ApiProperty({ type: BaselineMeans, nullable: true, description: 'Mean baseline of all submitted enrolments.' }) baseline: BaselineMeans | null;
}

class EnrollmentStatisticsByRole {
  @ApiProperty({ type: RoleStatisticsResponse }) mentor: RoleStatisticsResponse;
  @ApiProperty({ type: RoleStatisticsResponse }) mentee: RoleStatisticsResponse;
}

class GoalStatistics {
  @ApiProperty() set: number;
  @ApiProperty() inProgress: number;
  @ApiProperty() achieved: number;
  @ApiProperty() abandoned: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) byObjective: Record<string, number>;
}

export class ProgramStatisticsResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ type: EnrollmentStatisticsByRole }) enrollments: EnrollmentStatisticsByRole;
  @ApiProperty({ type: GoalStatistics }) goals: GoalStatistics;
}
