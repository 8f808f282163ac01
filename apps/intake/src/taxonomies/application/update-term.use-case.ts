import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import type { TaxonomyKind } from '../../surveys/domain/question';
import { resolveLabel } from '../domain/taxonomy-term';
import { TaxonomyTermEntity } from '../infrastructure/taxonomy-term.entity';
import { invalidTerm, termLabelTaken, termNotFound } from './taxonomy-errors';
import { managedNetworkOf, termWithLabel } from './taxonomy-scope';
import { TaxonomyTerms } from './taxonomy-terms';

export interface TermChanges {
  readonly label?: string;
  /** true retires the term (new answers may no longer pick it), false brings it back. */
  readonly retired?: boolean;
}

/**
 * An organizer relabels, retires or restores a term, a default one included.
 * The id never changes: answers already given refer to it.
 */
@Injectable()
export class UpdateTermUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly terms: TaxonomyTerms,
  ) {}

  async execute(caller: AuthUser, kind: TaxonomyKind, termId: string, changes: TermChanges, requestedNetwork?: string): Promise<TaxonomyTermEntity> {
    const networkId = managedNetworkOf(caller, requestedNetwork);
    let label: string | undefined;
    if (changes.label !== undefined) {
      const resolved = resolveLabel(changes.label);
      if (!resolved.ok) throw invalidTerm(resolved.problems);
      label = resolved.value;
    }
    return this.dataSource.transaction(async (manager) => {
      await this.terms.lockForChange(manager, networkId);
      const term = await manager.findOneBy(TaxonomyTermEntity, { networkId, kind, id: termId });
      if (!term) throw termNotFound(kind);
      let changed = false;
      if (label !== undefined && label !== term.label) {
        const sameLabel = await termWithLabel(manager, networkId, kind, label, term.id);
        if (sameLabel) throw termLabelTaken(kind, sameLabel);
        term.label = label;
        changed = true;
      }
      if (changes.retired !== undefined && changes.retired !== (term.retiredAt !== null)) {
        term.retiredAt = changes.retired ? new Date() : null;
        changed = true;
      }
      return changed ? manager.save(term) : term;
    });
  }
}
