import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CohortPageQuery } from '../../cohort/api/cohort-page.query';
import {
  ATTENDANCE_BATCH_MAX,
  GATHERING_CAPACITY,
  GATHERING_DESCRIPTION_MAX,
  GATHERING_DURATION_MINUTES,
  GATHERING_KINDS,
  GATHERING_PLACE_MAX,
  GATHERING_STATUSES,
  GATHERING_TITLE_MAX,
  type GatheringKind,
  type GatheringStatus,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
} from '../domain/gathering';

const NOT_BLANK = /\S/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = { message: 'must be a date and time with its offset (RFC 3339), e.g. 2026-05-12T18:00:00+02:00' };
const HTTPS_URL = { protocols: ['https'], require_protocol: true };

export class CreateGatheringRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  programId: string;

  @ApiProperty({ enum: GATHERING_KINDS })
  @IsIn(GATHERING_KINDS, { message: `must be one of ${GATHERING_KINDS.join(', ')}` })
  kind: GatheringKind;

  @ApiProperty({ maxLength: GATHERING_TITLE_MAX, example: 'Meet the data alumni' })
  @IsString({ message: 'must be a string' })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(GATHERING_TITLE_MAX, { message: `must be at most ${GATHERING_TITLE_MAX} characters` })
  title: string;

  @ApiPropertyOptional({ maxLength: GATHERING_DESCRIPTION_MAX, default: '' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(GATHERING_DESCRIPTION_MAX, { message: `must be at most ${GATHERING_DESCRIPTION_MAX} characters` })
  description?: string;

  @ApiProperty({ format: 'date-time', example: '2026-05-12T18:00:00+02:00', description: 'In the future.' })
  @Matches(INSTANT, INSTANT_MESSAGE)
  @IsISO8601({ strict: true }, INSTANT_MESSAGE)
  startsAt: string;

  @ApiProperty({ minimum: GATHERING_DURATION_MINUTES.min, maximum: GATHERING_DURATION_MINUTES.max, example: 90 })
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(GATHERING_DURATION_MINUTES.min, { message: `must be at least ${GATHERING_DURATION_MINUTES.min}` })
  @Max(GATHERING_DURATION_MINUTES.max, { message: `must be at most ${GATHERING_DURATION_MINUTES.max}` })
  durationMinutes: number;

  @ApiProperty({ minimum: GATHERING_CAPACITY.min, maximum: GATHERING_CAPACITY.max, example: 40, description: 'Seats; registrants beyond it are waitlisted.' })
  @IsInt({ message: 'must be a whole number' })
  @Min(GATHERING_CAPACITY.min, { message: `must be at least ${GATHERING_CAPACITY.min}` })
  @Max(GATHERING_CAPACITY.max, { message: `must be at most ${GATHERING_CAPACITY.max}` })
  capacity: number;

  @ApiPropertyOptional({ maxLength: 2000, example: 'https://meet.example.org/data-alumni', description: 'An https link; exactly one of `onlineUrl` and `place`.' })
  @IsOptional()
  @IsUrl(HTTPS_URL, { message: 'must be an https URL' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  onlineUrl?: string;

  @ApiPropertyOptional({ maxLength: GATHERING_PLACE_MAX, example: 'Maison des Alumni, 12 rue de la Paix, Lyon', description: 'Exactly one of `onlineUrl` and `place`.' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(GATHERING_PLACE_MAX, { message: `must be at most ${GATHERING_PLACE_MAX} characters` })
  place?: string;
}

/** Any of the fields but the programme and the kind (events carry the kind); giving `onlineUrl` or `place` replaces the location. */
export class UpdateGatheringRequest extends PartialType(OmitType(CreateGatheringRequest, ['programId', 'kind'] as const)) {}

export class CancelGatheringRequest {
  @ApiPropertyOptional({ maxLength: 500, example: 'The speaker is ill; a new date follows.' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  reason?: string;
}

export class RegisterRequest {
  @ApiPropertyOptional({ default: true, description: 'false: register only if a seat remains (409 naming `capacity` otherwise) rather than join the waitlist.' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  waitlist?: boolean;
}

export class RecordAttendanceRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: ATTENDANCE_BATCH_MAX, description: 'Confirmed registrants who attended.' })
  @IsArray({ message: 'must be a list of user ids' })
  @ArrayMinSize(1, { message: 'must name at least one person' })
  @ArrayMaxSize(ATTENDANCE_BATCH_MAX, { message: `must name at most ${ATTENDANCE_BATCH_MAX} people` })
  @ArrayUnique({ message: 'must not repeat a user id' })
  @IsUUID('all', { each: true, message: 'each must be a user id (UUID)' })
  userIds: string[];
}

export class ListGatheringsQuery extends CohortPageQuery {
  @ApiProperty({ format: 'uuid', description: 'The programme whose gatherings to list.' })
  @IsUUID('all', { message: 'must be a UUID' })
  programId: string;
}

export class ListRegistrationsQuery extends CohortPageQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, { message: `must be one of ${REGISTRATION_STATUSES.join(', ')}` })
  status?: RegistrationStatus;
}

export class RegistrationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) gatheringId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null once the person erased their account.' }) userId: string | null;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'On the waitlist: 1 is the next to get a seat.' }) waitlistPosition: number | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the seat was confirmed (later than `registeredAt` after the waitlist).' })
  confirmedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['participant_cancelled', 'participant_withdrew', 'gathering_cancelled', 'participant_erased'] })
  cancelReason: string | null;
  @ApiProperty() attended: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) attendanceRecordedAt: string | null;
}

export class RegistrationPageResponse {
  @ApiProperty({ type: [RegistrationResponse] }) items: RegistrationResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class GatheringResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ enum: GATHERING_KINDS }) kind: GatheringKind;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ nullable: true, type: String }) onlineUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) place: string | null;
  @ApiProperty({ enum: GATHERING_STATUSES }) status: GatheringStatus;
  @ApiProperty() confirmedCount: number;
  @ApiProperty() waitlistCount: number;
  @ApiProperty() seatsLeft: number;
  @ApiProperty({ type: RegistrationResponse, nullable: true, description: 'Your own open registration, if any.' }) myRegistration: RegistrationResponse | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class GatheringPageResponse {
  @ApiProperty({ type: [GatheringResponse] }) items: GatheringResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class AttendanceResponse {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Recorded by this request; `gathering.attended` goes out for each.' }) recorded: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Recorded before: unchanged, nothing published again.' }) alreadyRecorded: string[];
}
