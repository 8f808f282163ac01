import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NetworkScopeQuery } from '@passerelle/platform/http';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../../surveys/domain/question';
import { MAX_TERMS_PER_KIND, TERM_ID_MAX, TERM_LABEL_MAX } from '../domain/taxonomy-term';

/** The domain counts a label's characters; at the edge, UTF-16 units bound them (two at most per character). */
const LABEL_UNITS_MAX = TERM_LABEL_MAX * 2;
const BOOLEAN_MESSAGE = { message: 'must be true or false' };

/** Optional, but `null` is not a way to leave a field out: it is checked (and refused) like any other value. */
const OptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

export class TaxonomyScopeQuery extends NetworkScopeQuery {}

export class ListTermsQuery extends TaxonomyScopeQuery {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also list retired terms.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(BOOLEAN_MESSAGE)
  includeRetired?: boolean;
}

export class AddTermRequest {
  @ApiPropertyOptional({
    example: 'prompt-engineering',
    maxLength: TERM_ID_MAX,
    description:
      'What answers store. Lowercase letters and digits, words joined by `-` or `_`; derived from the label when left out. ' +
      'For `languages`, an ISO 639-1 code (e.g. `eu`), found from the label when it is a language’s English name.',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(TERM_ID_MAX)
  id?: string;

  @ApiPropertyOptional({
    example: 'Prompt engineering',
    maxLength: TERM_LABEL_MAX,
    description: 'What people read; unique within the taxonomy (case aside). Required, except for a language, whose English name is the default.',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(LABEL_UNITS_MAX, { message: `must be at most ${TERM_LABEL_MAX} characters` })
  label?: string;
}

export class UpdateTermRequest {
  @ApiPropertyOptional({ example: 'Prompt design', maxLength: TERM_LABEL_MAX, description: 'The id stays: answers already given refer to it.' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(LABEL_UNITS_MAX, { message: `must be at most ${TERM_LABEL_MAX} characters` })
  label?: string;

  @ApiPropertyOptional({ description: 'true retires the term (new answers may no longer pick it; answers given before keep it), false brings it back.' })
  @OptionalNotNull()
  @IsBoolean(BOOLEAN_MESSAGE)
  retired?: boolean;
}

export class TermResponse {
  @ApiProperty({ example: 'public-speaking' }) id: string;
  @ApiProperty({ example: 'Public speaking' }) label: string;
  @ApiProperty({ description: 'A retired term is kept for the answers that refer to it; new answers may not pick it.' }) retired: boolean;
  @ApiProperty({ description: 'One of the defaults every network starts with (an organizer may still relabel or retire it).' }) default: boolean;
}

export class TermListResponse {
  @ApiProperty({ enum: TAXONOMY_KINDS }) kind: TaxonomyKind;
  @ApiProperty({ type: [TermResponse], description: `Sorted by label; at most ${MAX_TERMS_PER_KIND}.` }) items: TermResponse[];
}

export class TaxonomySummaryResponse {
  @ApiProperty({ enum: TAXONOMY_KINDS }) kind: TaxonomyKind;
  @ApiProperty({ description: 'Terms new answers may pick.' }) activeCount: number;
  @ApiProperty() retiredCount: number;
}

export class TaxonomiesResponse {
  @ApiProperty({ type: [TaxonomySummaryResponse], description: 'Every kind, in a fixed order.' }) items: TaxonomySummaryResponse[];
}
