import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateBy } from 'class-validator';
import {
  ABSENT_ROLES,
  type AbsentRole,
  MAX_ACTUAL_DURATION_MINUTES,
  MAX_DURATION_MINUTES,
  MIN_DURATION_MINUTES,
  SESSION_MODES,
  SESSION_STATUSES,
  type SessionMode,
  type SessionStatus,
} from '../domain/session';
import { isKnownTimeZone } from '../domain/session-invitation';

/** An instant with its offset, so "18:00" is never read in the server's zone. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const INSTANT_ISSUE = 'must be an ISO 8601 date-time with its offset, e.g. 2026-02-12T18:00:00+01:00';

function IsInstant(): PropertyDecorator {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && INSTANT_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value)),
      defaultMessage: () => INSTANT_ISSUE,
    },
  });
}

function IsTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isKnownTimeZone(value),
      defaultMessage: () => 'must be an IANA time zone, e.g. Europe/Paris',
    },
  });
}

const durationOptions = { minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES };
const DURATION_ISSUE = `must be a whole number of minutes from ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES}`;

export class ProposeSessionRequest {
  @ApiProperty({ format: 'uuid', description: 'The pair (its match id).' })
  @IsDefined({ message: 'is required' })
  @IsUUID(undefined, { message: 'must be a UUID' })
  matchId: string;

  @ApiProperty({ format: 'date-time', example: '2026-02-12T18:00:00+01:00', description: 'In the future, with its offset.' })
  @IsDefined({ message: 'is required' })
  @IsInstant()
  startsAt: string;

  @ApiProperty(durationOptions)
  @IsDefined({ message: 'is required' })
  @IsInt({ message: DURATION_ISSUE })
  @Min(MIN_DURATION_MINUTES, { message: DURATION_ISSUE })
  @Max(MAX_DURATION_MINUTES, { message: DURATION_ISSUE })
  durationMinutes: number;

  @ApiProperty({ enum: SESSION_MODES, description: 'video sessions get a meeting link.' })
  @IsDefined({ message: 'is required' })
  @IsIn(SESSION_MODES, { message: `must be one of ${SESSION_MODES.join(', ')}` })
  mode: SessionMode;

  @ApiProperty({ example: 'Europe/Paris', description: 'IANA zone the invitation is written in.' })
  @IsDefined({ message: 'is required' })
  @IsTimeZone()
  timeZone: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  agenda?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'in_person sessions only: where to meet.' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  location?: string;
}

export class RescheduleSessionRequest {
  @ApiProperty({ format: 'date-time', description: 'The new start, in the future, with its offset.' })
  @IsDefined({ message: 'is required' })
  @IsInstant()
  startsAt: string;

  @ApiPropertyOptional({ ...durationOptions, description: 'Unchanged when omitted.' })
  @IsOptional()
  @IsInt({ message: DURATION_ISSUE })
  @Min(MIN_DURATION_MINUTES, { message: DURATION_ISSUE })
  @Max(MAX_DURATION_MINUTES, { message: DURATION_ISSUE })
  durationMinutes?: number;
}

export class CancelSessionRequest {
  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Told to the other participant in the cancellation mail.' })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  reason: string;
}

export class CompleteSessionRequest {
  @ApiProperty({ minimum: 1, maximum: MAX_ACTUAL_DURATION_MINUTES })
  @IsDefined({ message: 'is required' })
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_ACTUAL_DURATION_MINUTES, { message: `must be at most ${MAX_ACTUAL_DURATION_MINUTES}` })
  actualDurationMinutes: number;
}

export class NoShowRequest {
  @ApiProperty({ enum: ABSENT_ROLES })
  @IsDefined({ message: 'is required' })
  @IsIn(ABSENT_ROLES, { message: `must be one of ${ABSENT_ROLES.join(', ')}` })
  absent: AbsentRole;
}

export class ListSessionsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this pair’s sessions.' })
  @IsOptional()
  @IsUUID(undefined, { message: 'must be a UUID' })
  matchId?: string;
}

export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: SESSION_MODES }) mode: SessionMode;
  @ApiProperty() timeZone: string;
  @ApiProperty({ nullable: true, type: String }) agenda: string | null;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Video sessions only.' }) meetingUrl: string | null;
  @ApiProperty({ format: 'uuid', description: 'Who proposed the current time.' }) proposedBy: string;
  @ApiProperty({ description: 'You are the one to confirm the proposed time.' }) awaitingMyConfirmation: boolean;
  @ApiProperty({ description: 'The invitation’s SEQUENCE.' }) sequence: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'First confirmation.' }) scheduledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ nullable: true, type: Number }) actualDurationMinutes: number | null;
  @ApiProperty({ enum: ABSENT_ROLES, nullable: true }) absentRole: AbsentRole | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SessionListResponse {
  @ApiProperty({ type: [SessionResponse], description: 'Soonest first (at most 200).' }) items: SessionResponse[];
}
