import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork } from '@passerelle/platform/auth';
import { resolveNetworkScope } from '@passerelle/platform/http';
import type { EntityManager } from 'typeorm';
import type { TaxonomyKind } from '../../surveys/domain/question';
import { TaxonomyTermEntity } from '../infrastructure/taxonomy-term.entity';
import type { ExistingTerm } from './taxonomy-errors';
import { notAnOrganizer } from './taxonomy-errors';

/** Whose taxonomies a change is about: only an organizer of that network (or the platform admin) changes them. */
export function managedNetworkOf(caller: AuthUser, requested: string | undefined): string {
  const networkId = resolveNetworkScope(caller, requested);
  if (!canManageNetwork(caller, networkId)) throw notAnOrganizer();
  return networkId;
}

const existing = (term: TaxonomyTermEntity): ExistingTerm => ({ id: term.id, label: term.label, retired: term.retiredAt !== null });

/** The term of this id, retired or not, to explain a 409. */
export async function termWithId(manager: EntityManager, networkId: string, kind: TaxonomyKind, id: string): Promise<ExistingTerm | null> {
  const term = await manager.findOneBy(TaxonomyTermEntity, { networkId, kind, id });
  return term ? existing(term) : null;
}

/** Another term (not `exceptId`) that already reads `label`, case aside, to explain a 409. */
export async function termWithLabel(
  manager: EntityManager,
  networkId: string,
  kind: TaxonomyKind,
  label: string,
  exceptId?: string,
): Promise<ExistingTerm | null> {
  const query = manager
    .createQueryBuilder(TaxonomyTermEntity, 'term')
    .where('term.networkId = :networkId AND term.kind = :kind AND lower(term.label) = lower(:label)', { networkId, kind, label });
  if (exceptId !== undefined) query.andWhere('term.id <> :exceptId', { exceptId });
  const term = await query.getOne();
  return term ? existing(term) : null;
}
