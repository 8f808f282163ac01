import { Injectable } from '@nestjs/common';
import { gatheringRegistered, gatheringRegistrationCancelled } from '@passerelle/contracts';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { type EntityManager, In } from 'typeorm';
import { type CancelReason, promotable } from '../domain/gathering';
import { GatheringRegistrationEntity } from '../infrastructure/gathering-registration.entity';
import { GatheringEntity } from '../infrastructure/gathering.entity';

export interface SeatCounts {
  readonly confirmed: number;
  readonly waitlisted: number;
}

/**
 * Seat bookkeeping shared by registration, cancellation, capacity changes,
 * withdrawal and erasure. Callers hold the gathering's row lock
 * (`loadGathering(..., lock)` or `lockGathering`), which is what makes the
 * counts below true until their transaction commits.
 */
@Injectable()
export class GatheringSeats {
  constructor(private readonly outbox: OutboxWriter) {}

  async counts(manager: EntityManager, gatheringId: string): Promise<SeatCounts> {
    const [row] = (await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM gathering_registrations WHERE gathering_id = $1`,
      [gatheringId],
    )) as SeatCounts[];
    return row;
  }

  /** Announces a confirmed seat (`gathering.registered`). */
  async announceConfirmed(manager: EntityManager, gathering: GatheringEntity, registration: GatheringRegistrationEntity, waitlistedAt?: Date): Promise<void> {
    await this.outbox.append(manager, gatheringRegistered, {
      gatheringId: gathering.id,
      registrationId: registration.id,
      networkId: gathering.networkId,
      programId: gathering.programId,
      userId: registration.userId!,
      kind: gathering.kind,
      startsAt: gathering.startsAt.toISOString(),
      registeredAt: registration.confirmedAt!.toISOString(),
      ...(waitlistedAt ? { waitlistedAt: waitlistedAt.toISOString() } : {}),
    });
  }

  /** Moves the first of the waitlist (registration order) into the seats that are free; each is announced. */
  async fillFromWaitlist(manager: EntityManager, gathering: GatheringEntity, now: Date): Promise<GatheringRegistrationEntity[]> {
    if (gathering.status !== 'scheduled') return [];
    const { confirmed, waitlisted } = await this.counts(manager, gathering.id);
    const count = promotable(confirmed, gathering.capacity, waitlisted);
    if (count === 0) return [];
    const promoted = await manager.find(GatheringRegistrationEntity, {
      where: { gatheringId: gathering.id, status: 'waitlisted' },
      order: { id: 'ASC' },
      take: count,
    });
    for (const registration of promoted) {
      registration.status = 'confirmed';
      registration.confirmedAt = now;
      await manager.save(registration);
      await this.announceConfirmed(manager, gathering, registration, registration.registeredAt);
    }
    return promoted;
  }

  /**
   * Cancels an open registration. Only a confirmed seat was announced, so only
   * its cancellation is (`gathering.registration_cancelled`); the freed seat is
   * not refilled here, callers decide (a cancelled gathering refills nothing).
   */
  async cancel(manager: EntityManager, gathering: GatheringEntity, registration: GatheringRegistrationEntity, reason: CancelReason, now: Date): Promise<void> {
    const wasConfirmed = registration.status === 'confirmed';
    registration.status = 'cancelled';
    registration.cancelledAt = now;
    registration.cancelReason = reason;
    await manager.save(registration);
    if (wasConfirmed) {
      await this.outbox.append(manager, gatheringRegistrationCancelled, {
        gatheringId: gathering.id,
        registrationId: registration.id,
        networkId: gathering.networkId,
        programId: gathering.programId,
        userId: registration.userId!,
        kind: gathering.kind,
        startsAt: gathering.startsAt.toISOString(),
        reason,
        cancelledAt: now.toISOString(),
      });
    }
  }

  /** Position on the waitlist, 1 for the next to move up; null for anyone not waiting. */
  async waitlistPosition(manager: EntityManager, registration: GatheringRegistrationEntity): Promise<number | null> {
    if (registration.status !== 'waitlisted') return null;
    const [row] = (await manager.query(
      `SELECT count(*)::int AS position FROM gathering_registrations WHERE gathering_id = $1 AND status = 'waitlisted' AND id <= $2`,
      [registration.gatheringId, registration.id],
    )) as Array<{ position: number }>;
    return row.position;
  }

  /** Every waitlisted registration's position, by registration id, in one query (for a page of registrations). */
  async waitlistPositions(manager: EntityManager, gatheringId: string): Promise<Map<string, number>> {
    const rows = (await manager.query(
      `SELECT id, row_number() OVER (ORDER BY id)::int AS position FROM gathering_registrations WHERE gathering_id = $1 AND status = 'waitlisted'`,
      [gatheringId],
    )) as Array<{ id: string; position: number }>;
    return new Map(rows.map((row) => [row.id, row.position]));
  }

  /**
   * Gives up a person's places at the gatherings still to come (of one
   * programme, or all of them), as if they had cancelled each one, and moves
   * the waitlists up. For people who leave the cohort: they no longer hold
   * seats others wait for. Gathering rows are locked in id order, the order
   * every path takes, before their registrations are touched.
   */
  async releaseUpcoming(
    manager: EntityManager,
    person: { readonly userId: string; readonly networkId: string; readonly programId?: string },
    reason: CancelReason,
    now: Date,
  ): Promise<void> {
    const gatherings = (await manager.query(
      `SELECT id FROM gatherings
        WHERE network_id = $2 AND status = 'scheduled' AND starts_at > $3 AND ($4::uuid IS NULL OR program_id = $4::uuid)
          AND id IN (SELECT gathering_id FROM gathering_registrations WHERE user_id = $1 AND status IN ('confirmed', 'waitlisted'))
        ORDER BY id FOR UPDATE`,
      [person.userId, person.networkId, now, person.programId ?? null],
    )) as Array<{ id: string }>;
    for (const { id } of gatherings) {
      const gathering = await manager.findOneByOrFail(GatheringEntity, { id });
      const open = await manager.findBy(GatheringRegistrationEntity, { gatheringId: id, userId: person.userId, status: In(['confirmed', 'waitlisted']) });
      for (const registration of open) await this.cancel(manager, gathering, registration, reason, now);
      await this.fillFromWaitlist(manager, gathering, now);
    }
  }
}
