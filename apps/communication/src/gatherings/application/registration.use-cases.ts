import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource, In } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertProgramOpen, requireMember } from '../../cohort/application/cohort-access';
import { registrationClosedReason, seatFor } from '../domain/gathering';
import { GatheringRegistrationEntity } from '../infrastructure/gathering-registration.entity';
import { gatheringConflict, loadGathering } from './gathering-lookup';
import { GatheringSeats } from './gathering-seats';
import type { RegistrationView } from './gathering-views';

/**
 * A cohort member registers: confirmed while seats remain, otherwise
 * waitlisted with a position. The gathering's row lock serialises concurrent
 * registrations, so the count read here is still true at commit and the
 * confirmed seats never exceed the capacity.
 */
@Injectable()
export class RegisterForGatheringUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: GatheringSeats,
  ) {}

  async execute(caller: AuthUser, gatheringId: string, options: { readonly waitlist: boolean }): Promise<RegistrationView> {
    return this.dataSource.transaction(async (manager) => {
      const { gathering, program, standing } = await loadGathering(manager, caller, gatheringId, true);
      requireMember(standing, 'registers for its gatherings');
      const now = new Date();
      const closed = registrationClosedReason(gathering, now);
      if (closed) throw gatheringConflict('This gathering takes no registrations.', closed);
      assertProgramOpen(program);
      const existing = await manager.findOneBy(GatheringRegistrationEntity, {
        gatheringId,
        userId: caller.userId,
        status: In(['confirmed', 'waitlisted']),
      });
      if (existing) throw gatheringConflict('You are already registered for this gathering.', { path: 'registration', issue: `is ${existing.status}` });
      const { confirmed } = await this.seats.counts(manager, gatheringId);
      const status = seatFor(confirmed, gathering.capacity);
      if (status === 'waitlisted' && !options.waitlist) {
        throw gatheringConflict('The gathering is full, and you asked not to be waitlisted.', {
          path: 'capacity',
          issue: `is reached: ${confirmed} of ${gathering.capacity} seats are confirmed`,
        });
      }
      const registration = await manager.save(
        manager.create(GatheringRegistrationEntity, {
          id: uuidv7(),
          gatheringId,
          networkId: gathering.networkId,
          programId: gathering.programId,
          userId: caller.userId,
          status,
          registeredAt: now,
          confirmedAt: status === 'confirmed' ? now : null,
          cancelledAt: null,
          cancelReason: null,
          attendanceRecordedAt: null,
          attendanceRecordedBy: null,
          erasedAt: null,
        }),
      );
      if (status === 'confirmed') await this.seats.announceConfirmed(manager, gathering, registration);
      return { registration, waitlistPosition: await this.seats.waitlistPosition(manager, registration) };
    });
  }
}

/** A participant gives up their place before the start; a freed seat goes to the first of the waitlist in the same transaction. */
@Injectable()
export class CancelRegistrationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: GatheringSeats,
  ) {}

  async execute(caller: AuthUser, gatheringId: string): Promise<RegistrationView> {
    return this.dataSource.transaction(async (manager) => {
      const { gathering } = await loadGathering(manager, caller, gatheringId, true);
      const registration = await manager.findOneBy(GatheringRegistrationEntity, {
        gatheringId,
        userId: caller.userId,
        status: In(['confirmed', 'waitlisted']),
      });
      if (!registration) {
        throw new NotFoundException({ message: 'You have no registration for this gathering.', details: [{ path: 'registration', issue: 'does not exist' }] });
      }
      const now = new Date();
      const closed = registrationClosedReason(gathering, now);
      if (closed) throw gatheringConflict('A registration is cancelled before the gathering starts.', closed);
      await this.seats.cancel(manager, gathering, registration, 'participant_cancelled', now);
      await this.seats.fillFromWaitlist(manager, gathering, now);
      return { registration, waitlistPosition: null };
    });
  }
}
