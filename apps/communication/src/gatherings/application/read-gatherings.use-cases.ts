import { ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource, type FindOptionsWhere, MoreThan } from 'typeorm';
import { loadProgramInCohort } from '../../cohort/application/cohort-access';
import type { RegistrationStatus } from '../domain/gathering';
import { GatheringRegistrationEntity } from '../infrastructure/gathering-registration.entity';
import { GatheringEntity } from '../infrastructure/gathering.entity';
import { GATHERING_ACCESS, loadGathering } from './gathering-lookup';
import { GatheringSeats } from './gathering-seats';
import { type GatheringView, gatheringViews, type RegistrationView } from './gathering-views';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * A programme's gatherings in start order, cancelled ones included (marked).
 * The cursor is the last id of the previous page; the page resumes after that
 * gathering's (start, id), so a keyset page stays stable in time order.
 */
@Injectable()
export class ListGatheringsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: GatheringSeats,
  ) {}

  async execute(caller: AuthUser, programId: string, page: PageRequest): Promise<Page<GatheringView>> {
    const manager = this.dataSource.manager;
    await loadProgramInCohort(manager, caller, programId, GATHERING_ACCESS);
    const query = manager
      .createQueryBuilder(GatheringEntity, 'gathering')
      .where('gathering.programId = :programId', { programId })
      .orderBy('gathering.startsAt', 'ASC')
      .addOrderBy('gathering.id', 'ASC')
      .limit(page.limit + 1);
    if (page.cursor) {
      query.andWhere('(gathering.startsAt, gathering.id) > (SELECT previous.starts_at, previous.id FROM gatherings AS previous WHERE previous.id = :cursor)', {
        cursor: page.cursor,
      });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, page.limit);
    return { items: await gatheringViews(manager, this.seats, caller, items), nextCursor: rows.length > page.limit ? items[items.length - 1].id : null };
  }
}

@Injectable()
export class GetGatheringUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: GatheringSeats,
  ) {}

  async execute(caller: AuthUser, id: string): Promise<GatheringView> {
    const { gathering } = await loadGathering(this.dataSource.manager, caller, id);
    return (await gatheringViews(this.dataSource.manager, this.seats, caller, [gathering]))[0];
  }
}

/** Who registered, in registration order, with the waitlist positions: for organizers and integrators, not for other members. */
@Injectable()
export class ListRegistrationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: GatheringSeats,
  ) {}

  async execute(caller: AuthUser, gatheringId: string, query: PageRequest & { status?: RegistrationStatus }): Promise<Page<RegistrationView>> {
    const manager = this.dataSource.manager;
    const { standing } = await loadGathering(manager, caller, gatheringId);
    if (standing.kind === 'member') {
      throw new ForbiddenException({
        message: "Only the network's organizers and integrators list a gathering's registrations; yours is in the gathering.",
        details: [{ path: 'authorization', issue: 'requires the role organizer or integrator' }],
      });
    }
    const where: FindOptionsWhere<GatheringRegistrationEntity> = {
      gatheringId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.cursor ? { id: MoreThan(query.cursor) } : {}),
    };
    const rows = await manager.find(GatheringRegistrationEntity, { where, order: { id: 'ASC' }, take: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    const positions = await this.seats.waitlistPositions(manager, gatheringId);
    const views = items.map((registration) => ({ registration, waitlistPosition: positions.get(registration.id) ?? null }));
    return { items: views, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}
