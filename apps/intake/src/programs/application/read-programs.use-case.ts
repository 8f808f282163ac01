import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { resolveNetworkScope } from '@passerelle/platform/http';
import { DataSource, MoreThan } from 'typeorm';
import { canSeeNetwork } from '@passerelle/platform/auth';
import type { ProgramStatus } from '../domain/program';
import { ProgramEntity } from '../infrastructure/program.entity';
import { programNotFound } from './program-errors';

export interface ProgramPage {
  readonly items: ProgramEntity[];
  /** Pass it as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

/** Any member of a network reads its programmes; another network's are a 404. */
@Injectable()
export class GetProgramUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, id: string): Promise<ProgramEntity> {
    const program = await this.dataSource.getRepository(ProgramEntity).findOneBy({ id });
    if (!program || !canSeeNetwork(caller, program.networkId)) throw programNotFound();
    return program;
  }
}

/** The caller's network's programmes (of one status if asked), oldest first (ids are UUIDv7, so id order is creation order), by keyset pages. */
@Injectable()
export class ListProgramsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, query: { limit: number; cursor?: string; networkId?: string; status?: ProgramStatus }): Promise<ProgramPage> {
    const networkId = resolveNetworkScope(caller, query.networkId);
    const rows = await this.dataSource.getRepository(ProgramEntity).find({
      where: { networkId, ...(query.status ? { status: query.status } : {}), ...(query.cursor ? { id: MoreThan(query.cursor) } : {}) },
      order: { id: 'ASC' },
      take: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}
