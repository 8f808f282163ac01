import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { PageQuery } from '@passerelle/platform/http';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { type Language, LANGUAGES, OPTIONAL_CATEGORIES, type OptionalCategory } from '../domain/templates';

/** Keyset pages over your own notifications: no network scope to name. */
export class ListNotificationsQuery extends OmitType(PageQuery, ['networkId'] as const) {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Only notifications not read yet.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  unreadOnly?: boolean;
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'session_confirmed', description: 'What kind of notification this is.' }) template: string;
  @ApiProperty({ description: 'In your language.' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { sessionId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01' }, description: 'Ids of what it is about.' })
  about: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'Newest first.' }) items: NotificationResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for older notifications; null on the oldest page.' }) nextCursor: string | null;
  @ApiProperty({ description: 'All your unread notifications, not only this page.' }) unreadCount: number;
}

export class MarkedResponse {
  @ApiProperty() marked: number;
}

class EmailCategories {
  @ApiPropertyOptional({ description: 'Session reminders, cadence nudges and follow-ups.' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  reminders?: boolean;

  @ApiPropertyOptional({ description: 'Match proposals and requests waiting for your answer.' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  match_updates?: boolean;

  @ApiPropertyOptional({ description: 'For organizers: pairs at risk.' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  organizer_alerts?: boolean;
}

export class UpdatePreferencesRequest {
  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true, description: 'null: follow your account locale.' })
  @ValidateIf((request: UpdatePreferencesRequest) => request.language !== null && request.language !== undefined)
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}, or null` })
  language?: Language | null;

  @ApiPropertyOptional({ type: EmailCategories, description: 'Optional mail, per category (true: send). Session invitations are always sent.' })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => EmailCategories)
  email?: EmailCategories;
}

export class PreferencesResponse {
  @ApiProperty({ enum: LANGUAGES, nullable: true, type: String }) language: Language | null;
  @ApiProperty({ enum: LANGUAGES, description: 'The language you are written to in.' }) effectiveLanguage: Language;
  @ApiProperty({ type: EmailCategories }) email: Record<OptionalCategory, boolean>;
}

export class UnsubscribeQuery {
  @ApiProperty({ description: 'From the link in the mail.' })
  @IsString({ message: 'must be the token from the link in the mail' })
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'must be the token from the link in the mail (43 URL-safe characters)' })
  token: string;

  @ApiProperty({ enum: OPTIONAL_CATEGORIES })
  @IsIn(OPTIONAL_CATEGORIES, { message: `must be one of ${OPTIONAL_CATEGORIES.join(', ')}` })
  category: OptionalCategory;
}

export class UnsubscribedResponse {
  @ApiProperty({ enum: OPTIONAL_CATEGORIES }) category: OptionalCategory;
  @ApiProperty({ enum: [false] }) email: false;
}
