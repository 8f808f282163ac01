import { Injectable } from '@nestjs/common';
import { resolveNetworkScope } from '@passerelle/platform/http';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource, IsNull } from 'typeorm';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../../surveys/domain/question';
import { byLabel } from '../domain/taxonomy-term';
import { TaxonomyTermEntity } from '../infrastructure/taxonomy-term.entity';
import { TaxonomyTerms } from './taxonomy-terms';

export interface TaxonomySummary {
  readonly kind: TaxonomyKind;
  readonly activeCount: number;
  readonly retiredCount: number;
}

/** Any member of a network (people and integrators) reads its taxonomies; the first read seeds the defaults. */
@Injectable()
export class SummarizeTaxonomiesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly terms: TaxonomyTerms,
  ) {}

  async execute(caller: AuthUser, requestedNetwork?: string): Promise<TaxonomySummary[]> {
    const networkId = resolveNetworkScope(caller, requestedNetwork);
    const manager = this.dataSource.manager;
    await this.terms.ensureSeeded(manager, networkId);
    const rows = await manager.query<Array<{ kind: TaxonomyKind; active: number; retired: number }>>(
      `SELECT kind, count(*) FILTER (WHERE retired_at IS NULL)::int AS active, count(retired_at)::int AS retired
         FROM taxonomy_terms WHERE network_id = $1 GROUP BY kind`,
      [networkId],
    );
    return TAXONOMY_KINDS.map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return { kind, activeCount: row?.active ?? 0, retiredCount: row?.retired ?? 0 };
    });
  }
}

/** The terms of one taxonomy, by label; retired ones only when asked for. */
@Injectable()
export class ListTermsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly terms: TaxonomyTerms,
  ) {}

  async execute(caller: AuthUser, kind: TaxonomyKind, query: { includeRetired: boolean; networkId?: string }): Promise<TaxonomyTermEntity[]> {
    const networkId = resolveNetworkScope(caller, query.networkId);
    const manager = this.dataSource.manager;
    await this.terms.ensureSeeded(manager, networkId);
    const rows = await manager.findBy(TaxonomyTermEntity, { networkId, kind, ...(query.includeRetired ? {} : { retiredAt: IsNull() }) });
    return rows.sort(byLabel);
  }
}
