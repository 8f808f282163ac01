import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { PROGRAM_ROLES, type ProgramRole } from '../../programs/domain/program';
import { MATCHING_FEATURES, MAX_QUESTIONS, QUESTION_TYPES, TAXONOMY_KINDS } from '../domain/question';

const QUESTION_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'type', 'prompt', 'required'],
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$', description: 'Answers are keyed by it; keep it to keep the question across versions.' },
    type: { type: 'string', enum: [...QUESTION_TYPES] },
    prompt: { type: 'string', maxLength: 500 },
    help: { type: 'string', maxLength: 1000 },
    required: { type: 'boolean' },
    feature: { type: 'string', enum: [...MATCHING_FEATURES], description: 'What matching reads from the answer; languages and availability are mandatory.' },
    source: {
      description: 'single_choice / multiple_choice: `{options: [{id, label}]}` or `{taxonomy}`.',
      oneOf: [
        { type: 'object', properties: { options: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } } } } } },
        { type: 'object', properties: { taxonomy: { type: 'string', enum: [...TAXONOMY_KINDS] } } },
      ],
    },
    minSelected: { type: 'integer', description: 'multiple_choice' },
    maxSelected: { type: 'integer', description: 'multiple_choice' },
    withLevels: { type: 'boolean', description: 'multiple_choice: each choice carries a level 1–5.' },
    minLabel: { type: 'string', description: 'scale' },
    maxLabel: { type: 'string', description: 'scale' },
    min: { type: 'number', description: 'number' },
    max: { type: 'number', description: 'number' },
    integer: { type: 'boolean', description: 'number' },
    unit: { type: 'string', description: 'number' },
    maxLength: { type: 'integer', description: 'short_text' },
    minSlots: { type: 'integer', description: 'availability: fewest one-hour weekly slots.' },
  },
};

export class SaveSurveyTemplateRequest {
  @ApiProperty({ type: 'array', items: QUESTION_SCHEMA, maxItems: MAX_QUESTIONS, description: 'The whole list, in order: it replaces the current one as a new version.' })
  @IsArray()
  @IsObject({ each: true, message: 'each must be a question object' })
  questions: object[];

  @ApiPropertyOptional({ minimum: 1, description: 'The version you read; a 409 if someone saved another since.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class SurveyTemplateQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'A saved version; the current survey when absent.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}

export class SurveyTemplateResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ enum: PROGRAM_ROLES }) role: ProgramRole;
  @ApiProperty({ description: 'Answers name it as `templateVersion`.' }) version: number;
  @ApiProperty({ description: 'False while the survey is still the one generated from the objectives and nobody saved it.' }) saved: boolean;
  @ApiProperty({ description: 'Organizers may change it until intake opens.' }) editable: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) savedAt: string | null;
  @ApiProperty({ type: 'array', items: QUESTION_SCHEMA }) questions: object[];
}
