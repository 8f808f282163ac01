import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { CONSENT_PURPOSES } from '../domain/consent-purpose';
import { isIanaTimeZone, isIsoCountry, isIsoLanguage, latestGraduationYear, PROFILE_LIMITS, PROFILE_LOCALES, type ProfileLocale } from '../domain/profile-rules';

function Satisfies(name: string, test: (value: unknown) => boolean, message: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name, validator: { validate: (value) => test(value), defaultMessage: () => message } }, options);
}

const TEXT = PROFILE_LIMITS.text;

/**
 * A partial update: absent fields stay as they are; `null` clears an
 * optional field (the display name cannot be cleared).
 */
export class UpdateProfileRequest {
  @ApiPropertyOptional({ example: 'Camille Durand', maxLength: PROFILE_LIMITS.displayName })
  @ValidateIf((body: UpdateProfileRequest) => body.displayName !== undefined)
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(PROFILE_LIMITS.displayName)
  displayName?: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: PROFILE_LIMITS.firstGraduationYear, description: 'Up to ten years from now.' })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Min(PROFILE_LIMITS.firstGraduationYear)
  @Satisfies('maxGraduationYear', (value) => typeof value === 'number' && value <= latestGraduationYear(), 'must be at most ten years from now')
  graduationYear?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT, example: 'MSc Computer Science' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(TEXT)
  degree?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT, example: 'Software' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(TEXT)
  industry?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(TEXT)
  employer?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT, example: 'Lyon' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(TEXT)
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2, upper case.', example: 'FR' })
  @IsOptional()
  @Satisfies('isIsoCountry', isIsoCountry, 'must be an ISO 3166-1 alpha-2 country code, e.g. FR')
  country?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'IANA time zone.', example: 'Europe/Paris' })
  @IsOptional()
  @Satisfies('isIanaTimeZone', isIanaTimeZone, 'must be an IANA time zone, e.g. Europe/Paris')
  timeZone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: [String], maxItems: PROFILE_LIMITS.languages, description: 'ISO 639-1 codes.', example: ['fr', 'en'] })
  @IsOptional()
  @IsArray({ message: 'must be an array of ISO 639-1 codes' })
  @ArrayMaxSize(PROFILE_LIMITS.languages)
  @ArrayUnique({ message: 'must not repeat a language' })
  @Satisfies('isIsoLanguage', isIsoLanguage, 'each must be an ISO 639-1 language code, e.g. fr', { each: true })
  languages?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PROFILE_LIMITS.bio })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(PROFILE_LIMITS.bio)
  bio?: string | null;

  @ApiPropertyOptional({
    enum: PROFILE_LOCALES,
    description: 'The language of the application and of the mails; once chosen it can be changed, not cleared.',
    example: 'fr',
  })
  @ValidateIf((body: UpdateProfileRequest) => body.locale !== undefined)
  @IsIn(PROFILE_LOCALES, { message: `must be one of ${PROFILE_LOCALES.join(', ')}` })
  locale?: ProfileLocale;
}

export class ProfileResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: Number }) graduationYear: number | null;
  @ApiProperty({ nullable: true, type: String }) degree: string | null;
  @ApiProperty({ nullable: true, type: String }) industry: string | null;
  @ApiProperty({ nullable: true, type: String }) employer: string | null;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty({ nullable: true, type: String }) timeZone: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ nullable: true, type: String }) bio: string | null;
  @ApiProperty({ enum: PROFILE_LOCALES, nullable: true, description: 'null: never chosen; the application follows the browser.' })
  locale: ProfileLocale | null;
}

/** What the other side of a match reads: no e-mail address, no time zone. */
export class PublicProfileResponse extends PickType(ProfileResponse, ['id', 'displayName', 'graduationYear', 'degree', 'industry', 'employer', 'city', 'country', 'languages', 'bio'] as const) {}

export class MemberProfileResponse extends ProfileResponse {
  @ApiProperty({ type: [String] }) roles: string[];
}

export class RecordConsentRequest {
  @ApiProperty({ description: 'true grants, false withdraws.' })
  @IsBoolean({ message: 'must be true or false' })
  granted: boolean;
}

export class ConsentRecordResponse {
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: string;
  @ApiProperty() granted: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class CurrentConsentResponse {
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null: never decided.' }) granted: boolean | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) recordedAt: string | null;
}

export class ConsentsResponse {
  @ApiProperty({ type: [CurrentConsentResponse] }) current: CurrentConsentResponse[];
  @ApiProperty({ type: [ConsentRecordResponse], description: 'Every decision, oldest first.' }) history: ConsentRecordResponse[];
}

class ExportedAccount {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) emailVerifiedAt: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

class ExportedNetwork {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
}

class ExportedProfile extends PickType(ProfileResponse, ['graduationYear', 'degree', 'industry', 'employer', 'city', 'country', 'timeZone', 'languages', 'bio', 'locale']) {
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

class ExportedLogin {
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) lastRefreshedAt: string;
  @ApiProperty() active: boolean;
}

class ExportedLogins {
  @ApiProperty() count: number;
  @ApiProperty({ type: [ExportedLogin] }) items: ExportedLogin[];
}

export class PersonalDataExportResponse {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: ExportedAccount }) account: ExportedAccount;
  @ApiProperty({ type: ExportedNetwork }) network: ExportedNetwork;
  @ApiProperty({ type: ExportedProfile, nullable: true, description: 'null: no profile filled in.' }) profile: ExportedProfile | null;
  @ApiProperty({ type: [ConsentRecordResponse], description: 'Every consent decision, oldest first.' }) consents: ConsentRecordResponse[];
  @ApiProperty({ type: ExportedLogins, description: 'Logins (refresh-token families): when each started and whether it is still open.' }) sessions: ExportedLogins;
}
