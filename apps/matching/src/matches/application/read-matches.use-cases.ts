import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork, isIntegrator } from '@passerelle/platform/auth';
import { resolveNetworkScope } from '@passerelle/platform/http';
import { Brackets, DataSource } from 'typeorm';
import type { MatchStatus } from '../domain/match-lifecycle';
import { MatchEntity } from '../infrastructure/match.entity';
import { canReadMatch, matchNotFound } from './match-access';

@Injectable()
export class GetMatchUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, id: string): Promise<MatchEntity> {
    const match = await this.dataSource.getRepository(MatchEntity).findOneBy({ id });
    if (!match || !canReadMatch(caller, match)) throw matchNotFound();
    return match;
  }
}

export interface MatchQuery {
  readonly limit: number;
  readonly cursor?: string;
  readonly programId?: string;
  readonly status?: MatchStatus;
  readonly networkId?: string;
}

/** A participant lists their own matches; organizers and integrators the network's. */
@Injectable()
export class ListMatchesUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, query: MatchQuery): Promise<{ items: MatchEntity[]; nextCursor: string | null }> {
    const networkId = resolveNetworkScope(caller, query.networkId);
    const builder = this.dataSource.getRepository(MatchEntity).createQueryBuilder('match').where('match.network_id = :networkId', { networkId });
    if (!canManageNetwork(caller, networkId) && !isIntegrator(caller)) {
      builder.andWhere(new Brackets((own) => own.where('match.mentee_id = :me', { me: caller.userId }).orWhere('match.mentor_id = :me', { me: caller.userId })));
    }
    if (query.programId) builder.andWhere('match.program_id = :programId', { programId: query.programId });
    if (query.status) builder.andWhere('match.status = :status', { status: query.status });
    if (query.cursor) builder.andWhere('match.id > :cursor', { cursor: query.cursor });
    const rows = await builder.orderBy('match.id', 'ASC').take(query.limit + 1).getMany();
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}
