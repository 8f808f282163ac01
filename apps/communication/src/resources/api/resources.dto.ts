import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { CohortPageQuery } from '../../cohort/api/cohort-page.query';
import { PROGRAM_ROLES, type ProgramRole } from '../../cohort/domain/program-role';
import {
  RESOURCE_AUDIENCES,
  RESOURCE_BODY_MAX,
  RESOURCE_DESCRIPTION_MAX,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  RESOURCE_TITLE_MAX,
  RESOURCE_URL_MAX,
  type ResourceAudience,
  type ResourceKind,
  type ResourceStatus,
} from '../domain/resource';

const NOT_BLANK = /\S/;
const HTTPS_URL = { protocols: ['https'], require_protocol: true };

export class PublishResourceRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  programId: string;

  @ApiProperty({ enum: RESOURCE_KINDS, description: 'training_module items are completed by participants and tracked.' })
  @IsIn(RESOURCE_KINDS, { message: `must be one of ${RESOURCE_KINDS.join(', ')}` })
  kind: ResourceKind;

  @ApiProperty({ enum: RESOURCE_AUDIENCES, description: 'The programme role it is for; all: every participant.' })
  @IsIn(RESOURCE_AUDIENCES, { message: `must be one of ${RESOURCE_AUDIENCES.join(', ')}` })
  audience: ResourceAudience;

  @ApiProperty({ maxLength: RESOURCE_TITLE_MAX, example: 'Mentoring 101: the first session' })
  @IsString({ message: 'must be a string' })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(RESOURCE_TITLE_MAX, { message: `must be at most ${RESOURCE_TITLE_MAX} characters` })
  title: string;

  @ApiPropertyOptional({ maxLength: RESOURCE_DESCRIPTION_MAX, default: '' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(RESOURCE_DESCRIPTION_MAX, { message: `must be at most ${RESOURCE_DESCRIPTION_MAX} characters` })
  description?: string;

  @ApiPropertyOptional({ maxLength: RESOURCE_URL_MAX, example: 'https://learn.example.org/mentoring-101', description: 'An https link; exactly one of `url` and `body`.' })
  @IsOptional()
  @IsUrl(HTTPS_URL, { message: 'must be an https URL' })
  @MaxLength(RESOURCE_URL_MAX, { message: `must be at most ${RESOURCE_URL_MAX} characters` })
  url?: string;

  @ApiPropertyOptional({ maxLength: RESOURCE_BODY_MAX, description: 'The material as text (Markdown); exactly one of `url` and `body`.' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(RESOURCE_BODY_MAX, { message: `must be at most ${RESOURCE_BODY_MAX} characters` })
  body?: string;
}

/** The wording and the material; giving `url` or `body` replaces the material. The kind and audience stay. */
export class UpdateResourceRequest extends PartialType(OmitType(PublishResourceRequest, ['programId', 'kind', 'audience'] as const)) {}

export class ListResourcesQuery extends CohortPageQuery {
  @ApiProperty({ format: 'uuid', description: 'The programme whose material to list.' })
  @IsUUID('all', { message: 'must be a UUID' })
  programId: string;

  @ApiPropertyOptional({ enum: RESOURCE_KINDS })
  @IsOptional()
  @IsIn(RESOURCE_KINDS, { message: `must be one of ${RESOURCE_KINDS.join(', ')}` })
  kind?: ResourceKind;
}

export class CompletionResponse {
  @ApiProperty({ format: 'uuid' }) resourceId: string;
  @ApiProperty({ enum: PROGRAM_ROLES, description: 'The programme role the completion counts for.' }) role: ProgramRole;
  @ApiProperty({ format: 'date-time' }) completedAt: string;
}

export class ResourceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ enum: RESOURCE_KINDS }) kind: ResourceKind;
  @ApiProperty({ enum: RESOURCE_AUDIENCES }) audience: ResourceAudience;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ nullable: true, type: String }) body: string | null;
  @ApiProperty({ enum: RESOURCE_STATUSES }) status: ResourceStatus;
  @ApiProperty({ description: 'A training module: participants mark it completed.' }) completable: boolean;
  @ApiProperty({ type: CompletionResponse, nullable: true, description: 'Your own completion (participants).' }) myCompletion: CompletionResponse | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Completions so far, erased participants included: organizers and integrators only.' })
  completionCount: number | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) archivedAt: string | null;
}

export class ResourcePageResponse {
  @ApiProperty({ type: [ResourceResponse] }) items: ResourceResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
