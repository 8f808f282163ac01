import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import type { TaxonomyKind } from '../../surveys/domain/question';
import { MAX_TERMS_PER_KIND, type NewTermInput, resolveNewTerm } from '../domain/taxonomy-term';
import { TaxonomyTermEntity } from '../infrastructure/taxonomy-term.entity';
import { invalidTerm, taxonomyFull, termIdTaken, termLabelTaken } from './taxonomy-errors';
import { managedNetworkOf, termWithId, termWithLabel } from './taxonomy-scope';
import { TaxonomyTerms } from './taxonomy-terms';

/**
 * An organizer extends a taxonomy of their network (issue "Intake", item 2:
 * "extensible by organizers"). Ids and labels stay unique within the
 * taxonomy, a retired term included, so one thing never gets two ids.
 */
@Injectable()
export class AddTermUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly terms: TaxonomyTerms,
  ) {}

  async execute(caller: AuthUser, kind: TaxonomyKind, input: NewTermInput, requestedNetwork?: string): Promise<TaxonomyTermEntity> {
    const networkId = managedNetworkOf(caller, requestedNetwork);
    const resolved = resolveNewTerm(kind, input);
    if (!resolved.ok) throw invalidTerm(resolved.problems);
    const { id, label } = resolved.value;
    return this.dataSource.transaction(async (manager) => {
      await this.terms.lockForChange(manager, networkId);
      const sameId = await termWithId(manager, networkId, kind, id);
      if (sameId) throw termIdTaken(kind, sameId);
      const sameLabel = await termWithLabel(manager, networkId, kind, label);
      if (sameLabel) throw termLabelTaken(kind, sameLabel);
      if ((await manager.countBy(TaxonomyTermEntity, { networkId, kind })) >= MAX_TERMS_PER_KIND) throw taxonomyFull(kind);
      await manager.insert(TaxonomyTermEntity, { networkId, kind, id, label, isDefault: false, createdBy: caller.userId, retiredAt: null });
      return manager.findOneByOrFail(TaxonomyTermEntity, { networkId, kind, id });
    });
  }
}
