import { Injectable } from '@nestjs/common';
import { enrollmentWithdrawn, type EnrollmentWithdrawnData, type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';
import { GatheringSeats } from '../application/gathering-seats';

/**
 * GDPR erasure (issue 6, item 8), the gatherings' part: places at gatherings
 * still to come are given up (the waitlist moves up), then every registration
 * of the person is anonymised and kept, so counts and attendance rates stay
 * right; organizers' names go from what they created or checked.
 */
@Injectable()
@HandlesEvent(userErased)
export class GatheringUserErasedHandler implements EventHandler<UserErasedData> {
  constructor(private readonly seats: GatheringSeats) {}

  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, erasedAt } = event.data;
    await this.seats.releaseUpcoming(manager, { userId, networkId }, 'participant_erased', new Date());
    await manager.query('UPDATE gathering_registrations SET user_id = NULL, erased_at = $3 WHERE user_id = $1 AND network_id = $2', [userId, networkId, erasedAt]);
    await manager.query('UPDATE gathering_registrations SET attendance_recorded_by = NULL WHERE attendance_recorded_by = $1 AND network_id = $2', [userId, networkId]);
    await manager.query('UPDATE gatherings SET created_by = NULL WHERE created_by = $1 AND network_id = $2', [userId, networkId]);
  }
}

/**
 * A participant who leaves a programme (and holds no other role in it) gives
 * up their places at its gatherings still to come. Their other enrolments
 * are read from the cohort's copy leaving this one out, so the outcome does
 * not depend on whether the cohort's handler of this event ran first.
 */
@Injectable()
@HandlesEvent(enrollmentWithdrawn)
export class GatheringEnrollmentWithdrawnHandler implements EventHandler<EnrollmentWithdrawnData> {
  constructor(private readonly seats: GatheringSeats) {}

  async handle(event: EventEnvelope<EnrollmentWithdrawnData>, manager: EntityManager): Promise<void> {
    const { enrollmentId, userId, networkId, programId } = event.data;
    const [stays] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM cohort_members WHERE program_id = $1 AND user_id = $2 AND status = 'active' AND enrollment_id <> $3) AS member`,
      [programId, userId, enrollmentId],
    )) as Array<{ member: boolean }>;
    if (stays.member) return;
    await this.seats.releaseUpcoming(manager, { userId, networkId, programId }, 'participant_withdrew', new Date());
  }
}
