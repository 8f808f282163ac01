import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource, type FindOptionsWhere, In, MoreThan } from 'typeorm';
import { loadProgramInCohort } from '../../cohort/application/cohort-access';
import { RESOURCE_AUDIENCES, type ResourceKind } from '../domain/resource';
import { ResourceEntity } from '../infrastructure/resource.entity';
import { loadResource, RESOURCE_ACCESS, type ResourceView, resourceViews } from './resource-access';

export interface ResourceQuery {
  readonly programId: string;
  readonly kind?: ResourceKind;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * A programme's material in publication order. A participant gets what is
 * published for their role(s) or for all, with their own completions;
 * organizers and integrators get everything, archived included, with counts.
 */
@Injectable()
export class ListResourcesUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, query: ResourceQuery): Promise<{ items: ResourceView[]; nextCursor: string | null }> {
    const manager = this.dataSource.manager;
    const { standing } = await loadProgramInCohort(manager, caller, query.programId, RESOURCE_ACCESS);
    const where: FindOptionsWhere<ResourceEntity> = {
      programId: query.programId,
      ...(standing.kind === 'member'
        ? { status: 'published', audience: In(RESOURCE_AUDIENCES.filter((audience) => audience === 'all' || standing.roles.includes(audience))) }
        : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.cursor ? { id: MoreThan(query.cursor) } : {}),
    };
    const rows = await manager.find(ResourceEntity, { where, order: { id: 'ASC' }, take: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    return { items: await resourceViews(manager, caller, standing, items), nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}

@Injectable()
export class GetResourceUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, id: string): Promise<ResourceView> {
    const { resource, standing } = await loadResource(this.dataSource.manager, caller, id);
    return (await resourceViews(this.dataSource.manager, caller, standing, [resource]))[0];
  }
}
