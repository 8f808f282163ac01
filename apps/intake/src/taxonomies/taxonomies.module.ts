import { Module } from '@nestjs/common';
import { TaxonomiesController } from './api/taxonomies.controller';
import { AddTermUseCase } from './application/add-term.use-case';
import { ListTermsUseCase, SummarizeTaxonomiesUseCase } from './application/read-taxonomies.use-case';
import { TaxonomyTerms } from './application/taxonomy-terms';
import { UpdateTermUseCase } from './application/update-term.use-case';

/**
 * Per-network taxonomies (skills, industries, interests, languages), seeded
 * with defaults and extended by organizers. Other contexts import this module
 * for `TaxonomyTerms`, to check answers against the active term ids.
 */
@Module({
  controllers: [TaxonomiesController],
  providers: [TaxonomyTerms, SummarizeTaxonomiesUseCase, ListTermsUseCase, AddTermUseCase, UpdateTermUseCase],
  exports: [TaxonomyTerms],
})
export class TaxonomiesModule {}
