import { Injectable } from '@nestjs/common';
import {
  enrollmentSubmitted,
  type EnrollmentSubmittedData,
  enrollmentUpdated,
  type EnrollmentUpdatedData,
  enrollmentWithdrawn,
  type EnrollmentWithdrawnData,
  type EventEnvelope,
} from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

interface MemberFacts {
  readonly enrollmentId: string;
  readonly networkId: string;
  readonly programId: string;
  readonly userId: string;
  readonly role: 'mentor' | 'mentee';
}

/**
 * Idempotent upsert of one enrolment's membership. A withdrawn or erased
 * member is never revived by a later event, and an enrolment whose person has
 * already erased their account (the erasure came first, on another topic) is
 * stored anonymous, so the copy converges whatever the interleaving.
 */
async function upsertMember(manager: EntityManager, facts: MemberFacts, status: 'active' | 'withdrawn', at: string): Promise<void> {
  await manager.query(
    `INSERT INTO cohort_members (enrollment_id, network_id, program_id, user_id, role, status, enrolled_at, updated_at)
     SELECT $1::uuid, $2::uuid, $3::uuid, CASE WHEN erased.user_id IS NULL THEN $4::uuid END, $5::text,
            CASE WHEN erased.user_id IS NULL THEN $6::text ELSE 'erased' END, $7::timestamptz, now()
       FROM (SELECT 1) AS one LEFT JOIN cohort_erased_users AS erased ON erased.user_id = $4::uuid
     ON CONFLICT (enrollment_id) DO UPDATE SET status = EXCLUDED.status, user_id = EXCLUDED.user_id, updated_at = now()
       WHERE cohort_members.status = 'active' AND EXCLUDED.status <> 'active'`,
    [facts.enrollmentId, facts.networkId, facts.programId, facts.userId, facts.role, status, at],
  );
}

@Injectable()
@HandlesEvent(enrollmentSubmitted)
export class CohortEnrollmentSubmittedHandler implements EventHandler<EnrollmentSubmittedData> {
  handle(event: EventEnvelope<EnrollmentSubmittedData>, manager: EntityManager): Promise<void> {
    return upsertMember(manager, event.data, 'active', event.data.submittedAt);
  }
}

/** An update changes answers, never the programme or the role: it only fills a copy that missed `submitted`. */
@Injectable()
@HandlesEvent(enrollmentUpdated)
export class CohortEnrollmentUpdatedHandler implements EventHandler<EnrollmentUpdatedData> {
  handle(event: EventEnvelope<EnrollmentUpdatedData>, manager: EntityManager): Promise<void> {
    return upsertMember(manager, event.data, 'active', event.data.updatedAt);
  }
}

/** A participant who leaves is no longer of the cohort: they stop reading and writing its spaces. */
@Injectable()
@HandlesEvent(enrollmentWithdrawn)
export class CohortEnrollmentWithdrawnHandler implements EventHandler<EnrollmentWithdrawnData> {
  handle(event: EventEnvelope<EnrollmentWithdrawnData>, manager: EntityManager): Promise<void> {
    return upsertMember(manager, event.data, 'withdrawn', event.data.withdrawnAt);
  }
}
