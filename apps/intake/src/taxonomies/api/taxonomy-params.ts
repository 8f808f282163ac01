import type { PipeTransform } from '@nestjs/common';
import { invalidField } from '@passerelle/platform/http';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../../surveys/domain/question';
import { isTaxonomyKind, TERM_ID_ISSUE, TERM_ID_MAX, TERM_ID_PATTERN } from '../domain/taxonomy-term';

/** A bad `:kind` is a 400 naming it, as `uuidParam` reports a bad id. */
export class TaxonomyKindPipe implements PipeTransform<string, TaxonomyKind> {
  transform(value: string): TaxonomyKind {
    if (!isTaxonomyKind(value)) throw invalidField('kind', `must be one of ${TAXONOMY_KINDS.join(', ')}`);
    return value;
  }
}

/** A `:termId` that no term could have is a 400 naming it; a well-formed one that does not exist is a 404. */
export class TermIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (value.length > TERM_ID_MAX || !TERM_ID_PATTERN.test(value)) throw invalidField('termId', TERM_ID_ISSUE);
    return value;
  }
}
