import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { PageQuery } from '@passerelle/platform/http';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CADENCE_DAYS,
  MATCHING_MODES,
  type MatchingMode,
  MENTOR_CAPACITY,
  PROGRAM_OBJECTIVES,
  PROGRAM_STATUSES,
  type ProgramObjective,
  type ProgramStatus,
} from '../domain/program';

const DATE_MESSAGE = { message: 'must be a calendar date (YYYY-MM-DD)' };
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class ProgramFieldsRequest {
  @ApiProperty({ example: 'Premiers pas 2026', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Alumni in finance mentor final-year students.', maxLength: 5000, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ example: 'We meet regularly, keep what is said private, and say so when it does not work.', maxLength: 10000, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  charter?: string;

  @ApiProperty({ enum: PROGRAM_OBJECTIVES, isArray: true, example: ['job_search', 'networking'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROGRAM_OBJECTIVES.length)
  @ArrayUnique()
  @IsIn(PROGRAM_OBJECTIVES, { each: true, message: `each must be one of ${PROGRAM_OBJECTIVES.join(', ')}` })
  objectives: ProgramObjective[];

  @ApiProperty({ format: 'date', example: '2026-02-01' })
  @Matches(DATE_PATTERN, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2026-07-31', description: 'After startsOn.' })
  @Matches(DATE_PATTERN, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  endsOn: string;

  @ApiProperty({ minimum: CADENCE_DAYS.min, maximum: CADENCE_DAYS.max, example: 14, description: 'Expected days between two sessions of a pair.' })
  @IsInt()
  @Min(CADENCE_DAYS.min)
  @Max(CADENCE_DAYS.max)
  cadenceDays: number;

  @ApiProperty({ enum: MATCHING_MODES, isArray: true, example: ['organizer_rounds'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MATCHING_MODES.length)
  @ArrayUnique()
  @IsIn(MATCHING_MODES, { each: true, message: `each must be one of ${MATCHING_MODES.join(', ')}` })
  matchingModes: MatchingMode[];

  @ApiProperty({ minimum: MENTOR_CAPACITY.min, maximum: MENTOR_CAPACITY.max, example: 2 })
  @IsInt()
  @Min(MENTOR_CAPACITY.min)
  @Max(MENTOR_CAPACITY.max)
  defaultMentorCapacity: number;

  @ApiProperty({ format: 'date', example: '2026-01-05' })
  @Matches(DATE_PATTERN, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  intakeOpensOn: string;

  @ApiProperty({ format: 'date', example: '2026-01-31', description: 'Not before intakeOpensOn, not after endsOn.' })
  @Matches(DATE_PATTERN, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  intakeClosesOn: string;
}

export class CreateProgramRequest extends ProgramFieldsRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Platform admin only; an organizer creates in their own network.' })
  @IsOptional()
  @IsUUID()
  networkId?: string;
}

export class UpdateProgramRequest extends PartialType(ProgramFieldsRequest) {
  @ApiPropertyOptional({ description: 'The version you read; a 409 if the programme changed since (same as `If-Match`).', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** Pages of the network's programmes, of one status if asked. */
export class ListProgramsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROGRAM_STATUSES, description: 'Only programmes of this status (e.g. `published`: those a member can enrol in or take part in).' })
  @IsOptional()
  @IsIn(PROGRAM_STATUSES, { message: `must be one of ${PROGRAM_STATUSES.join(', ')}` })
  status?: ProgramStatus;
}

export class ProgramResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() charter: string;
  @ApiProperty({ enum: PROGRAM_OBJECTIVES, isArray: true }) objectives: ProgramObjective[];
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty() cadenceDays: number;
  @ApiProperty({ enum: MATCHING_MODES, isArray: true }) matchingModes: MatchingMode[];
  @ApiProperty() defaultMentorCapacity: number;
  @ApiProperty({ format: 'date' }) intakeOpensOn: string;
  @ApiProperty({ format: 'date' }) intakeClosesOn: string;
  @ApiProperty({ enum: PROGRAM_STATUSES }) status: ProgramStatus;
  @ApiProperty({ description: 'Send it back (body `version` or `If-Match`) to change only what you read.' }) version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProgramPageResponse {
  @ApiProperty({ type: [ProgramResponse] }) items: ProgramResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor: string | null;
}
