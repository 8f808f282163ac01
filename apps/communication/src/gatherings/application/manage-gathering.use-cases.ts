import { BadRequestException, Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource, In } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertProgramOpen, loadProgramInCohort, requireOrganizer } from '../../cohort/application/cohort-access';
import { type GatheringKind, type GatheringPlan, planProblems, registrationClosedReason } from '../domain/gathering';
import { GatheringRegistrationEntity } from '../infrastructure/gathering-registration.entity';
import { GatheringEntity } from '../infrastructure/gathering.entity';
import { gatheringConflict, GATHERING_ACCESS, loadGathering } from './gathering-lookup';
import { GatheringSeats } from './gathering-seats';
import { type GatheringView, gatheringViews } from './gathering-views';

export interface GatheringDetails {
  readonly title: string;
  readonly description: string;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly capacity: number;
  readonly onlineUrl: string | null;
  readonly place: string | null;
}

export interface CreateGatheringCommand extends GatheringDetails {
  readonly programId: string;
  readonly kind: GatheringKind;
}

export type UpdateGatheringCommand = Partial<Omit<GatheringDetails, 'onlineUrl' | 'place'>> & {
  readonly onlineUrl?: string;
  readonly place?: string;
};

function invalidPlan(problems: readonly { path: string; issue: string }[]): BadRequestException {
  return new BadRequestException({ message: 'The request is invalid.', details: problems });
}

/** Organizers schedule a webinar or a networking event for one programme's cohort. */
@Injectable()
export class CreateGatheringUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: GatheringSeats,
  ) {}

  async execute(caller: AuthUser, command: CreateGatheringCommand): Promise<GatheringView> {
    return this.dataSource.transaction(async (manager) => {
      const { program, standing } = await loadProgramInCohort(manager, caller, command.programId, GATHERING_ACCESS);
      requireOrganizer(standing, 'schedules gatherings');
      const now = new Date();
      const problems = planProblems(command, now);
      if (problems.length > 0) throw invalidPlan(problems);
      assertProgramOpen(program);
      const gathering = await manager.save(
        manager.create(GatheringEntity, {
          id: uuidv7(),
          networkId: program.networkId,
          programId: program.id,
          kind: command.kind,
          title: command.title.trim(),
          description: command.description,
          startsAt: command.startsAt,
          durationMinutes: command.durationMinutes,
          capacity: command.capacity,
          onlineUrl: command.onlineUrl,
          place: command.place,
          status: 'scheduled',
          createdBy: caller.userId,
          createdAt: now,
          updatedAt: now,
          cancelledAt: null,
          cancelReason: null,
        }),
      );
      return (await gatheringViews(manager, this.seats, caller, [gathering]))[0];
    });
  }
}

/**
 * Organizers change a gathering until it starts. A larger capacity moves the
 * waitlist up at once; a capacity below the seats already confirmed is
 * refused rather than silently unseating people.
 */
@Injectable()
export class UpdateGatheringUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: GatheringSeats,
  ) {}

  async execute(caller: AuthUser, id: string, command: UpdateGatheringCommand): Promise<GatheringView> {
    return this.dataSource.transaction(async (manager) => {
      const { gathering, program, standing } = await loadGathering(manager, caller, id, true);
      requireOrganizer(standing, 'changes gatherings');
      const now = new Date();
      const closed = registrationClosedReason(gathering, now);
      if (closed) throw gatheringConflict('A gathering that is cancelled or has started does not change.', closed);
      assertProgramOpen(program);
      const relocated = command.onlineUrl !== undefined || command.place !== undefined;
      const plan: GatheringPlan = {
        startsAt: command.startsAt ?? gathering.startsAt,
        durationMinutes: command.durationMinutes ?? gathering.durationMinutes,
        capacity: command.capacity ?? gathering.capacity,
        onlineUrl: relocated ? (command.onlineUrl ?? null) : gathering.onlineUrl,
        place: relocated ? (command.place ?? null) : gathering.place,
      };
      const problems = planProblems(plan, now);
      if (problems.length > 0) throw invalidPlan(problems);
      const { confirmed } = await this.seats.counts(manager, gathering.id);
      if (plan.capacity < confirmed) {
        throw gatheringConflict(`${confirmed} seats are already confirmed: the capacity cannot go below that.`, {
          path: 'capacity',
          issue: `must be at least ${confirmed} (the confirmed registrations)`,
        });
      }
      Object.assign(gathering, {
        ...plan,
        title: command.title?.trim() ?? gathering.title,
        description: command.description ?? gathering.description,
        updatedAt: now,
      });
      await manager.save(gathering);
      await this.seats.fillFromWaitlist(manager, gathering, now);
      return (await gatheringViews(manager, this.seats, caller, [gathering]))[0];
    });
  }
}

/** Organizers call a gathering off before it starts: every open registration is cancelled, and announced if it held a seat. */
@Injectable()
export class CancelGatheringUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: GatheringSeats,
  ) {}

  async execute(caller: AuthUser, id: string, reason: string | undefined): Promise<GatheringView> {
    return this.dataSource.transaction(async (manager) => {
      const { gathering, standing } = await loadGathering(manager, caller, id, true);
      requireOrganizer(standing, 'cancels gatherings');
      const now = new Date();
      const closed = registrationClosedReason(gathering, now);
      if (closed) throw gatheringConflict('Only a gathering that has not started is cancelled.', closed);
      Object.assign(gathering, { status: 'cancelled', cancelledAt: now, cancelReason: reason?.trim() || null, updatedAt: now });
      await manager.save(gathering);
      const open = await manager.find(GatheringRegistrationEntity, {
        where: { gatheringId: gathering.id, status: In(['confirmed', 'waitlisted']) },
        order: { id: 'ASC' },
      });
      for (const registration of open) await this.seats.cancel(manager, gathering, registration, 'gathering_cancelled', now);
      return (await gatheringViews(manager, this.seats, caller, [gathering]))[0];
    });
  }
}
